/*
 * What a number cell means, decided from its Excel number format: a date (serial days), a time, an identifier
 * shown with leading zeros ("00000000"), or just a number. Shared by the fast .xlsx reader and the SheetJS path.
 */

/** Built-in format ids that are dates or times (ECMA-376 18.8.30, plus the zh-CN ids 27–36 and 50–58). */
const BUILTIN_DATE_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
/** Built-in time-only ids (a value below one day means a time of day). */
const BUILTIN_TIME_IDS = new Set([18, 19, 20, 21, 45, 46, 47]);

/** How a number cell is shown. */
export type NumberFormatKind = 'date' | 'time' | 'padded' | 'plain';

/** A number format classified once (formats repeat on every row, so callers cache this by style). */
export interface NumberFormatInfo {
  readonly kind: NumberFormatKind;
  /** For 'padded': the digit count the format pads to. */
  readonly width: number;
}

const PLAIN: NumberFormatInfo = { kind: 'plain', width: 0 };

/** Classifies a format code such as 'yyyy-mm-dd', '0000000000', '#,##0.00' or 'General'. */
export function classifyFormat(code: string): NumberFormatInfo {
  const zeros = /^"?(0+)"?$/.exec(code.trim());
  if (zeros?.[1] && zeros[1].length > 1) return { kind: 'padded', width: zeros[1].length };
  // Drop quoted literals, escaped characters and bracketed colours/locales ([Red], [$-804]); keep nothing else.
  const bare = code.replace(/"[^"]*"/g, '').replace(/\\./g, '').replace(/_./g, '').replace(/\[(?!h\]|m\]|s\]|hh\]|mm\]|ss\])[^\]]*\]/gi, '');
  const lower = bare.toLowerCase().replace(/am\/pm|a\/p/g, '');
  if (lower.includes('general') || !/[ymdhs年月日时分秒]/.test(lower)) return PLAIN;
  // m is a month unless it sits next to hours or seconds (h:mm, mm:ss).
  const hasDate = /[yd年月日]/.test(lower) || /m/.test(lower.replace(/h+[^a-z]*m+|m+[^a-z]*s+/g, ''));
  return { kind: hasDate ? 'date' : 'time', width: 0 };
}

/** Classifies a built-in format id, falling back to its format code when the workbook defines one. */
export function classifyFormatId(id: number, code: string | undefined): NumberFormatInfo {
  if (code !== undefined) return classifyFormat(code);
  if (BUILTIN_DATE_IDS.has(id)) return { kind: BUILTIN_TIME_IDS.has(id) ? 'time' : 'date', width: 0 };
  return PLAIN;
}

/** Days from 1899-12-30 (Excel's effective epoch after its 1900 leap-year bug) to 1970-01-01. */
const EPOCH_OFFSET_DAYS = 25_569;
/** The 1904 date system starts 1,462 days later. */
const DATE1904_OFFSET_DAYS = 1_462;
const MS_PER_DAY = 86_400_000;

/** Turns an Excel serial date into 'YYYY-MM-DD' (the time of day is dropped); null when it is no plausible date. */
export function serialToIsoDate(serial: number, date1904 = false): string | null {
  // 1 = 1900-01-01; 2958465 = 9999-12-31. Serials before 61 fall on Excel's phantom 1900-02-29; no invoice is that old.
  if (!Number.isFinite(serial) || serial < 61 || serial > 2_958_465) return null;
  // Half a millisecond of float noise must not push 23:59:59.9995 into the next day or 00:00 into the last.
  const days = Math.floor(serial + 1e-9) + (date1904 ? DATE1904_OFFSET_DAYS : 0);
  return new Date((days - EPOCH_OFFSET_DAYS) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Turns the fraction of an Excel serial into 'HH:MM:SS'. */
export function serialToTime(serial: number): string {
  const seconds = Math.round((serial - Math.floor(serial)) * 86_400) % 86_400;
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}:${pad(Math.floor((seconds % 3600) / 60))}:${pad(seconds % 60)}`;
}

/** The cell a number becomes under its format: date or time text, zero-padded digits, or the number itself. */
export function formatNumberCell(value: number, info: NumberFormatInfo, date1904: boolean): string | number {
  switch (info.kind) {
    case 'date':
      return serialToIsoDate(value, date1904) ?? value;
    case 'time':
      return value >= 1 ? (serialToIsoDate(value, date1904) ?? value) : serialToTime(value);
    case 'padded':
      return Number.isSafeInteger(value) && value >= 0 ? String(value).padStart(info.width, '0') : value;
    case 'plain':
      return value;
  }
}
