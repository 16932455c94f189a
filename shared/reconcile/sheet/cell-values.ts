/*
 * Reading one cell as text, money, a date or an identifier, the way exports really look: cells padded with spaces
 * and TABs (ICBC), `-` / `--` placeholders, ￥ and thousands separators, accounting brackets, numbers stored as
 * text, dates as Excel serials or in any of the usual written forms. Money goes through the domain's parseMoney.
 */
import { parseIssueDate } from '../../domain/date';
import { fen, MAX_ABS_FEN, parseMoney, type Fen } from '../../domain/money';
import { normalizeText } from '../../domain/normalize';
import { unguardText } from './formula-guard';
import { serialToIsoDate } from './number-format';
import type { Cell } from './types';

/** Placeholders exports put in empty cells. */
const PLACEHOLDERS = new Set(['-', '--', '---', '—', '——', '/', '无']);

/** Padding: spaces, TAB, NBSP, the ideographic space, and the zero-width characters copy-paste leaves behind. */
const PADDING = /^[\s\u00a0\u3000\u200b\ufeff]+|[\s\u00a0\u3000\u200b\ufeff]+$/g;

/** True for a code unit the PADDING pattern strips (checked first, so most cells skip the regex). */
function isPadding(c: number): boolean {
  return c <= 0x20 || c === 0xa0 || c === 0x3000 || c === 0x200b || c === 0xfeff || c === 0x85 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f;
}

/** A cell as text with the padding and our formula guard removed ('' for an empty cell). */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return numberText(cell);
  if (cell === '') return '';
  const text = isPadding(cell.charCodeAt(0)) || isPadding(cell.charCodeAt(cell.length - 1)) ? cell.replace(PADDING, '') : cell;
  return text.charCodeAt(0) === 0x27 ? unguardText(text) : text;
}

/** Text of a number cell: integers without exponent or ".0", others as JavaScript prints them. */
function numberText(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  return String(n);
}

/** True for an empty cell or a placeholder such as '-' or '--'. */
export function isEmptyValue(cell: Cell | undefined): boolean {
  const t = cellText(cell);
  return t === '' || PLACEHOLDERS.has(t);
}

/** A value read from a cell: absent (empty or placeholder), read, or unreadable (with the text found). */
export type CellRead<T> = { readonly kind: 'empty' } | { readonly kind: 'ok'; readonly value: T } | { readonly kind: 'bad'; readonly text: string };

const EMPTY = { kind: 'empty' } as const;

/** Money text that needs no normalising: optional minus, up to 15 digits, up to 2 decimals. */
const PLAIN_MONEY = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/;
/** ISO dates with an optional time, the form most exports use. */
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** The YYYY-MM-DD of an ISO date text when it names a real day; null when it needs the full parser. */
function isoDate(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const max = month === 2 && !leap ? 28 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day >= 1 && day <= max ? text.slice(0, 10) : null;
}

/** Money in integer fen; a float cell must be whole fen (1234.5 → 123450; 12.345 is unreadable). */
export function readMoney(cell: Cell | undefined): CellRead<Fen> {
  if (typeof cell === 'number') {
    const cents = Math.round(cell * 100);
    // Within float noise of a whole fen: 1234.56 * 100 = 123455.99999999999.
    if (!Number.isSafeInteger(cents) || Math.abs(cents - cell * 100) > 1e-6 * Math.max(1, Math.abs(cell))) {
      return { kind: 'bad', text: String(cell) };
    }
    return { kind: 'ok', value: fen(cents) };
  }
  const text = cellText(cell);
  if (text === '' || PLACEHOLDERS.has(text)) return EMPTY;
  // The common case, plain digits: no need for the full parser (same result, a tenth of the time).
  const plain = PLAIN_MONEY.exec(text);
  if (plain) {
    const units = Number(plain[2]) * 100 + Number((plain[3] ?? '').padEnd(2, '0'));
    if (units <= MAX_ABS_FEN) return { kind: 'ok', value: fen(plain[1] === '-' && units !== 0 ? -units : units) };
  }
  const parsed = parseMoney(text);
  return parsed.ok ? { kind: 'ok', value: parsed.value } : { kind: 'bad', text };
}

/** Tax money as exports print it: the exempt mark *** reads as zero, anything else as readMoney reads it. */
export function readTaxMoney(cell: Cell | undefined): CellRead<Fen> {
  return /^\*+$/.test(cellText(cell)) ? { kind: 'ok', value: fen(0) } : readMoney(cell);
}

