import type { ReconcileRun } from '../../../shared/reconcile/entities';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';

/** Past runs, newest first: period, direction, source files, the main counts, who and when. */
export function RunHistory({ runs }: { readonly runs: readonly ReconcileRun[] | undefined }) {
  const t = useT();
  if (runs === undefined) return <p className="muted">{t('list.loading')}</p>;
  const live = runs.filter((r) => !r.deleted);
  if (live.length === 0) return <p className="muted">{t('reconcile.runs.none')}</p>;
  return (
    <table className="rc-table" aria-label={t('reconcile.runs.heading')}>
      <thead>
        <tr>
          <th>{t('reconcile.runs.period')}</th><th>{t('reconcile.runs.direction')}</th><th>{t('reconcile.runs.sources')}</th>
          <th>{t('reconcile.runs.counts')}</th><th>{t('reconcile.runs.who')}</th><th>{t('reconcile.runs.when')}</th>
        </tr>
      </thead>
      <tbody>
        {live.map((r) => (
          <tr key={r.id}>
            <td className="mono">{r.period.from} – {r.period.to}</td>
            <td>{t(`report.direction.${r.direction}`)}</td>
            <td>
              {r.sources.map((s) => (
                <div key={`${s.name}-${s.sha256}`}>
                  <span className="mono">{s.name}</span> <span className="muted small mono" title={s.sha256}>{s.rows} · {s.sha256.slice(0, 8)}</span>
                </div>
              ))}
            </td>
            <td>{t('reconcile.runs.countsValue', { missing: r.summary.missingInLedger, mismatched: r.summary.mismatched, payments: r.summary.paymentsWithoutInvoice })}</td>
            <td>{r.createdBy}</td>
            <td>{formatTimestamp(r.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
