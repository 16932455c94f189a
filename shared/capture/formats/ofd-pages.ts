// Text objects of OFD pages (GB/T 33190 §7–§11): Document.xml lists pages (with IDs that CustomTag refers
// to) and template pages; each Content.xml holds TextObjects whose Boundary ("x y w h", mm, y downwards) and
// TextCode X/Y (baseline, relative to the boundary) place the text. Labels of old invoices live in templates.
import { dirname, resolvePath, type OfdPackage } from './ofd-package';
import type { TextItem } from '../text/text-items';
import { attr, children, ownText, type XmlElement } from './xml';

/** One TextObject: its ID, page, placement and full text (its TextCodes joined). */
export interface OfdTextObject {
  readonly id: string;
  readonly pageId: string;
  readonly pageIndex: number;
  readonly fromTemplate: boolean;
  /** One positioned item per TextCode. */
  readonly items: readonly TextItem[];
  readonly text: string;
}

/** A page of the document. */
export interface OfdPage {
  readonly id: string;
  readonly index: number;
  readonly objects: readonly OfdTextObject[];
}

/** Numbers of a space-separated attribute ("69 7 72 7.6749"). */
function numbers(value: string | undefined): number[] {
  return (value ?? '').trim().split(/\s+/).filter((s) => s !== '').map(Number).filter((n) => Number.isFinite(n));
}

/** Sum of a DeltaX list, expanding "g n d" (n repetitions of d). */
function deltaSum(value: string | undefined): number {
  const tokens = (value ?? '').trim().split(/\s+/).filter((s) => s !== '');
  let sum = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i] === 'g') {
      sum += Number(tokens[i + 1]) * Number(tokens[i + 2]);
      i += 2;
    } else {
      sum += Number(tokens[i]);
    }
  }
  return Number.isFinite(sum) ? sum : 0;
}

/** Approximate advance of one character: CJK and full-width forms are square, the rest about half. */
const advance = (ch: string, size: number): number => (/[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.55);

/** Collects TextObjects at any depth (Layer, PageBlock, …). */
function collectTextObjects(node: XmlElement, out: XmlElement[], depth = 0): void {
  if (depth > 32) return;
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@_') || key === '#text' || !Array.isArray(value)) continue;
    for (const v of value as unknown[]) {
      if (typeof v !== 'object' || v === null) continue;
      if (key === 'TextObject') out.push(v as XmlElement);
      else collectTextObjects(v as XmlElement, out, depth + 1);
    }
  }
}

/** Turns one TextObject into positioned items. */
function toTextObject(obj: XmlElement, pageId: string, pageIndex: number, fromTemplate: boolean): OfdTextObject {
  const [bx = 0, by = 0, bw = 0, bh = 0] = numbers(attr(obj, 'Boundary'));
  const size = numbers(attr(obj, 'Size'))[0] ?? bh;
  const items: TextItem[] = [];
  for (const code of children(obj, 'TextCode')) {
    const str = ownText(code);
    const x = bx + (numbers(attr(code, 'X'))[0] ?? 0);
    const y = by + (numbers(attr(code, 'Y'))[0] ?? bh);
    const chars = Array.from(str);
    const last = chars.at(-1) ?? '';
    const measured = deltaSum(attr(code, 'DeltaX')) + advance(last, size);
    const estimated = chars.reduce((w, ch) => w + advance(ch, size), 0);
    const width = Math.min(bw > 0 ? bw : Infinity, attr(code, 'DeltaX') ? measured : estimated);
    items.push({ str, x, y, width, height: size, page: pageIndex + 1 });
  }
  return { id: attr(obj, 'ID') ?? '', pageId, pageIndex, fromTemplate, items, text: items.map((i) => i.str).join('') };
}

/** Reads the text objects of one content part. */
function readContent(pkg: OfdPackage, path: string, pageId: string, pageIndex: number, fromTemplate: boolean): OfdTextObject[] {
  const part = pkg.xml(path);
  if (!part.ok) return [];
  const raw: XmlElement[] = [];
  collectTextObjects(part.value.root, raw);
  return raw.map((o) => toTextObject(o, pageId, pageIndex, fromTemplate));
}

/** Reads the pages of the document at `docRoot` (e.g. "Doc_0/Document.xml"), with their template text. */
export function readOfdPages(pkg: OfdPackage, docRoot: string, maxPages = Infinity): OfdPage[] {
  const doc = pkg.xml(docRoot);
  if (!doc.ok) return [];
  const docDir = dirname(docRoot);
  const commonData = children(doc.value.root, 'CommonData')[0];
  const templates = new Map(children(commonData, 'TemplatePage').map((t) => [attr(t, 'ID') ?? '', attr(t, 'BaseLoc') ?? '']));
  const pageRefs = children(children(doc.value.root, 'Pages')[0], 'Page').slice(0, maxPages);
  return pageRefs.map((ref, index) => {
    const id = attr(ref, 'ID') ?? '';
    const path = resolvePath(docDir, attr(ref, 'BaseLoc') ?? '');
    const objects = readContent(pkg, path, id, index, false);
    const pageXml = pkg.xml(path);
    const templateIds = pageXml.ok ? children(pageXml.value.root, 'Template').map((t) => attr(t, 'TemplateID') ?? '') : [];
    // Pages that name no template still show the first one in some generators; only named ones are read.
    for (const tid of templateIds) {
      const loc = templates.get(tid);
      if (loc) objects.push(...readContent(pkg, resolvePath(docDir, loc), id, index, true));
    }
    return { id, index, objects };
  });
}

/** Looks text objects up by ID: on the given page first, then anywhere (some files give wrong PageRefs). */
export type TextObjectLookup = (id: string, pageId: string | undefined) => OfdTextObject | undefined;

/** Indexes the pages' own (non-template) text objects by page and ID. */
export function indexTextObjects(pages: readonly OfdPage[]): TextObjectLookup {
  const byPage = new Map<string, OfdTextObject>();
  const anywhere = new Map<string, OfdTextObject>();
  for (const page of pages) {
    for (const o of page.objects) {
      if (o.fromTemplate) continue;
      const key = `${page.id}\u0000${o.id}`;
      if (!byPage.has(key)) byPage.set(key, o);
      if (!anywhere.has(o.id)) anywhere.set(o.id, o);
    }
  }
  return (id, pageId) => byPage.get(`${pageId ?? ''}\u0000${id}`) ?? anywhere.get(id);
}

/** All positioned text of the document, templates included, for layout reading. */
export function pageTextItems(pages: readonly OfdPage[]): TextItem[] {
  return pages.flatMap((p) => p.objects.flatMap((o) => o.items));
}
