import { useT } from '../../app/i18n';
import { useMatches, useRuns } from '../../db';
import { ReportView } from './ReportView';
import { RunHistory } from './RunHistory';
import { RunSettings } from './RunSettings';
import { SourcePicker } from './SourcePicker';
import { useReconcileUi } from './reconcile-store';
import { useReconcileRun } from './use-reconcile-run';
import { useSourceFiles } from './use-source-files';
import './reconcile.css';

/** Reconciliation: pick the period and the files, run, and work through the report (issue #11). */
export function ReconcilePage() {
  const t = useT();
  const sources = useSourceFiles();
  const run = useReconcileRun();
  const runs = useRuns();
  const matches = useMatches();
  const { running, error, report } = useReconcileUi();
  return (
    <section className="rc-page rc-reconcile">
      <header className="page-header"><h1>{t('reconcile.title')}</h1></header>
      <div className="rc-setup rc-no-print">
        <p className="muted">{t('reconcile.intro')}</p>
        <section className="rc-card">
          <RunSettings />
          <div className="rc-sources">
            <SourcePicker role="platform" flows={sources} />
            <SourcePicker role="bank" flows={sources} />
          </div>
          <div className="rc-actions">
            <button type="button" className="primary" disabled={running || runs === undefined || matches === undefined}
              onClick={() => { void run.run(runs ?? [], matches ?? []); }}>{running ? t('reconcile.running') : t('reconcile.run')}</button>
            {running ? <span className="muted" role="status">{t('reconcile.running')}</span> : null}
          </div>
          {error ? <p className="notice notice-error" role="alert">{error}</p> : null}
        </section>
      </div>
      {report ? <ReportView key={report.runId} report={report} flows={run} /> : null}
      <section className="rc-card rc-no-print" aria-labelledby="rc-runs-heading">
        <h2 id="rc-runs-heading">{t('reconcile.runs.heading')}</h2>
        <RunHistory runs={runs} />
      </section>
    </section>
  );
}
