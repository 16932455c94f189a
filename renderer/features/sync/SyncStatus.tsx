import { useEffect } from 'react';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useSyncCounts, useSyncSettings } from '../../db';
import { startAppSync, stopAppSync, useSyncEngineStatus } from '../../sync/sync-service';
import { failureText } from './failure-text';
import './sync.css';

/** The always-visible sync status in the sidebar; it also starts the sync engine once this PC is enrolled. */
export function SyncStatus() {
  const t = useT();
  const settings = useSyncSettings();
  const counts = useSyncCounts();
  const status = useSyncEngineStatus();

  useEffect(() => {
    void startAppSync();
    return () => { stopAppSync(); };
  }, []);

  if (settings === undefined) return null;
  if (settings === null) {
    return <div className="sync-status" aria-live="polite"><a href="#/sync">{t('sync.status.notEnrolled')}</a></div>;
  }
  const online = status?.online ?? true;
  const error = status?.lastError ?? null;
  const tone = error && error.kind !== 'offline' ? 'error' : online ? 'online' : 'offline';
  const lastSuccess = status?.lastSuccessAt ?? null;
  return (
    <div className="sync-status" role="status" aria-live="polite" data-testid="sync-status">
      <span className="sync-line">
        <span className={`sync-dot ${tone}`} aria-hidden="true" />
        {t(status?.phase === 'syncing' ? 'sync.status.syncing' : !online ? 'sync.status.offline' : tone === 'error' ? 'sync.status.serverDown' : 'sync.status.online')}
      </span>
      <span>{counts && counts.pending > 0 ? t('sync.status.pending', { count: counts.pending }) : t('sync.status.allSent')}</span>
      <span className="muted">{lastSuccess ? t('sync.status.lastSuccess', { time: formatTimestamp(lastSuccess) }) : t('sync.status.never')}</span>
      {error ? <span className="sync-error">{failureText(t, error, true)}</span> : null}
      {counts && counts.conflicts > 0 ? <a href="#/sync">{t('sync.status.conflicts', { count: counts.conflicts })}</a> : null}
      {counts && counts.rejected > 0 ? <a href="#/sync">{t('sync.status.rejected', { count: counts.rejected })}</a> : null}
    </div>
  );
}
