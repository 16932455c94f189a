import { addMonths, isMonth, monthPeriod } from '../../../shared/period-check/period';
import { useT } from '../../app/i18n';

/** The month to check: a month field with 上个月 / 下个月, and the dates it covers. */
export function MonthPicker(props: { readonly month: string; readonly onChange: (month: string) => void }) {
  const t = useT();
  const period = monthPeriod(props.month);
  return (
    <div className="month-end-picker">
      <label htmlFor="month-end-month">{t('monthEnd.period')}</label>
      <div className="month-end-picker-row">
        <button type="button" className="secondary" onClick={() => { props.onChange(addMonths(props.month, -1)); }}>‹ {t('monthEnd.prevMonth')}</button>
        <input id="month-end-month" type="month" value={props.month} required
          onChange={(e) => { if (isMonth(e.target.value)) props.onChange(e.target.value); }} />
        <button type="button" className="secondary" onClick={() => { props.onChange(addMonths(props.month, 1)); }}>{t('monthEnd.nextMonth')} ›</button>
        <span className="muted">{t('monthEnd.range', { from: period.from, to: period.to })}</span>
      </div>
    </div>
  );
}
