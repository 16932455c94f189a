// Access to the parts of an opened OFD: path resolution (OFD files mix absolute "/Doc_0/…", relative and
// differently-cased references to their own parts), cached XML parsing, and a record of unreadable parts.
import { err, ok, type Result } from '../../domain/result';
import { parseXml, xmlText, type XmlElement } from './xml';
import type { ZipArchive, ZipError } from './zip-reader';

/** Why a part could not be used. */
export type PartError = { readonly kind: 'missing' } | { readonly kind: 'malformed' } | { readonly kind: 'zip'; readonly error: ZipError };

/** A parsed XML part. */
export interface XmlPart {
  readonly name: string;
  readonly root: XmlElement;
}

/** Joins a reference onto the folder of the part that made it; "/x" is from the package root. */
export function resolvePath(baseDir: string, loc: string): string {
  const raw = loc.trim().replace(/\\/g, '/');
  const parts = (raw.startsWith('/') ? raw : `${baseDir}/${raw}`).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '' || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return out.join('/');
}

/** The folder part of a path ("Doc_0/Document.xml" → "Doc_0"). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

/** Reads parts of one OFD, remembering which ones were malformed so the caller can say so. */
export class OfdPackage {
  private readonly xmlCache = new Map<string, Result<XmlPart, PartError>>();
  /** Names of parts that exist but could not be parsed or inflated. */
  readonly damagedParts: string[] = [];

  constructor(readonly zip: ZipArchive) {}

  /** True when the part exists. */
  has(path: string): boolean {
    return this.zip.find(path) !== undefined;
  }

  /** The raw bytes of a part. */
  bytes(path: string): Result<Uint8Array, PartError> {
    const entry = this.zip.find(path);
    if (entry === undefined) return err({ kind: 'missing' });
    const data = this.zip.read(entry);
    if (data.ok) return data;
    if (data.error.kind !== 'tooLarge') this.damagedParts.push(entry.name);
    return err({ kind: 'zip', error: data.error });
  }

  /** A parsed XML part (cached). */
  xml(path: string): Result<XmlPart, PartError> {
    const key = path.toLowerCase();
    const cached = this.xmlCache.get(key);
    if (cached) return cached;
    const result = this.parse(path);
    this.xmlCache.set(key, result);
    return result;
  }

  private parse(path: string): Result<XmlPart, PartError> {
    const data = this.bytes(path);
    if (!data.ok) return data;
    const parsed = parseXml(xmlText(data.value));
    if (!parsed.ok) {
      this.damagedParts.push(this.zip.find(path)?.name ?? path);
      return err({ kind: 'malformed' });
    }
    return ok({ name: parsed.value.name, root: parsed.value.root });
  }

  /** Entry names matching a pattern, in archive order. */
  find(pattern: RegExp): string[] {
    return this.zip.entries.map((e) => e.name).filter((n) => pattern.test(n));
  }
}
