/*
 * Calendar months written YYYY-MM, as the month-end check, the reconciliation's period and the home page's charts
 * use them. Pure date arithmetic on the written date (no time zone moves a month).
 */

/** A month as YYYY-MM. */
export type Month = string;

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

/** True when `text` is a month written YYYY-MM. */
export function isMonth(text: string): text is Month {
  return MONTH.test(text);
}

/** The year and month number of a date or month written YYYY-MM[-DD]. */
function yearAndMonth(date: string): { year: number; month: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)) };
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The month `offset` months after `month` (negative goes back). */
export function addMonths(month: Month, offset: number): Month {
  const { year, month: m } = yearAndMonth(month);
  const index = year * 12 + (m - 1) + offset;
  return `${String(Math.floor(index / 12))}-${pad((index % 12) + 1)}`;
}

/** The first and last day of a month (YYYY-MM-DD, both inclusive). */
export function monthPeriod(month: Month): { readonly from: string; readonly to: string } {
  const { year, month: m } = yearAndMonth(month);
  // Day 0 of the next month is the last day of this one (UTC: no time zone moves the date).
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${pad(last)}` };
}
