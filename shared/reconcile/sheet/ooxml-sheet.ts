/*
 * One worksheet's XML into rows of cells, scanned as bytes: a 100,000-row ledger is ~50 MB of XML, and decoding
 * it to a string and walking it with a general parser (or SheetJS's regex reader) costs seconds. Markup is ASCII,
 * so the scanner compares bytes, reads numbers and shared-string indices straight from them, and decodes UTF-8
 * only for the few text values stored in the sheet itself. Rows keep their sheet position (rows[i] is row i + 1),
 * so row numbers in messages match what Excel shows. Cell attributes are found by the spelling every writer uses
 * (` r="`, ` t="`, ` s="`).
 */
import { findBytes, findLastBytes, utf8Text as text } from './xml-bytes';
import type { MergeRange } from './merges';
import { formatNumberCell, type NumberFormatInfo } from './number-format';
import { richText } from './ooxml-parts';
import type { Cell } from './types';
import { cellXmlText } from './xml-text';

/** What a sheet needs from the rest of the package. */
export interface SheetContext {
  readonly strings: readonly string[];
  readonly styles: readonly NumberFormatInfo[];
  readonly date1904: boolean;
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const QUOTE = 0x22;
const SPACE = 0x20;
const EQUALS = 0x3d;

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const SHEET_DATA = ascii('<sheetData');
const SHEET_DATA_END = ascii('</sheetData>');
const MERGE_CELLS = ascii('<mergeCells');
const R_ATTRIBUTE = ascii(' r="');

/** A non-negative integer written in bytes [from, to); -1 when they are not all digits. */
function digits(b: Uint8Array, from: number, to: number): number {
  if (to <= from || to - from > 15) return -1;
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = (b[i] ?? 0) - 0x30;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

/** Cell types (the `t` attribute), as codes so that no string is made per cell. */
const enum CellType { Number, Shared, Str, Inline, Bool, Error, Date }

/** The type code of a `t` attribute value in bytes [from, to). */
function cellType(b: Uint8Array, from: number, to: number): CellType {
  switch (b[from]) {
    case 0x73: // s, str
      return to - from === 1 ? CellType.Shared : CellType.Str;
    case 0x69: // inlineStr
      return CellType.Inline;
    case 0x62: // b
      return CellType.Bool;
    case 0x65: // e
      return CellType.Error;
    case 0x64: // d
      return CellType.Date;
    default:
      return CellType.Number;
  }
}

/** A cell's start tag, read (one object reused for every cell): column (-1 = none given), type, style, end. */
interface CellTag {
  col: number;
  type: CellType;
  style: number;
  end: number;
  selfClosing: boolean;
  /** The <v> value's bytes [valueFrom, valueTo), set by findValue. */
  valueFrom: number;
  valueTo: number;
}

/** Reads the attributes of a <c …> tag that starts at `at` (the byte after "<c"). */
function readCellTag(b: Uint8Array, at: number, tag: CellTag): void {
  tag.col = -1;
  tag.type = CellType.Number;
  tag.style = 0;
  let i = at;
  for (;;) {
    const c = b[i];
    if (c === GT || c === undefined) break;
    // name="value" with a one-letter name: r, t or s.
    if (c === SPACE && b[i + 2] === EQUALS && b[i + 3] === QUOTE) {
      const name = b[i + 1];
      const start = i + 4;
      const stop = next(b, QUOTE, start);
      if (name === 0x72 /* r */) {
        let col = 0;
        let k = start;
        for (; k < stop; k++) {
          const ch = b[k] ?? 0;
          if (ch < 0x41 || ch > 0x5a) break;
          col = col * 26 + (ch - 0x40);
        }
        tag.col = k === start ? -1 : col - 1;
      } else if (name === 0x74 /* t */) {
        tag.type = cellType(b, start, stop);
      } else if (name === 0x73 /* s */) {
        tag.style = Math.max(0, digits(b, start, stop));
      }
      i = stop + 1;
      continue;
    }
    i++;
  }
  tag.end = i;
  tag.selfClosing = b[i - 1] === SLASH;
}

/** The next `byte` at or after `from` (a plain loop: the hops inside a cell are a few bytes, shorter than a call). */
function next(b: Uint8Array, byte: number, from: number): number {
  const n = b.length;
  let i = from;
  while (i < n && b[i] !== byte) i++;
  return i;
}

/** Where the `</c>` after `from` is. */
function cellClose(b: Uint8Array, from: number): number {
  for (let i = next(b, LT, from); i < b.length; i = next(b, LT, i + 1)) {
    if (b[i + 1] === SLASH && b[i + 2] === 0x63 /* c */ && b[i + 3] === GT) return i;
  }
  return b.length;
}

/** Finds the <v> value between the tag's end and `close` into tag.valueFrom/valueTo; false when there is none. */
function findValue(b: Uint8Array, tag: CellTag, close: number): boolean {
  for (let i = next(b, LT, tag.end + 1); i < close; i = next(b, LT, i + 1)) {
    if (b[i + 1] !== 0x76 /* v */ || (b[i + 2] !== GT && b[i + 2] !== SPACE && b[i + 2] !== SLASH)) continue;
    const open = next(b, GT, i);
    if (b[open - 1] === SLASH) return false;
    tag.valueFrom = open + 1;
    tag.valueTo = next(b, LT, open);
    return tag.valueTo > tag.valueFrom;
  }
  return false;
}

/** The value of a cell whose start tag is `tag` and whose </c> is at `close`. */
function cellValue(b: Uint8Array, tag: CellTag, close: number, ctx: SheetContext): Cell {
  if (tag.type === CellType.Inline) {
    const is = /<is>([\s\S]*)<\/is>/.exec(text(b, tag.end + 1, close))?.[1];
    return is === undefined || is === '' ? null : richText(is);
  }
  if (!findValue(b, tag, close)) return null;
  const from = tag.valueFrom;
  const to = tag.valueTo;
  switch (tag.type) {
    case CellType.Shared: {
      const s = ctx.strings[digits(b, from, to)];
      return s === undefined || s === '' ? null : s;
    }
    case CellType.Str:
    case CellType.Error:
      return cellXmlText(text(b, from, to));
    case CellType.Bool:
      return b[from] === 0x31 ? 'TRUE' : 'FALSE';
    case CellType.Date: {
      const raw = text(b, from, to);
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : cellXmlText(raw);
    }
    case CellType.Number: {
      const int = digits(b, from, to);
      const value = int >= 0 ? int : Number(text(b, from, to));
      if (!Number.isFinite(value)) return text(b, from, to);
      const format = ctx.styles[tag.style];
      return format === undefined ? value : formatNumberCell(value, format, ctx.date1904);
    }
  }
}

/** Reads the rows of a worksheet part. */
export function readSheetXml(b: Uint8Array, ctx: SheetContext): Cell[][] {
  const rows: Cell[][] = [];
  const start = findBytes(b, SHEET_DATA);
  if (start === -1) return rows;
  let end = findLastBytes(b, SHEET_DATA_END);
  if (end < start) end = b.length;
  const tag: CellTag = { col: -1, type: CellType.Number, style: 0, end: 0, selfClosing: false, valueFrom: 0, valueTo: 0 };
  let cells: Cell[] | null = null;
  let rowIndex = -1;
  let col = -1;
  let i = start + SHEET_DATA.length;
  for (;;) {
    i = next(b, LT, i);
    if (i >= end) break;
    const name = b[i + 1];
    const after = b[i + 2];
    if (name === 0x63 /* c */ && (after === SPACE || after === GT || after === SLASH) && cells) {
      readCellTag(b, i + 2, tag);
      col = tag.col === -1 ? col + 1 : tag.col;
      if (tag.selfClosing) {
        i = tag.end + 1;
        continue;
      }
      const close = cellClose(b, tag.end + 1);
      const value = cellValue(b, tag, close, ctx);
      if (value !== null) {
        while (cells.length < col) cells.push(null);
        cells[col] = value;
      }
      i = close + 4;
    } else if (name === 0x72 /* r */ && after === 0x6f /* o */ && b[i + 3] === 0x77 /* w */ && (b[i + 4] === SPACE || b[i + 4] === GT || b[i + 4] === SLASH)) {
      const tagEnd = next(b, GT, i);
      const r = findBytes(b, R_ATTRIBUTE, i, tagEnd);
      const n = r === -1 ? -1 : digits(b, r + 4, next(b, QUOTE, r + 4));
      rowIndex = n > 0 ? n - 1 : rowIndex + 1;
      col = -1;
      cells = b[tagEnd - 1] === SLASH ? null : [];
      i = tagEnd + 1;
    } else if (name === SLASH && after === 0x72 /* r */ && b[i + 3] === 0x6f && b[i + 4] === 0x77) {
      if (cells && cells.length > 0) {
        while (rows.length < rowIndex) rows.push([]);
        rows[rowIndex] = cells;
      }
      cells = null;
      i += 6;
    } else {
      i++;
    }
  }
  return rows;
}

/** The merged ranges, listed after the cells. */
export function readMerges(b: Uint8Array): MergeRange[] {
  const out: MergeRange[] = [];
  // They follow </sheetData>: only the tail after the cells is searched.
  const tail = findLastBytes(b, SHEET_DATA_END);
  const at = tail === -1 ? -1 : findBytes(b, MERGE_CELLS, tail);
  if (at === -1) return out;
  const pos = (ref: string): [number, number] => {
    const m = /^([A-Z]+)(\d+)$/.exec(ref);
    let col = 0;
    for (const ch of m?.[1] ?? 'A') col = col * 26 + (ch.charCodeAt(0) - 0x40);
    return [Number(m?.[2] ?? '1') - 1, col - 1];
  };
  for (const m of text(b, at, b.length).matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+\d+)(?::([A-Z]+\d+))?"/g)) {
    const [r1, c1] = pos(m[1] ?? 'A1');
    const [r2, c2] = pos(m[2] ?? m[1] ?? 'A1');
    out.push({ r1, c1, r2, c2 });
  }
  return out;
}
