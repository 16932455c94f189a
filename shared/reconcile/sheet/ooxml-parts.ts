/*
 * The small parts of an .xlsx package the fast reader needs besides the sheets: the sheet list (workbook.xml and
 * its relationships), number formats per cell style (styles.xml) and the shared strings. Plain string scanning,
 * because these parts are machine-written with a fixed shape; anything unexpected makes the caller fall back to
 * SheetJS, which reads every variant but several times slower.
 */
import { classifyFormatId, type NumberFormatInfo } from './number-format';
import { attr, cellXmlText, unescapeXml } from './xml-text';

/** A worksheet listed in workbook.xml, with the package path of its XML. */
export interface SheetEntry {
  readonly name: string;
  readonly path: string;
}

/** The sheet list and the date system of a workbook; null when the part uses a shape this reader does not handle. */
export function readWorkbookPart(workbookXml: string, relsXml: string): { sheets: SheetEntry[]; date1904: boolean } | null {
  // Namespace-prefixed parts (<x:sheet>) are rare; SheetJS reads them.
  if (!workbookXml.includes('<sheets') || !relsXml.includes('<Relationship')) return null;
  const targets = new Map<string, string>();
  for (const m of relsXml.matchAll(/<Relationship\b([^>]*)>/g)) {
    const tag = m[1] ?? '';
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    const type = attr(tag, 'Type') ?? '';
    if (id !== undefined && target !== undefined && type.endsWith('/worksheet')) {
      targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
    }
  }
  const sheets: SheetEntry[] = [];
  for (const m of workbookXml.matchAll(/<sheet\b([^>]*)>/g)) {
    const tag = m[1] ?? '';
    const name = attr(tag, 'name');
    const id = attr(tag, 'r:id');
    if (name === undefined || id === undefined) return null;
    const path = targets.get(id);
    // Chart sheets and dialog sheets have no cells.
    if (path !== undefined) sheets.push({ name: unescapeXml(name), path });
  }
  const pr = /<workbookPr\b([^>]*)>/.exec(workbookXml)?.[1] ?? '';
  const date1904 = attr(pr, 'date1904');
  return { sheets, date1904: date1904 === '1' || date1904 === 'true' };
}

/** Number format of each cell style (index = the cell's `s` attribute). */
export function readStylesPart(stylesXml: string | undefined): NumberFormatInfo[] {
  if (stylesXml === undefined) return [];
  const codes = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const tag = m[1] ?? '';
    const id = Number(attr(tag, 'numFmtId'));
    const code = attr(tag, 'formatCode');
    if (Number.isInteger(id) && code !== undefined) codes.set(id, unescapeXml(code));
  }
  const start = stylesXml.indexOf('<cellXfs');
  const end = stylesXml.indexOf('</cellXfs>', start);
  if (start === -1 || end === -1) return [];
  const infos: NumberFormatInfo[] = [];
  for (const m of stylesXml.slice(start, end).matchAll(/<xf\b([^>]*)>/g)) {
    const id = Number(attr(m[1] ?? '', 'numFmtId') ?? '0');
    infos.push(classifyFormatId(id, codes.get(id)));
  }
  return infos;
}

/** The text of one <si> or <is> body: its <t> runs joined, phonetic guides (<rPh>) left out. */
export function richText(body: string): string {
  // The common case: one plain run.
  if (body.startsWith('<t>') && body.endsWith('</t>') && body.indexOf('<', 3) === body.length - 4) {
    return cellXmlText(body.slice(3, -4));
  }
  const plain = body.includes('<rPh') ? body.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '') : body;
  let out = '';
  for (const m of plain.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += m[1] ?? '';
  return cellXmlText(out);
}

/** The shared strings table, in order. */
export function readSharedStrings(xml: string | undefined): string[] {
  if (xml === undefined) return [];
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const open = xml.indexOf('<si', at);
    if (open === -1) break;
    const next = xml.charCodeAt(open + 3);
    // '<si>' or '<si ' opens an item; '<si/>' is an empty one.
    if (next === 0x2f) {
      out.push('');
      at = open + 5;
      continue;
    }
    const bodyStart = xml.indexOf('>', open) + 1;
    const close = xml.indexOf('</si>', bodyStart);
    if (close === -1) break;
    out.push(richText(xml.slice(bodyStart, close)));
    at = close + 5;
  }
  return out;
}
