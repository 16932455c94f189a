import { useState } from 'react';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useSyncCounts, useSyncSettings } from '../../db';
import { syncNow, useSyncEngineStatus } from '../../sync/sync-service';
import { ConflictList } from './ConflictList';
import { failureText } from './failure-text';
import { RejectedList } from './RejectedList';
import { ServerPanel } from './ServerPanel';
import './sync.css';

/** Sync settings, status and the conflict review (issue #4). */
export function SyncPage() {
  const t = useT();
  const settings = useSyncSettings();
  const status = useSyncEngineStatus();
  const counts = useSyncCounts();
  const [result, setResult] = useState<string | null>(null);

  const runNow = async () => {
    setResult(null);
    const r = await syncNow();
    setResult(r.ok ? t('sync.now.done', { pushed: r.value.pushed, pulled: r.value.pulled }) : failureText(t, r.error));
  };

  return (
    <div className="sync-page">
      <header className="page-header"><h1>{t('sync.title')}</h1></header>
      <ServerPanel />
      {settings ? (
        <section aria-label={t('sync.now')}>
          <div className="sync-summary">
            <button type="button" className="primary" onClick={() => { void runNow(); }} disabled={status?.phase === 'syncing'}>{t('sync.now')}</button>
            <span>{counts && counts.pending > 0 ? t('sync.status.pending', { count: counts.pending }) : t('sync.status.allSent')}</span>
            <span className="muted">{status?.lastSuccessAt ? t('sync.status.lastSuccess', { time: formatTimestamp(status.lastSuccessAt) }) : t('sync.status.never')}</span>
            {status?.nextAttemptAt && status.lastError ? <span className="muted">{t('sync.status.retryAt', { time: formatTimestamp(status.nextAttemptAt) })}</span> : null}
          </div>
          {status?.lastError ? <p className="msg-error" role="alert">{failureText(t, status.lastError)}</p> : null}
          {result ? <p role="status">{result}</p> : null}
        </section>
      ) : null}
      <ConflictList />
      <RejectedList />
    </div>
  );
}
