import { useLocaleStore, useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { formatTimestamp } from '../../app/today';
import { useSavedPeriodCheck } from '../../db';
import { useUserName } from '../auth';
import { openPrint } from '../print';
import { CheckList } from './CheckList';
import { monthLabel } from './item-text';
import './month-end.css';

/** A saved check (#/month-end/<id>): who ran it and when, every item as it was then, the note, and 打印报告. */
export function SavedCheckPage(props: { readonly id: string }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const name = useUserName();
  const check = useSavedPeriodCheck(props.id);
  if (check === undefined) return <p className="empty">{t('list.loading')}</p>;
  if (check === null) return <div className="month-end-page"><p className="empty" role="alert">{t('monthEnd.record.notFound')}</p><a href={routeHash({ name: 'monthEnd' })}>{t('monthEnd.back')}</a></div>;
  return (
    <div className="month-end-page">
      <a href={routeHash({ name: 'monthEnd' })} className="month-end-back">{t('monthEnd.back')}</a>
      <header className="page-header">
        <h1>{t('monthEnd.record.title', { month: monthLabel(check.month, locale) })}</h1>
        <div className="header-actions"><button type="button" className="primary" onClick={() => { openPrint('monthEnd', { id: check.id }); }}>{t('monthEnd.print')}</button></div>
      </header>
      <p>{t('monthEnd.record.meta', { name: check.byName || name(check.createdBy), at: formatTimestamp(check.createdAt) })}</p>
      <p className="muted small">{t('monthEnd.range', { from: check.from, to: check.to })} · {t('monthEnd.record.readOnly')}</p>
      <CheckList month={check.month} period={{ from: check.from, to: check.to }} items={check.items} live={false} />
      {check.note ? <section className="paper month-end-note"><h2>{t('monthEnd.col.note')}</h2><p className="month-end-note-cell">{check.note}</p></section> : null}
    </div>
  );
}
