import { useState } from 'react';
import type { FindingNote } from '../../../shared/reconcile/entities';
import { FINDING_TYPES } from '../../../shared/reconcile/types';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useFindingNotes, useMatches } from '../../db';
import { ClearMatchesBar } from './ClearMatchesBar';
import { FindingRow } from './FindingRow';
import { useReconcileUi, type Report } from './reconcile-store';
import { filterFindings, typeCounts } from './report-view';
import type { ReconcileRunFlows } from './use-reconcile-run';
import { useSheetExports } from './use-sheet-exports';
import { PrintButton } from '../print';

const PAGE = 100;
const NO_NOTES: ReadonlyMap<string, FindingNote> = new Map();

/** The report of the last run: heading, counts, export/print, filters and the findings. */
export function ReportView({ report, flows }: { readonly report: Report; readonly flows: ReconcileRunFlows }) {
  const t = useT();
  const { filter, set } = useReconcileUi();
  const notes = useFindingNotes() ?? NO_NOTES;
  const matches = useMatches() ?? [];
  const exports = useSheetExports();
  const [limit, setLimit] = useState(PAGE);
  const { summary, findings } = report.output;
  const counts = typeCounts(summary, findings);
  const shown = filterFindings(findings, filter, notes, report.newKeys);
  const setFilter = (patch: Partial<typeof filter>) => { set({ filter: { ...filter, ...patch } }); setLimit(PAGE); };
  const direction = t(`report.direction.${report.direction}`);

  return (
    <section className="rc-report" aria-labelledby="rc-report-heading">
      <header className="rc-report-head">
        <h2 id="rc-report-heading">{t('reconcile.report.heading', { from: report.period.from, to: report.period.to, direction })}</h2>
        <div className="rc-actions rc-no-print">
          <button type="button" onClick={() => { void exports.report({ ...report, ranAt: formatTimestamp(report.ranAt), summary, findings, notes }); }}>{t('reconcile.report.export')}</button>
          <PrintButton doc="reconcile" params={{ run: report.runId }} />
        </div>
      </header>
      <p className="muted small">{t('reconcile.report.meta', { user: report.ranBy, at: formatTimestamp(report.ranAt), sources: report.sources.map((s) => s.name).join('、') })}</p>
      <p className="muted small">{t('reconcile.report.ledgerWindow', { from: report.ledgerWindow.from, to: report.ledgerWindow.to, count: summary.ledgerRows })}</p>
      {report.firstRun ? <p className="muted small rc-no-print">{t('reconcile.firstRun')}</p> : null}
      <dl className="rc-summary" aria-label={t('reconcile.report.summary')}>
        <div className="rc-count"><dt>{t('report.listRows')}</dt><dd className="mono">{summary.listRows}</dd></div>
        <div className="rc-count"><dt>{t('report.ledgerRows')}</dt><dd className="mono">{summary.ledgerRows}</dd></div>
        {FINDING_TYPES.map((type) => (
          <div key={type} className={`rc-count${counts[type] > 0 ? ' rc-count-warn' : ''}${filter.type === type ? ' rc-count-active' : ''}`}>
            <dt><button type="button" className="link" onClick={() => { setFilter({ type: filter.type === type ? '' : type }); }}>{t(`report.type.${type}`)}</button></dt>
            <dd className="mono">{counts[type]}</dd>
          </div>
        ))}
      </dl>
      <ClearMatchesBar report={report} matches={matches} flows={flows} />
      <div className="rc-filters rc-no-print">
        <div className="rc-field">
          <label htmlFor="rc-filter-type">{t('reconcile.filter.type')}</label>
          <select id="rc-filter-type" value={filter.type} onChange={(e) => { setFilter({ type: FINDING_TYPES.find((x) => x === e.target.value) ?? '' }); }}>
            <option value="">{t('reconcile.filter.all')}</option>
            {FINDING_TYPES.map((type) => <option key={type} value={type}>{t(`report.type.${type}`)}（{counts[type]}）</option>)}
          </select>
        </div>
        <div className="rc-field">
          <label htmlFor="rc-filter-handled">{t('reconcile.filter.handled')}</label>
          <select id="rc-filter-handled" value={filter.handled} onChange={(e) => { setFilter({ handled: e.target.value === 'open' ? 'open' : e.target.value === 'handled' ? 'handled' : 'all' }); }}>
            <option value="all">{t('reconcile.filter.all')}</option>
            <option value="open">{t('reconcile.filter.open')}</option>
            <option value="handled">{t('reconcile.filter.done')}</option>
          </select>
        </div>
        <label className="checkbox"><input type="checkbox" checked={filter.onlyNew} onChange={(e) => { setFilter({ onlyNew: e.target.checked }); }} /> {t('reconcile.filter.onlyNew')}</label>
        <span className="muted small" aria-live="polite">{t('reconcile.report.shown', { shown: Math.min(limit, shown.length), total: shown.length })}</span>
      </div>
      {findings.length === 0 ? <p className="empty">{t('reconcile.report.clean')}</p> : shown.length === 0 ? <p className="empty">{t('reconcile.report.none')}</p> : (
        <table className="rc-table rc-findings" aria-label={t('reconcile.report.rows')}>
          <thead>
            <tr>
              <th>{t('report.col.type')}</th><th>{t('report.col.number')}</th><th>{t('report.col.date')}</th><th>{t('report.col.party')}</th>
              <th className="num">{t('report.col.total')}</th><th>{t('report.col.explain')}</th><th className="rc-no-print">{t('reconcile.filter.handled')}</th>
            </tr>
          </thead>
          {shown.slice(0, limit).map((f) => (
            <FindingRow key={f.key} finding={f} report={report} note={notes.get(f.key)} isNew={report.newKeys.has(f.key)} matches={matches} flows={flows} />
          ))}
        </table>
      )}
      {shown.length > limit ? (
        <button type="button" className="rc-no-print" onClick={() => { setLimit(limit + PAGE); }}>{t('reconcile.report.more', { count: Math.min(PAGE, shown.length - limit) })}</button>
      ) : null}
    </section>
  );
}
