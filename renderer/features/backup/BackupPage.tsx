import { useT } from '../../app/i18n';
import { AutoBackupPanel } from './AutoBackupPanel';
import { useBackupUi } from './backup-store';
import { ExportPanel } from './ExportPanel';
import { PasswordForm } from './PasswordForm';
import { RecoveryKeyPanel } from './RecoveryKeyPanel';
import { RestoreBanner } from './RestoreBanner';
import { SnapshotList } from './SnapshotList';
import { TargetPicker } from './TargetPicker';
import { TaskProgress } from './TaskProgress';
import { useBackupFlows } from './use-backup-flows';
import { VerifyPanel } from './VerifyPanel';
import './backup.css';
import { useGate } from '../auth';

/** Backups to USB sticks and folders, verification, restore and the plain export (issue #5). */
export function BackupPage() {
  const t = useT();
  const flows = useBackupFlows();
  const { target, hasRepository, repo, password, snapshots, task, notice, needsNewPassword } = useBackupUi();
  const busy = task !== null;
  // Setting a repository's password or recovery key is the admin's (backup.settings); opening one is everyone's.
  const settingsGate = useGate('backup.settings');
  return (
    <section className="backup-page">
      <header className="page-header"><h1>{t('backup.title')}</h1></header>
      <RestoreBanner />
      <p className="muted">{t('backup.intro')}</p>
      <section className="backup-card" aria-labelledby="target-heading">
        <h2 id="target-heading">{t('backup.target.heading')}</h2>
        {target === null ? <TargetPicker onPick={(tg) => { void flows.choose(tg); }} /> : (
          <div className="target-chosen">
            <span>{t('backup.target.chosen', { label: flows.targetName(target) })}</span>
            <button type="button" className="link" disabled={busy} onClick={() => { void flows.choose(null); }}>{t('backup.target.change')}</button>
          </div>
        )}
        {target !== null && repo === null && hasRepository === false && !settingsGate.allowed ? (
          <p className="msg-warning" role="note">{t('backup.password.createHeading')}: {settingsGate.title}</p>
        ) : target !== null && repo === null && hasRepository !== null ? (
          <PasswordForm key={String(hasRepository)} mode={hasRepository ? 'open' : 'create'} busy={task?.kind === 'unlock'} onSubmit={(pw, key) => { void flows.unlock(pw, key); }} />
        ) : null}
        {repo !== null && needsNewPassword && settingsGate.allowed ? (
          <PasswordForm key="reset" mode="reset" busy={task?.kind === 'unlock'} onSubmit={(pw) => { void flows.resetPassword(pw); }} />
        ) : null}
        {repo !== null ? (
          <div className="target-actions">
            <button type="button" className="primary" disabled={busy} onClick={() => { void flows.backUp(); }}>{t('backup.run.now')}</button>
          </div>
        ) : null}
        {target !== null && repo !== null && password !== null && !needsNewPassword && settingsGate.allowed ? <RecoveryKeyPanel store={target.store} secret={password} busy={busy} /> : null}
        <TaskProgress />
        {notice ? <p className={`notice notice-${notice.tone}`} role={notice.tone === 'error' ? 'alert' : 'status'}>{notice.text}</p> : null}
        {target !== null ? <VerifyPanel busy={busy} unlocked={repo !== null} onVerify={(level) => { void flows.verify(level); }} /> : null}
        {repo !== null && snapshots !== null ? (
          <>
            <h3>{t('backup.snapshots.heading')}</h3>
            <SnapshotList snapshots={snapshots} busy={busy} onRestore={(id) => { void flows.restore(id); }} />
          </>
        ) : null}
      </section>
      <ExportPanel busy={busy} flows={flows} />
      <AutoBackupPanel />
    </section>
  );
}
