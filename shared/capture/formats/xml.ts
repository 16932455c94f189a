// A thin, defensive layer over fast-xml-parser for invoice XML: namespace prefixes are dropped (files mix
// `fp:`, `ofd:` and none), every element is an array so repeated elements need no special case, values stay
// text (invoice numbers keep their leading zeros), and documents declaring entities are refused (no
// entity-expansion bombs; no invoice format uses a DTD).
import { XMLParser } from 'fast-xml-parser';
import { strFromU8 } from 'fflate';
import { err, ok, type Result } from '../../domain/result';

/** A parsed element: child element arrays by local name, attributes under "@_Name", text under "#text". */
export type XmlElement = Readonly<Record<string, unknown>>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: true,
  isArray: (_name, _jpath, _isLeaf, isAttribute) => !isAttribute,
});

/** Decodes XML bytes as UTF-8 and drops a byte-order mark. */
export function xmlText(bytes: Uint8Array): string {
  return strFromU8(bytes).replace(/^\uFEFF/, '');
}

/** Some generators write an empty prefix (`<:eInvoice xmlns:="">`); read it as no prefix. */
function repairEmptyPrefixes(text: string): string {
  return text.replace(/<(\/?):(?=[A-Za-z_])/g, '<$1').replace(/\sxmlns:=""/g, '');
}

const TOKEN = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<\/?([^\s/>]+)(?:"[^"]*"|'[^']*'|[^'">])*>|</g;

/**
 * Checks that tags nest and close (the parser itself accepts truncated files and returns what it saw, which
 * would turn a damaged file into silently missing fields).
 */
function isWellFormed(text: string): boolean {
  const open: string[] = [];
  let roots = 0;
  for (const m of text.matchAll(TOKEN)) {
    const token = m[0];
    const name = m[1];
    if (token === '<') return false;
    if (name === undefined) continue;
    if (token.startsWith('</')) {
      if (open.pop() !== name) return false;
    } else if (!token.endsWith('/>')) {
      if (open.length === 0) roots++;
      open.push(name);
    } else if (open.length === 0) {
      roots++;
    }
  }
  return open.length === 0 && roots === 1;
}

/** Parses XML text; fails on malformed text and on any entity declaration. Returns the root's name and element. */
export function parseXml(text: string): Result<{ readonly name: string; readonly root: XmlElement }, 'malformed'> {
  const t = repairEmptyPrefixes(text.replace(/^\uFEFF/, ''));
  if (/<!ENTITY/i.test(t)) return err('malformed');
  if (!isWellFormed(t)) return err('malformed');
  let doc: unknown;
  try {
    doc = parser.parse(t);
  } catch {
    return err('malformed');
  }
  if (typeof doc !== 'object' || doc === null) return err('malformed');
  for (const [name, value] of Object.entries(doc)) {
    if (name.startsWith('?') || name.startsWith('!') || !Array.isArray(value)) continue;
    const first: unknown = value[0];
    return ok({ name, root: asElement(first) });
  }
  return err('malformed');
}

/** Wraps a leaf's bare text as an element so callers see one shape. */
function asElement(value: unknown): XmlElement {
  if (typeof value === 'object' && value !== null) return value as XmlElement;
  return { '#text': typeof value === 'string' ? value : '' };
}

/** Child elements with this local name, in document order. */
export function children(node: XmlElement | undefined, name: string): XmlElement[] {
  const value = node?.[name];
  return Array.isArray(value) ? value.map(asElement) : [];
}

/** The first element along a path of local names. */
export function child(node: XmlElement | undefined, ...path: readonly string[]): XmlElement | undefined {
  let current = node;
  for (const name of path) current = children(current, name)[0];
  return current;
}

/** Names of an element's child elements, in first-seen order. */
export function childNames(node: XmlElement): string[] {
  return Object.keys(node).filter((k) => !k.startsWith('@_') && k !== '#text');
}

/** An element's own text (including CDATA), or '' when it has none. */
export function ownText(node: XmlElement | undefined): string {
  const t = node?.['#text'];
  if (typeof t !== 'string') return '';
  // The parser decodes the five named entities; numeric references are decoded here.
  return t.replace(/&#(?:x([0-9a-fA-F]{1,6})|(\d{1,7}));/g, (whole, hex: string | undefined, dec: string | undefined) => {
    const cp = hex === undefined ? Number(dec) : parseInt(hex, 16);
    return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : whole;
  });
}

/** Trimmed text at a path; undefined when the element is missing or blank. */
export function textAt(node: XmlElement | undefined, ...path: readonly string[]): string | undefined {
  const t = ownText(child(node, ...path)).trim();
  return t === '' ? undefined : t;
}

/** An attribute's value. */
export function attr(node: XmlElement | undefined, name: string): string | undefined {
  const v = node?.[`@_${name}`];
  return typeof v === 'string' ? v : undefined;
}
