/*
 * The one module that imports SheetJS (`xlsx`, the maintained @e965 build; lint bans it everywhere else). It is
 * used only through XLSX.read / XLSX.write on byte arrays, which behave the same in Node, browsers and workers.
 * Reading: legacy .xls (CFB/BIFF), encrypted-package detection, HTML/XML tables, and any .xlsx the fast reader
 * (ooxml-read.ts) declines. Writing: every .xlsx this app produces.
 */
import * as XLSX from 'xlsx';
import { fillMerges, type MergeRange } from './merges';
import { classifyFormat, formatNumberCell, type NumberFormatInfo } from './number-format';
import type { Cell, SheetData } from './types';

/** The slice of SheetJS's bundled CFB (compound file) reader used here; SheetJS types it as any. */
interface CfbContainer {
  readonly FullPaths: readonly string[];
}
interface CfbSlice {
  read(data: Uint8Array, options: { readonly type: 'array' }): CfbContainer;
}
const CFB = XLSX.CFB as CfbSlice;

/** Why SheetJS could not read a file. */
export type SheetJsFailure = 'passwordProtected' | 'unreadable' | 'notSpreadsheet';

/** What a compound file (D0 CF 11 E0) holds: an encrypted OOXML package, an Excel workbook, or something else. */
export function inspectCompoundFile(bytes: Uint8Array): 'encrypted' | 'workbook' | 'other' | 'broken' {
  let paths: readonly string[];
  try {
    paths = CFB.read(bytes, { type: 'array' }).FullPaths;
  } catch {
    return 'broken';
  }
  const names = paths.map((p) => p.replace(/\/$/, '').split('/').pop()?.toLowerCase() ?? '');
  // Excel's "Encrypt with password" wraps the .xlsx in a compound file with these streams (MS-OFFCRYPTO).
  if (names.includes('encryptioninfo') || names.includes('encryptedpackage')) return 'encrypted';
  return names.includes('workbook') || names.includes('book') ? 'workbook' : 'other';
}

/** Converts one SheetJS cell; number formats are classified once per format code. */
function toCell(cell: XLSX.CellObject | undefined, formats: Map<string, NumberFormatInfo>, date1904: boolean): Cell {
  if (cell === undefined) return null;
  const v = cell.v;
  switch (cell.t) {
    case 'n': {
      if (typeof v !== 'number') return null;
      const code = typeof cell.z === 'string' ? cell.z : 'General';
      let info = formats.get(code);
      if (info === undefined) {
        info = classifyFormat(code);
        formats.set(code, info);
      }
      return formatNumberCell(v, info, date1904);
    }
    case 's':
      return typeof v === 'string' && v !== '' ? v : null;
    case 'b':
      return v === true ? 'TRUE' : 'FALSE';
    case 'd':
      return v instanceof Date ? v.toISOString().slice(0, 10) : typeof v === 'string' ? v.slice(0, 10) : null;
    case 'e':
      return cell.w ?? '#ERROR';
    case 'z':
      return null;
  }
}

/** Converts a SheetJS workbook (dense mode) into plain sheets. */
function toSheets(wb: XLSX.WorkBook): SheetData[] {
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const formats = new Map<string, NumberFormatInfo>();
  return wb.SheetNames.map((name) => {
    const ws = wb.Sheets[name];
    const data = ws?.['!data'] ?? [];
    const rows: Cell[][] = [];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      const row: Cell[] = [];
      if (src) for (let c = 0; c < src.length; c++) row.push(toCell(src[c], formats, date1904));
      while (row.length > 0 && row[row.length - 1] === null) row.pop();
      rows.push(row);
    }
    const merges: MergeRange[] = (ws?.['!merges'] ?? []).map((m) => ({ r1: m.s.r, c1: m.s.c, r2: m.e.r, c2: m.e.c }));
    fillMerges(rows, merges);
    return { name, rows };
  });
}

/** Reads bytes (or already-decoded HTML/XML text) with SheetJS; text cells stay text (`raw`). */
export function readWithSheetJs(input: Uint8Array | string): { ok: true; sheets: SheetData[] } | { ok: false; failure: SheetJsFailure } {
  try {
    const wb = XLSX.read(input, {
      type: typeof input === 'string' ? 'string' : 'array',
      dense: true, cellText: false, cellNF: true, cellHTML: false, cellDates: false, raw: true,
    });
    return { ok: true, sheets: toSheets(wb) };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    if (/password|encrypt/i.test(message)) return { ok: false, failure: 'passwordProtected' };
    if (/not a spreadsheet|unsupported (zip|file)|cannot find|unrecognized/i.test(message)) return { ok: false, failure: 'notSpreadsheet' };
    return { ok: false, failure: 'unreadable' };
  }
}

/** A sheet ready to write: cells already neutralised; formats and widths per column. */
export interface XlsxSheetInput {
  readonly name: string;
  readonly rows: readonly (readonly (string | number | null)[])[];
  readonly formats?: readonly (string | null)[];
  readonly widths?: readonly number[];
}

/** Writes sheets as .xlsx bytes: strings as text cells (never formulas), numbers as numbers. */
export function writeXlsx(sheets: readonly XlsxSheetInput[]): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const sheet of sheets) {
    let width = 0;
    const data: XLSX.CellObject[][] = sheet.rows.map((row) => {
      if (row.length > width) width = row.length;
      return row.map((value, c): XLSX.CellObject => {
        if (value === null) return { t: 'z' };
        if (typeof value === 'number') {
          const z = sheet.formats?.[c];
          return z ? { t: 'n', v: value, z } : { t: 'n', v: value };
        }
        return { t: 's', v: value };
      });
    });
    const ws: XLSX.WorkSheet = { '!data': data };
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: Math.max(0, data.length - 1), c: Math.max(0, width - 1) } });
    if (sheet.widths) ws['!cols'] = sheet.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(wb, ws, sheet.name);
  }
  const out: unknown = XLSX.write(wb, { type: 'array', bookType: 'xlsx', bookSST: true, compression: true });
  if (!(out instanceof ArrayBuffer)) throw new Error('SheetJS returned no bytes');
  return new Uint8Array(out);
}