/** A date as 'YYYY-MM-DD': Excel serials, 20240508 typed as a number, and every written form parseIssueDate knows. */
export function readDate(cell: Cell | undefined, date1904 = false): CellRead<string> {
  if (typeof cell === 'number') {
    const compact = Number.isInteger(cell) && cell >= 19_000_101 && cell <= 29_991_231 ? parseIssueDate(String(cell)) : null;
    if (compact?.ok) return { kind: 'ok', value: compact.value };
    const iso = serialToIsoDate(cell, date1904);
    return iso === null ? { kind: 'bad', text: String(cell) } : { kind: 'ok', value: iso };
  }
  const text = cellText(cell);
  if (text === '' || PLACEHOLDERS.has(text)) return EMPTY;
  const iso = isoDate(text);
  if (iso !== null) return { kind: 'ok', value: iso };
  // Seconds with fractions ("2024-05-08 10:11:12.000") and a trailing weekday are dropped before parsing.
  const parsed = parseIssueDate(text.replace(/(\d{1,2}:\d{2}(?::\d{2})?)\.\d+$/, '$1'));
  return parsed.ok ? { kind: 'ok', value: parsed.value } : { kind: 'bad', text };
}

/** Identifier text that needs no normalising. */
const SIMPLE_IDENTIFIER = /^[0-9A-Z]+$/;

/** Excel keeps 15 significant digits: a number cell with more has already lost some of them. */
const MAX_EXACT_DIGITS = 15;

/**
 * An identifier (invoice code or number, tax id, serial): text exactly, never through a float. A number cell is
 * accepted when it is a whole number Excel can hold exactly; a longer one (a 20-digit 数电 number typed into a
 * General cell) is 'bad', because its last digits are gone. CSV tricks ="00123" and '00123 are undone.
 */
export function readIdentifier(cell: Cell | undefined): CellRead<string> {
  if (typeof cell === 'number') {
    if (!Number.isInteger(cell) || cell < 0) return { kind: 'bad', text: String(cell) };
    const text = numberText(cell);
    return text.length > MAX_EXACT_DIGITS ? { kind: 'bad', text: String(cell) } : { kind: 'ok', value: text };
  }
  let text = cellText(cell);
  if (SIMPLE_IDENTIFIER.test(text)) return { kind: 'ok', value: text };
  const formula = /^="(.*)"$/.exec(text);
  if (formula) text = formula[1] ?? '';
  if (text.startsWith("'")) text = text.slice(1);
  text = text.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
  return text === '' || PLACEHOLDERS.has(text) ? EMPTY : { kind: 'ok', value: text };
}

/**
 * Excel drops the leading zeros of digits typed into a General cell. Paper invoice numbers have exactly 8 digits
 * and codes 10 or 12, so a number cell one or more digits short gets its zeros back (text cells are left alone).
 */
export function readInvoiceIdentifier(cell: Cell | undefined, field: 'code' | 'number'): CellRead<string> {
  const r = readIdentifier(cell);
  if (typeof cell !== 'number' || r.kind !== 'ok') return r;
  const width = field === 'number' ? (r.value.length < 8 ? 8 : 0) : r.value.length === 9 ? 10 : r.value.length === 11 ? 12 : 0;
  return width === 0 ? r : { kind: 'ok', value: r.value.padStart(width, '0') };
}

/** Plain text for names, remarks and labels: padding removed, placeholders read as empty. */
export function readText(cell: Cell | undefined): string {
  const t = cellText(cell);
  return PLACEHOLDERS.has(t) ? '' : t;
}

/** Words that open a total line (合计, 人民币合计, 本页小计, …), compared after normalising. */
const TOTAL_WORDS = /^(?:人民币|本页|本月|本期|本年|总|共)?(?:合计|总计|小计|累计|共计|汇总)(?:$|[:(\d-])/;

/** True when some cell of the row reads like the label of a total line. */
export function hasTotalLabel(row: readonly Cell[]): boolean {
  for (const cell of row) {
    if (typeof cell !== 'string') continue;
    // CMB writes its footer lines as comments: "# 合计: …".
    const t = normalizeText(cell).replace(/\s+/g, '').replace(/^[#*]+/, '');
    // The label alone or followed by a colon or figures: 合计科技有限公司 is a name, not a total.
    if (TOTAL_WORDS.test(t)) return true;
  }
  return false;
}

/** True when every cell of the row is empty or padding. */
export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  if (!row) return true;
  for (const cell of row) if (cellText(cell) !== '') return false;
  return true;
}
