/*
 * The period a month-end check covers (月末核对, issue #14): one calendar month of 开票日期 (issueDate), both ends
 * inclusive. Clerks close a month in its last days or early in the next one, so the default follows that habit.
 */
import { addMonths, type Month } from '../domain/month';

/** The day of the month from which the current month, not the previous one, is the default. */
const CURRENT_MONTH_FROM_DAY = 25;

/** The month to check by default on `today` (YYYY-MM-DD): this month from the 25th on, otherwise the previous one. */
export function defaultMonth(today: string): Month {
  const current = today.slice(0, 7);
  return Number(today.slice(8, 10)) >= CURRENT_MONTH_FROM_DAY ? current : addMonths(current, -1);
}
