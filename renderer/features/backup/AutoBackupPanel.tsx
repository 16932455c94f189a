import { useEffect, useState } from 'react';
import { useT } from '../../app/i18n';
import { DEFAULT_BACKUP_SETTINGS, ledgerBackup, useBackupState, type BackupSettings } from '../../db';
import { useToasts } from '../../ui/toast';
import { localBackupPassword, runAutoBackup, setLocalBackupPassword } from './auto-backup';
import { formatBytes } from './format-progress';
import { MIN_PASSWORD_LENGTH, passwordLength, passwordStrength } from './password-strength';
import { StrengthMeter } from './StrengthMeter';
import { useDescribeFailure, useFormatWhen } from './use-backup-text';
import { useGate } from '../auth';

const EVERY = [24, 12, 168] as const;

/** Automatic local backups: on/off, how often, retention, the local repository's password, run once now. */
export function AutoBackupPanel() {
  const t = useT();
  const state = useBackupState();
  const when = useFormatWhen();
  const describe = useDescribeFailure();
  const show = useToasts((s) => s.show);
  const [hasPassword, setHasPassword] = useState(false);
  const [plainText, setPlainText] = useState(false);
  useEffect(() => {
    let live = true;
    void localBackupPassword().then((p) => { if (live) setHasPassword(p !== null); });
    return () => { live = false; };
  }, []);
  const [password, setPassword] = useState('');
  const [running, setRunning] = useState(false);
  const settings = state?.settings ?? DEFAULT_BACKUP_SETTINGS;
  // Settings and the local password are the admin's (backup.settings); everyone may run a backup.
  const gate = useGate('backup.settings');
  const save = (next: Partial<BackupSettings>) => { void ledgerBackup.state.saveSettings({ ...settings, ...next }); };
  const savePassword = async () => {
    const protection = await setLocalBackupPassword(password);
    setPassword('');
    setHasPassword(true);
    setPlainText(protection === 'browser');
    show(t('backup.auto.passwordSet'));
  };
  const runNow = async () => {
    setRunning(true);
    const r = await runAutoBackup(Date.now(), true);
    setRunning(false);
    if (r.kind === 'done') show(t('backup.auto.done', { bytes: formatBytes(r.bytes) }));
    else if (r.kind === 'failed') show(describe(r.failure), 'error');
    else if (r.kind === 'no-password') show(t('backup.auto.noPassword'), 'warn');
    else if (r.kind === 'no-folder') show(t('backup.auto.noFolder'), 'warn');
  };
  const strongEnough = passwordLength(password) >= MIN_PASSWORD_LENGTH && passwordStrength(password) >= 2;
  return (
    <section className="backup-card" aria-labelledby="auto-heading">
      <h2 id="auto-heading">{t('backup.auto.heading')}</h2>
      <label className="checkbox">
        <input type="checkbox" checked={settings.autoEnabled} disabled={!gate.allowed} title={gate.title} onChange={(e) => { save({ autoEnabled: e.target.checked }); }} />
        {t('backup.auto.enabled')}
      </label>
      <label>{t('backup.auto.every')}{' '}
        <select value={settings.autoEveryHours} disabled={!gate.allowed} title={gate.title} onChange={(e) => { save({ autoEveryHours: Number(e.target.value) }); }}>
          {EVERY.map((h) => <option key={h} value={h}>{t(`backup.auto.every.${String(h)}`)}</option>)}
        </select>
      </label>
      <p className="muted small">{t('backup.auto.keep', { daily: settings.keepDaily, weekly: settings.keepWeekly })}</p>
      <p className="small">{state?.lastAutomatic ? t('backup.auto.last', { when: when(state.lastAutomatic.at) }) : t('backup.auto.never')}</p>
      {hasPassword ? <p className="small">{t(plainText ? 'backup.auto.passwordSetPlain' : 'backup.auto.passwordSet')}</p> : !gate.allowed ? (
        <p className="msg-warning">{t('backup.auto.noPassword')} {gate.title}</p>
      ) : (
        <div className="auto-password">
          <p className="msg-warning">{t('backup.auto.noPassword')}</p>
          <p className="small">{t('backup.password.warning')}</p>
          <label>{t('backup.auto.password')}
            <input type="password" autoComplete="new-password" value={password} onChange={(e) => { setPassword(e.target.value); }} />
          </label>
          <StrengthMeter password={password} />
          <button type="button" disabled={!strongEnough} onClick={() => { void savePassword(); }}>{t('backup.auto.savePassword')}</button>
        </div>
      )}
      <button type="button" disabled={running || !hasPassword} onClick={() => { void runNow(); }}>{t('backup.auto.runNow')}</button>
    </section>
  );
}
