import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { useBackupState } from '../../db';
import { isBackupOverdue } from '../../../shared/backup/overdue';
import { useFormatWhen } from './use-backup-text';
import './backup.css';

/** How often the sidebar checks whether an automatic backup is due. */
const CHECK_EVERY_MS = 15 * 60_000;
/** "Last backup / last verified" in the sidebar, warning after 24 hours without one; also runs due automatic backups. */
export function BackupReminder() {
  const t = useT();
  const state = useBackupState();
  const when = useFormatWhen();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const tick = () => {
      setNow(Date.now());
      // Loaded on first use: the backup format (and its WebAssembly) stays out of the first screen's bundle.
      void import('./auto-backup').then((m) => m.runAutoBackup(Date.now())).catch((error: unknown) => { console.error('automatic backup failed', error); });
    };
    // The first check waits a little, so start-up and the first screen come first.
    const first = setTimeout(tick, 20_000);
    const timer = setInterval(tick, CHECK_EVERY_MS);
    return () => { clearTimeout(first); clearInterval(timer); };
  }, []);
  if (!state) return null;
  const last = state.lastBackup;
  const verified = state.lastVerified;
  // One rule with the home page's backup tile: red when never backed up or over 24 hours ago.
  const overdue = isBackupOverdue(last?.at ?? null, now);
  const verifiedText = verified ? (verified.ok ? when(verified.at) : t('backup.reminder.failed', { when: when(verified.at) })) : t('backup.reminder.never');
  return (
    <div className="backup-reminder" aria-live="polite">
      <a href="#/backup" className="small">{t('backup.reminder.last', { when: last ? when(last.at) : t('backup.reminder.never') })}</a>
      <span className="muted small">{t('backup.reminder.verified', { when: verifiedText })}</span>
      {overdue ? <span className="overdue small" role="status">{t(last ? 'backup.reminder.overdue' : 'backup.reminder.first')}</span> : null}
    </div>
  );
}
