import { isBackupOverdue } from '../../../shared/backup/overdue';
import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useBackupState, useHomeReconcile, useLastSyncSuccess, useSyncCounts, useSyncSettings } from '../../db';
import { Tile } from './Tile';

/** Sync, backup and the last reconciliation: whether the ledger is safe and matched against the platform. */
export function SafetyTiles(props: { readonly now: number }) {
  const t = useT();
  const settings = useSyncSettings();
  const counts = useSyncCounts();
  const lastSync = useLastSyncSuccess();
  const backup = useBackupState();
  const run = useHomeReconcile();

  const syncProblems = counts ? counts.conflicts + counts.rejected : 0;
  const syncDetail = settings === null ? t('home.tile.sync.notEnrolled')
    : [lastSync ? t('home.tile.sync.last', { time: formatTimestamp(lastSync) }) : t('home.tile.sync.never'),
      counts && counts.conflicts > 0 ? t('home.tile.sync.conflicts', { count: counts.conflicts }) : '',
      counts && counts.rejected > 0 ? t('home.tile.sync.rejected', { count: counts.rejected }) : ''].filter(Boolean).join(' · ');

  const overdue = backup ? isBackupOverdue(backup.lastBackup?.at ?? null, props.now) : false;
  const verified = backup?.lastVerified;
  const backupDetail = !backup ? null : [
    verified ? t(verified.ok ? 'home.tile.backup.verified' : 'home.tile.backup.verifyFailed', { time: formatTimestamp(verified.at) }) : t('home.tile.backup.neverVerified'),
    !backup.lastBackup ? t('home.tile.backup.first') : overdue ? t('home.tile.backup.overdue') : '',
  ].filter(Boolean).join(' · ');

  return (
    <div className="tiles" role="list" aria-label={t('home.safety')}>
      <div role="listitem"><Tile id="tile-sync" label={t('home.tile.sync')} href="#/sync" action={t('home.open.sync')}
        value={settings === undefined || counts === undefined ? undefined : settings === null ? <span className="tile-when">{t('home.tile.sync.local')}</span> : counts.pending}
        unit={settings ? t('home.unit.changes') : undefined}
        tone={syncProblems > 0 ? 'alert' : settings && counts && counts.pending > 0 ? 'attention' : 'calm'} detail={syncDetail} /></div>
      <div role="listitem"><Tile id="tile-backup" label={t('home.tile.backup')} href="#/backup" action={t('home.open.backup')}
        value={backup === undefined ? undefined : <span className="tile-when">{backup.lastBackup ? formatTimestamp(backup.lastBackup.at) : t('home.tile.backup.never')}</span>}
        tone={overdue ? 'alert' : 'calm'} detail={backupDetail} /></div>
      <div role="listitem"><Tile id="tile-reconcile" label={t('home.tile.reconcile')} href="#/reconcile" action={t('home.open.reconcile')}
        value={run === undefined ? undefined : run === null ? <span className="tile-when">{t('home.tile.reconcile.none')}</span> : run.open}
        unit={run ? t('home.unit.findings') : undefined}
        tone={run && run.missingWithoutCase > 0 ? 'alert' : run && run.open > 0 ? 'attention' : 'calm'}
        detail={run ? t('home.tile.reconcile.detail', { from: run.run.period.from, to: run.run.period.to, total: run.findings, missing: run.missingWithoutCase }) : t('home.tile.reconcile.noneDetail')} /></div>
    </div>
  );
}
