import { useT } from '../../app/i18n';
import { usePeriodCheck } from '../../db';
import { CheckHistory } from './CheckHistory';
import { CheckList } from './CheckList';
import { MonthPicker } from './MonthPicker';
import { useMonthEndStore } from './month-end-store';
import { SaveCheckForm } from './SaveCheckForm';
import './month-end.css';

/** 月末核对 (#/month-end): pick the month, work through the live checklist, save the result, see earlier ones. */
export function MonthEndPage() {
  const t = useT();
  const month = useMonthEndStore((s) => s.month);
  const setMonth = useMonthEndStore((s) => s.setMonth);
  const result = usePeriodCheck(month);
  return (
    <div className="month-end-page">
      <header className="page-header"><h1>{t('monthEnd.title')}</h1></header>
      <p className="muted">{t('monthEnd.intro')}</p>
      <MonthPicker month={month} onChange={setMonth} />
      {result === undefined || result.month !== month
        ? <p className="empty">{t('monthEnd.loading')}</p>
        : <CheckList month={result.month} period={result.period} items={result.items} live />}
      <SaveCheckForm month={month} />
      <CheckHistory />
    </div>
  );
}
