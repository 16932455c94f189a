import { addMonths, monthPeriod } from '../../../shared/domain/month';
import { useT } from '../../app/i18n';
import { MonthSelect } from '../../ui/MonthSelect';

/**
 * The month to check: year and month as two lists in the app's language (a native month field would speak the
 * browser's language), 上个月 / 下个月, and the dates the month covers.
 */
export function MonthPicker(props: { readonly month: string; readonly onChange: (month: string) => void }) {
  const t = useT();
  const period = monthPeriod(props.month);
  return (
    <fieldset className="month-end-picker">
      <legend>{t('monthEnd.period')}</legend>
      <div className="month-end-picker-row">
        <button type="button" className="secondary" onClick={() => { props.onChange(addMonths(props.month, -1)); }}>‹ {t('monthEnd.prevMonth')}</button>
        <MonthSelect month={props.month} onChange={props.onChange} yearLabel={t('monthEnd.year')} monthLabel={t('monthEnd.month')} />
        <button type="button" className="secondary" onClick={() => { props.onChange(addMonths(props.month, 1)); }}>{t('monthEnd.nextMonth')} ›</button>
        <span className="muted">{t('monthEnd.range', { from: period.from, to: period.to })}</span>
      </div>
    </fieldset>
  );
}
