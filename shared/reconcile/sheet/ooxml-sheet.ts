/*
 * One worksheet's XML into rows of cells by scanning with indexOf: a 100,000-row ledger is ~60 MB of XML and a
 * general XML parser (or SheetJS's regex reader) spends seconds building objects nobody needs. Rows keep their
 * sheet position (rows[i] is row i + 1), so row numbers in messages match what Excel shows.
 */
import type { MergeRange } from './merges';
import { formatNumberCell, type NumberFormatInfo } from './number-format';
import { richText } from './ooxml-parts';
import type { Cell } from './types';
import { attr, cellXmlText } from './xml-text';

/** What a sheet needs from the rest of the package. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: readonly NumberFormatInfo[];
  readonly date1904: boolean;
}

/** Column index of a cell reference ("AB12" → 27); -1 when it has no letters. */
function columnOf(ref: string, at = 0): number {
  let col = 0;
  let i = at;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 0x41 || c > 0x5a) break;
    col = col * 26 + (c - 0x40);
  }
  return i === at ? -1 : col - 1;
}

/** Row index (0-based) of a cell reference ("AB12" → 11). */
function rowOf(ref: string): number {
  return Number(ref.slice(ref.search(/\d/))) - 1;
}

/** The value of attribute `key` (' t="') in a start tag's text; undefined when absent. */
function attrValue(tag: string, key: string): string | undefined {
  const i = tag.indexOf(key);
  if (i === -1) return undefined;
  const start = i + key.length;
  return tag.slice(start, tag.indexOf('"', start));
}

/** The text of the <v> element between `from` and `close`; null when there is none. */
function valueText(xml: string, from: number, close: number): string | null {
  const v = xml.indexOf('<v', from);
  if (v === -1 || v >= close) return null;
  const open = xml.indexOf('>', v);
  if (xml.charCodeAt(open - 1) === 0x2f) return null;
  return xml.slice(open + 1, xml.indexOf('</v>', open));
}

/** The value of one <c> whose start tag ends at `tagEnd` and whose </c> is at `close`. */
function cellValue(xml: string, type: string, style: number, tagEnd: number, close: number, ctx: SheetContext): Cell {
  if (type === 'inlineStr') {
    const is = /<is>([\s\S]*)<\/is>/.exec(xml.slice(tagEnd + 1, close))?.[1];
    return is === undefined || is === '' ? null : richText(is);
  }
  const raw = valueText(xml, tagEnd, close);
  if (raw === null) return null;
  switch (type) {
    case 's': {
      const text = raw === '' ? undefined : ctx.strings[Number(raw)];
      return text === undefined || text === '' ? null : text;
    }
    case 'str':
    case 'e':
      return raw === '' ? null : cellXmlText(raw);
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : cellXmlText(raw);
    default: {
      const value = Number(raw);
      if (raw === '' || !Number.isFinite(value)) return raw === '' ? null : raw;
      const format = ctx.styles[style];
      return format === undefined ? value : formatNumberCell(value, format, ctx.date1904);
    }
  }
}

/**
 * Reads the rows of a worksheet part. Cell attributes are found by their usual spelling (` r="`, ` t="`, ` s="`),
 * which every spreadsheet writer uses.
 */
export function readSheetXml(xml: string, ctx: SheetContext): Cell[][] {
  const rows: Cell[][] = [];
  const dataStart = xml.indexOf('<sheetData');
  if (dataStart === -1) return rows;
  let dataEnd = xml.indexOf('</sheetData>', dataStart);
  if (dataEnd === -1) dataEnd = xml.length;
  let at = dataStart;
  let rowIndex = -1;
  for (;;) {
    const rowOpen = xml.indexOf('<row', at);
    if (rowOpen === -1 || rowOpen > dataEnd) break;
    const rowTagEnd = xml.indexOf('>', rowOpen);
    const r = attr(xml.slice(rowOpen + 4, rowTagEnd), 'r');
    rowIndex = r === undefined ? rowIndex + 1 : Number(r) - 1;
    if (xml.charCodeAt(rowTagEnd - 1) === 0x2f) {
      at = rowTagEnd + 1;
      continue;
    }
    let rowEnd = xml.indexOf('</row>', rowTagEnd);
    if (rowEnd === -1) rowEnd = dataEnd;
    const cells: Cell[] = [];
    let col = -1;
    let p = rowTagEnd + 1;
    for (;;) {
      const c = xml.indexOf('<c', p);
      if (c === -1 || c >= rowEnd) break;
      const tagEnd = xml.indexOf('>', c);
      const next = xml.charCodeAt(c + 2);
      // <c> with attributes, bare <c>, or <c/>; anything else is not a cell.
      if (next !== 0x20 && next !== 0x3e && next !== 0x2f) {
        p = tagEnd + 1;
        continue;
      }
      // The start tag alone (searching the whole document for an absent attribute would be quadratic).
      const tag = xml.slice(c + 2, tagEnd);
      const rAt = tag.indexOf(' r="');
      const refCol = rAt === -1 ? -1 : columnOf(tag, rAt + 4);
      col = refCol === -1 ? col + 1 : refCol;
      if (xml.charCodeAt(tagEnd - 1) === 0x2f) {
        p = tagEnd + 1;
        continue;
      }
      const type = attrValue(tag, ' t="') ?? 'n';
      const style = Number(attrValue(tag, ' s="') ?? '0');
      const close = xml.indexOf('</c>', tagEnd);
      const value = cellValue(xml, type, style, tagEnd, close, ctx);
      p = close + 4;
      if (value !== null) {
        while (cells.length < col) cells.push(null);
        cells[col] = value;
      }
    }
    if (cells.length > 0) {
      while (rows.length < rowIndex) rows.push([]);
      rows[rowIndex] = cells;
    }
    at = rowEnd + 6;
  }
  return rows;
}

/** The merged ranges listed after the cells. */
export function readMerges(xml: string): MergeRange[] {
  const out: MergeRange[] = [];
  // They follow </sheetData>, so searching from the end skips the cells.
  const start = xml.lastIndexOf('<mergeCells');
  if (start === -1) return out;
  for (const m of xml.slice(start).matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g)) {
    const a = m[1] ?? '';
    const b = m[2] ?? a;
    out.push({ r1: rowOf(a), c1: columnOf(a), r2: rowOf(b), c2: columnOf(b) });
  }
  return out;
}
