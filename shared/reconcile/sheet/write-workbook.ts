/*
 * Writing .xlsx: sheet names made legal for Excel, every text cell passed through the formula guard, numbers kept
 * as numbers. SheetJS does the file format (xlsx-io.ts).
 */
import { guardText } from './formula-guard';
import type { SheetOut } from './types';
import { writeXlsx } from './xlsx-io';

/** Excel's limits: 31 characters per sheet name, 32,767 per cell. */
const SHEET_NAME_LIMIT = 31;
const CELL_LIMIT = 32_767;

/** A legal, unique sheet name: no []:*?/\ characters, at most 31 characters, never empty. */
function sheetName(name: string, taken: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '_').replace(/^'+|'+$/g, '').slice(0, SHEET_NAME_LIMIT) || 'Sheet';
  let candidate = base;
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    candidate = base.slice(0, SHEET_NAME_LIMIT - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** Guarded, with a literal "_x000D_" escaped as OOXML requires (SheetJS leaves it as is, and every reader would turn it into a carriage return). */
function escapedCell(text: string): string {
  return guardText(text).replace(/_x([0-9A-Fa-f]{4})_/g, '_x005F_x$1_');
}

/** A text cell as written: guarded, escaped, and cut to what Excel can hold. */
function textCell(text: string): string {
  const guarded = escapedCell(text);
  return guarded.length > CELL_LIMIT ? `${guarded.slice(0, CELL_LIMIT - 1)}…` : guarded;
}

/** True when writeWorkbook writes this text whole (guard and escapes included, at most 32,767 characters); longer text is cut with "…". */
export function fitsInCell(text: string): boolean {
  return escapedCell(text).length <= CELL_LIMIT;
}

/** Characters per piece tried first by splitForCells. */
const PIECE = 32_000;

/**
 * Splits text too long for one cell into pieces writeWorkbook writes whole (continuation columns such as 明细2 or
 * 变更前 before#2), never between the two halves of a surrogate pair; joining the pieces gives the text back.
 */
export function splitForCells(text: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  while (from < text.length) {
    let to = Math.min(text.length, from + PIECE);
    for (;;) {
      const code = text.charCodeAt(to - 1);
      if (to < text.length && to - from > 1 && code >= 0xd800 && code <= 0xdbff) to--;
      if (fitsInCell(text.slice(from, to))) break;
      // Each OOXML escape (_x005F_) adds five characters: shrink and try again.
      to = from + Math.max(1, Math.floor((to - from) * 0.9));
    }
    pieces.push(text.slice(from, to));
    from = to;
  }
  return pieces;
}

/** Writes sheets as .xlsx bytes; text cells starting with = + - @ TAB or CR get a leading apostrophe (formula-guard.ts). */
export function writeWorkbook(sheets: readonly SheetOut[]): Uint8Array {
  const taken = new Set<string>();
  return writeXlsx(sheets.map((s) => ({
    name: sheetName(s.name, taken),
    rows: [s.header.map(textCell), ...s.rows.map((row) => row.map((v) => (v === '' ? null : typeof v === 'string' ? textCell(v) : v)))],
    ...(s.formats ? { formats: s.formats } : {}),
    ...(s.widths ? { widths: s.widths } : {}),
  })));
}
