/*
 * CSV and tab-separated text into rows of text cells. Every cell stays text: a bank's 00012345 or a 20-digit 数电
 * number must never pass through a float. Quotes follow RFC 4180 (doubled quotes, line breaks inside quotes).
 */
import type { Cell } from './types';

/** Lines inspected to pick the delimiter (preamble lines above the header have few or none). */
const SAMPLE_LINES = 30;

/** Picks tab or comma: the one a sample line holds most of (the header and data lines hold the most). */
export function detectDelimiter(text: string): ',' | '\t' | ';' {
  const lines = text.split(/\r\n|\n|\r/, SAMPLE_LINES);
  let best: ',' | '\t' | ';' = ',';
  let bestCount = 0;
  for (const delimiter of [',', '\t', ';'] as const) {
    for (const line of lines) {
      const count = line.split(delimiter).length - 1;
      // Strictly more: commas win ties, then tabs (Excel's "Unicode text" is tab-separated).
      if (count > bestCount) {
        best = delimiter;
        bestCount = count;
      }
    }
  }
  return best;
}

/** Parses delimited text into rows; empty cells are null, every other cell is its text exactly as written. */
export function parseDelimited(text: string, delimiter: string = detectDelimiter(text)): Cell[][] {
  const rows: Cell[][] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let row: Cell[] = [];
  let i = 0;
  const push = (value: string): void => {
    row.push(value === '' ? null : value);
  };
  while (i < n) {
    let value: string;
    if (text.charCodeAt(i) === 0x22) {
      // Quoted cell: "" inside is one quote; line breaks are part of the value.
      let out = '';
      let at = i + 1;
      for (;;) {
        const q = text.indexOf('"', at);
        if (q === -1) {
          out += text.slice(at);
          at = n;
          break;
        }
        out += text.slice(at, q);
        if (text.charCodeAt(q + 1) === 0x22) {
          out += '"';
          at = q + 2;
        } else {
          at = q + 1;
          break;
        }
      }
      // Text after the closing quote up to the delimiter (malformed but seen) is kept.
      let end = at;
      while (end < n && text.charCodeAt(end) !== d && text.charCodeAt(end) !== 0x0a && text.charCodeAt(end) !== 0x0d) end++;
      value = out + text.slice(at, end);
      i = end;
    } else {
      let end = i;
      while (end < n) {
        const c = text.charCodeAt(end);
        if (c === d || c === 0x0a || c === 0x0d) break;
        end++;
      }
      value = text.slice(i, end);
      i = end;
    }
    push(value);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      // A delimiter at the very end still opens one (empty) last cell.
      if (i >= n) push('');
      continue;
    }
    // Line break: \r\n, \n or \r.
    i += c === 0x0d && text.charCodeAt(i + 1) === 0x0a ? 2 : 1;
    rows.push(row);
    row = [];
  }
  if (row.length > 0) rows.push(row);
  return rows;
}
