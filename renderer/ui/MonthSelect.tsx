import { useLocaleStore } from '../app/i18n';
import { localToday } from '../app/today';

/** The first year offered (the ledger holds nothing older in practice). */
const FIRST_YEAR = 2015;

/**
 * A month ("YYYY-MM") as two lists, year and month, named in the app's language. A native month field speaks the
 * browser's language instead ("April 2025" in a Chinese app), so the month-end check and reconciliation use this.
 */
export function MonthSelect(props: {
  readonly month: string;
  readonly onChange: (month: string) => void;
  readonly yearLabel: string;
  readonly monthLabel: string;
}) {
  const locale = useLocaleStore((s) => s.locale);
  const year = Number(props.month.slice(0, 4));
  const month = Number(props.month.slice(5, 7));
  const lastYear = Number(localToday().slice(0, 4)) + 1;
  const from = Math.min(FIRST_YEAR, year);
  const years = Array.from({ length: Math.max(lastYear, year) - from + 1 }, (_, i) => from + i).reverse();
  const yearName = new Intl.DateTimeFormat(locale, { year: 'numeric', timeZone: 'UTC' });
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const set = (y: number, m: number) => { props.onChange(`${String(y)}-${String(m).padStart(2, '0')}`); };
  return (
    <>
      <select aria-label={props.yearLabel} value={year} onChange={(e) => { set(Number(e.target.value), month); }}>
        {years.map((y) => <option key={y} value={y}>{yearName.format(new Date(Date.UTC(y, 0, 1)))}</option>)}
      </select>
      <select aria-label={props.monthLabel} value={month} onChange={(e) => { set(year, Number(e.target.value)); }}>
        {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => <option key={m} value={m}>{monthName.format(new Date(Date.UTC(2000, m - 1, 1)))}</option>)}
      </select>
    </>
  );
}
