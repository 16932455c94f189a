/*
 * The backup page's actions: each runs one long step through the UI store (progress, cancel, a notice at the end)
 * and records what the reminder shows. A restore or import that succeeded reloads the app onto the new ledger.
 */
import type { VerifyLevel } from '../../../shared/backup';
import { useT } from '../../app/i18n';
import { ledgerBackup } from '../../db';
import type { BackupTarget } from '../../platform/backup-targets';
import { backUp, importFolder, isRepository, resetPassword, restore, snapshots, unlock, verify, type BackupFailure } from './backup-actions';
import { setLocalBackupPassword } from './auto-backup';
import { useBackupUi, type Task } from './backup-store';
import { formatBytes } from './format-progress';
import { useDescribeFailure } from './use-backup-text';

/** The backup page's actions, bound to the UI store. */
export function useBackupFlows() {
  const t = useT();
  const describe = useDescribeFailure();
  const ui = useBackupUi.getState;

  const targetName = (target: BackupTarget) => (target.kind === 'local' ? t('backup.target.local') : target.label);
  const failed = async (failure: BackupFailure) => {
    const cancelled = failure.error.kind === 'cancelled';
    let text = cancelled ? t('backup.done.cancelled') : describe(failure);
    if (failure.from === 'format' && failure.error.kind === 'damaged') {
      // The format names key ranges and hashes; the ledger on this PC knows the invoice numbers and file names.
      const named = await ledgerBackup.nameDamage(failure.error.records, failure.error.attachments);
      const sep = t('backup.damage.separator');
      if (named.invoices.length > 0) text += `\n${t('backup.damage.invoices', { list: named.invoices.join(sep) })}`;
      if (named.attachments.length > 0) text += `\n${t('backup.damage.attachments', { list: named.attachments.join(sep) })}`;
      if (named.more > 0) text += ` ${t('backup.damage.more', { count: named.more })}`;
    }
    ui().finish({ tone: cancelled ? 'warn' : 'error', text });
  };
  const begin = (kind: Task['kind']) => {
    const controller = ui().start(kind);
    return { signal: controller.signal, onProgress: ui().progress };
  };

  return {
    targetName,

    async choose(target: BackupTarget | null) {
      ui().choose(target, null);
      if (target) ui().choose(target, await isRepository(target.store));
    },

    async unlock(password: string, recoveryKey: string | null) {
      const { target, hasRepository } = ui();
      if (!target) return;
      begin('unlock');
      const repo = await unlock(target.store, password, hasRepository === false, recoveryKey);
      if (!repo.ok) { await failed(repo.error); return; }
      const list = await snapshots(repo.value);
      ui().opened(repo.value, password, list.ok ? list.value : []);
      ui().finish(list.ok ? null : { tone: 'error', text: describe(list.error) });
    },

    async resetPassword(newPassword: string) {
      const { target, password } = ui();
      if (!target || password === null) return;
      begin('unlock');
      const r = await resetPassword(target.store, password, newPassword);
      if (!r.ok) { await failed(r.error); return; }
      // The automatic backups open this PC's own repository with the password kept for them: keep it current.
      if (target.kind === 'local') await setLocalBackupPassword(newPassword);
      ui().passwordChanged(newPassword);
      ui().finish({ tone: 'ok', text: t('backup.password.resetDone') });
    },

    async backUp() {
      const { repo, target } = ui();
      if (!repo || !target) return;
      const r = await backUp(repo, begin('backup'));
      if (!r.ok) { await failed(r.error); return; }
      await ledgerBackup.state.recordBackup({ at: new Date().toISOString(), target: targetName(target), bytes: r.value.bytesWritten, automatic: false });
      const list = await snapshots(repo);
      if (list.ok) ui().setSnapshots(list.value);
      ui().finish({ tone: 'ok', text: t('backup.done.backup', { written: formatBytes(r.value.bytesWritten), bytes: formatBytes(r.value.bytes) }) });
    },

    async verify(level: VerifyLevel) {
      const { target, password, repo } = ui();
      if (!target) return;
      const r = await verify(target.store, level, level === 0 ? null : password, begin('verify'), level === 0 ? null : repo);
      if (!r.ok && r.error.error.kind === 'cancelled') { await failed(r.error); return; }
      await ledgerBackup.state.recordVerified({ at: new Date().toISOString(), level, ok: r.ok, target: targetName(target) });
      if (!r.ok) { await failed(r.error); return; }
      const leftovers = r.value.unreferencedPacks.length;
      const text = t('backup.verify.ok', { snapshots: r.value.snapshots, packs: r.value.packs, bytes: formatBytes(r.value.bytesChecked) });
      ui().finish({ tone: 'ok', text: leftovers > 0 ? `${text}。${t('backup.verify.leftovers', { count: leftovers })}` : text });
    },

    async restore(snapshotId: string) {
      const { repo } = ui();
      if (!repo) return;
      const r = await restore(repo, snapshotId, begin('restore'));
      if (!r.ok) { await failed(r.error); return; }
      window.location.reload();
    },

    async exportTo(target: BackupTarget) {
      const run = begin('export');
      const r = await ledgerBackup.exportTo(target.store, { signal: run.signal, onProgress: (p) => { run.onProgress({ done: p.doneBytes, total: p.totalBytes }); } });
      if (!r.ok) {
        const text = t(`backup.exportError.${r.error.kind}`, r.error.kind === 'write-failed' ? { path: r.error.path, message: r.error.message } : {});
        ui().finish({ tone: r.error.kind === 'cancelled' ? 'warn' : 'error', text });
        return;
      }
      const invoices = r.value.tables.invoices?.rows ?? 0;
      ui().finish({ tone: 'ok', text: t('backup.export.done', { invoices, attachments: r.value.attachments.count, label: targetName(target) }) });
    },

    async importFrom(target: BackupTarget) {
      const r = await importFolder(target.store, begin('import'));
      if (!r.ok) { await failed(r.error); return; }
      window.location.reload();
    },
  };
}

/** The actions' type, for components that receive them. */
export type BackupFlows = ReturnType<typeof useBackupFlows>;
