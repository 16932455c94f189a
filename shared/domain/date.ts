import { normalizeText } from './normalize';
import { err, ok, type Result } from './result';

/** Why date text could not be read. */
export interface DateError {
  readonly kind: 'empty' | 'format';
}

// Forms seen on invoices and exports: 2024-05-28, 2024/5/28, 2024.5.28, 2024年5月28日, 20240528,
// optionally followed by a time ("2023-02-23 10:08:05" in 数电 XML), which is dropped.
const SEPARATED = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[ T]\d{1,2}:\d{2}(?::\d{2})?)?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/** True when year-month-day names a real calendar day. */
function isRealDay(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** Reads a date in the forms used on invoices into YYYY-MM-DD; impossible days (2023-02-29) are refused. */
export function parseIssueDate(text: string): Result<string, DateError> {
  const t = normalizeText(text);
  if (t === '') return err({ kind: 'empty' });
  const m = SEPARATED.exec(t) ?? COMPACT.exec(t);
  if (!m) return err({ kind: 'format' });
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (!isRealDay(year, month, day)) return err({ kind: 'format' });
  return ok(`${String(year)}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`);
}
