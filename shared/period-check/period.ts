/*
 * The period a month-end check covers (月末核对, issue #14): one calendar month of 开票日期 (issueDate), both ends
 * inclusive. Clerks close a month in its last days or early in the next one, so the default follows that habit.
 */
import type { Period } from '../reconcile/types';

/** A month as YYYY-MM. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** The day of the month from which the current month, not the previous one, is the default. */
const CURRENT_MONTH_FROM_DAY = 25;

/** True when `text` is a month written YYYY-MM. */
export function isMonth(text: string): text is Month {
  return MONTH.test(text);
}

/** The month `today` (YYYY-MM-DD, local date) falls in. */
function monthOf(today: string): { year: number; month: number } {
  return { year: Number(today.slice(0, 4)), month: Number(today.slice(5, 7)) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month `offset` months after `month` (negative goes back). */
export function addMonths(month: Month, offset: number): Month {
  const { year, month: m } = monthOf(`${month}-01`);
  const index = year * 12 + (m - 1) + offset;
  return `${String(Math.floor(index / 12))}-${pad((index % 12) + 1)}`;
}

/** The month to check by default on `today` (YYYY-MM-DD): this month from the 25th on, otherwise the previous one. */
export function defaultMonth(today: string): Month {
  const current = today.slice(0, 7);
  return Number(today.slice(8, 10)) >= CURRENT_MONTH_FROM_DAY ? current : addMonths(current, -1);
}

/** The first and last day of a month. */
export function monthPeriod(month: Month): Period {
  const { year, month: m } = monthOf(`${month}-01`);
  // Day 0 of the next month is the last day of this one (UTC: no time zone moves the date).
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}
