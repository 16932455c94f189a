/*
 * Automatic local backups into the app's own folder (Electron: userData/backups; browser: the Origin Private File
 * System), on a schedule (daily by default), pruned to 7 daily + 4 weekly snapshots.
 *
 * The local repository is encrypted like any other, and its password is kept on this PC so the backup can run
 * unattended: sealed by the OS in the desktop app (Electron safeStorage), encrypted in IndexedDB in a plain browser (renderer/platform/browser-secrets.ts). That protects the copy only once it leaves this PC (the live ledger beside it is not
 * encrypted either); it exists to survive a damaged or mistakenly cleared ledger, and can be restored on a fresh
 * install with the password the clerk chose.
 */
import { ledgerBackup } from '../../db';
import { backupPlatform } from '../../platform/backup-targets';
import { localSecrets, type SecretProtection } from '../../platform/local-secrets';
import { backUp, isRepository, prune, unlock, type BackupFailure } from './backup-actions';
import { isAutoBackupDue } from './auto-backup-schedule';

/** The password of the local repository, if the clerk set one on this PC. */
export function localBackupPassword(): Promise<string | null> {
  return localSecrets().get('local-backup-password');
}

/** Remembers the local repository's password (set once, when automatic backups are switched on); says how it is kept. */
export function setLocalBackupPassword(password: string): Promise<SecretProtection> {
  return localSecrets().set('local-backup-password', password);
}

/** What an automatic run did. */
export type AutoBackupOutcome =
  | { readonly kind: 'not-due' | 'no-password' | 'no-folder' }
  | { readonly kind: 'done'; readonly bytes: number; readonly pruned: number }
  | { readonly kind: 'failed'; readonly failure: BackupFailure };

/** Runs the automatic local backup if it is due (or when `force`), then prunes to the retention policy. */
export async function runAutoBackup(now: number, force = false): Promise<AutoBackupOutcome> {
  const state = await ledgerBackup.state.read();
  if (!force && !isAutoBackupDue(state.settings, state.lastAutomatic, now)) return { kind: 'not-due' };
  const password = await localBackupPassword();
  if (password === null) return { kind: 'no-password' };
  const target = await backupPlatform().localTarget();
  if (!target) return { kind: 'no-folder' };
  const repo = await unlock(target.store, password, !(await isRepository(target.store)));
  if (!repo.ok) return { kind: 'failed', failure: repo.error };
  const snap = await backUp(repo.value);
  if (!snap.ok) return { kind: 'failed', failure: snap.error };
  await ledgerBackup.state.recordBackup({ at: new Date(now).toISOString(), target: 'local', bytes: snap.value.bytesWritten, automatic: true });
  const pruned = await prune(repo.value, state.settings.keepDaily, state.settings.keepWeekly);
  return { kind: 'done', bytes: snap.value.bytesWritten, pruned: pruned.ok ? pruned.value : 0 };
}
