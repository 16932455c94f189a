import { addMonths, monthPeriod } from '../../../shared/period-check/period';
import { useLocaleStore, useT } from '../../app/i18n';
import { localToday } from '../../app/today';

/** The first year offered (the ledger holds nothing older in practice; an older month stays reachable with 上个月). */
const FIRST_YEAR = 2015;

/**
 * The month to check: year and month as two lists in the app's language (a native month field would speak the
 * browser's language), 上个月 / 下个月, and the dates the month covers.
 */
export function MonthPicker(props: { readonly month: string; readonly onChange: (month: string) => void }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const period = monthPeriod(props.month);
  const year = Number(props.month.slice(0, 4));
  const month = Number(props.month.slice(5, 7));
  const lastYear = Number(localToday().slice(0, 4)) + 1;
  const years = Array.from({ length: Math.max(lastYear, year) - Math.min(FIRST_YEAR, year) + 1 }, (_, i) => Math.min(FIRST_YEAR, year) + i).reverse();
  const monthName = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
  const set = (y: number, m: number) => { props.onChange(`${String(y)}-${String(m).padStart(2, '0')}`); };
  return (
    <fieldset className="month-end-picker">
      <legend>{t('monthEnd.period')}</legend>
      <div className="month-end-picker-row">
        <button type="button" className="secondary" onClick={() => { props.onChange(addMonths(props.month, -1)); }}>‹ {t('monthEnd.prevMonth')}</button>
        <select aria-label={t('monthEnd.year')} value={year} onChange={(e) => { set(Number(e.target.value), month); }}>
          {years.map((y) => <option key={y} value={y}>{t('monthEnd.yearValue', { year: y })}</option>)}
        </select>
        <select aria-label={t('monthEnd.month')} value={month} onChange={(e) => { set(year, Number(e.target.value)); }}>
          {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => <option key={m} value={m}>{monthName.format(new Date(Date.UTC(2000, m - 1, 1)))}</option>)}
        </select>
        <button type="button" className="secondary" onClick={() => { props.onChange(addMonths(props.month, 1)); }}>{t('monthEnd.nextMonth')} ›</button>
        <span className="muted">{t('monthEnd.range', { from: period.from, to: period.to })}</span>
      </div>
    </fieldset>
  );
}
