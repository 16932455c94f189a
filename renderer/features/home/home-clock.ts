import { lastTwelveMonths, type HomeClock } from '../../../shared/home/invoice-summary';
import { localToday } from '../../app/today';

/** The home page's clock in this PC's local time: today's and this week's (Monday's) first instant, and the months charted. */
export function homeClock(now: Date): HomeClock {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const sinceMonday = (today.getDay() + 6) % 7;
  const monday = new Date(now.getFullYear(), now.getMonth(), now.getDate() - sinceMonday);
  return { todayStart: today.getTime(), weekStart: monday.getTime(), months: lastTwelveMonths(localToday(now)) };
}

/** The local YYYY-MM of a stored ISO instant ('' when it cannot be read). */
export function localMonthOf(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '' : localToday(d).slice(0, 7);
}
