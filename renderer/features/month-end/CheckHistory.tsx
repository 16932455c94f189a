import { useLocaleStore, useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { formatTimestamp } from '../../app/today';
import { useSavedPeriodChecks } from '../../db';
import { useUserName } from '../auth';
import { monthLabel } from './item-text';

/** 核对记录: every saved check, newest first — month, pass or how many items passed, who, when, the note. */
export function CheckHistory() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const name = useUserName();
  const list = useSavedPeriodChecks();
  return (
    <section className="paper month-end-history" aria-labelledby="month-end-history-title">
      <h2 id="month-end-history-title">{t('monthEnd.history')}</h2>
      {list === undefined ? <p className="empty">{t('list.loading')}</p> : list.length === 0 ? <p className="empty">{t('monthEnd.history.empty')}</p> : (
        <table className="month-end-table">
          <thead><tr>{(['month', 'result', 'by', 'at', 'note'] as const).map((c) => <th key={c} scope="col">{t(`monthEnd.col.${c}`)}</th>)}<th /></tr></thead>
          <tbody>
            {list.map((c) => {
              const passed = c.items.filter((i) => i.pass).length;
              return (
                <tr key={c.id}>
                  <td>{monthLabel(c.month, locale)}</td>
                  <td className={c.pass ? 'ok' : 'bad'}>{c.pass ? t('monthEnd.result.pass') : t('monthEnd.result.fail', { passed, total: c.items.length })}</td>
                  <td>{c.byName || name(c.createdBy)}</td>
                  <td>{formatTimestamp(c.createdAt)}</td>
                  <td className="month-end-note-cell">{c.note}</td>
                  <td><a href={routeHash({ name: 'monthEndCheck', id: c.id })}>{t('monthEnd.open')}</a></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
