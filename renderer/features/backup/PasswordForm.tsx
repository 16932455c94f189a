import { useState } from 'react';
import { useT } from '../../app/i18n';
import { MIN_PASSWORD_LENGTH, passwordLength, passwordStrength, recoveryKey } from './password-strength';
import { StrengthMeter } from './StrengthMeter';

/**
 * Sets a repository's password once (twice typed, strength meter, the warning that it cannot be recovered, an
 * optional printed recovery key), or asks for it to open an existing repository.
 */
export function PasswordForm(props: { readonly create: boolean; readonly busy: boolean; readonly onSubmit: (password: string) => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (e: { preventDefault: () => void }) => {
    e.preventDefault();
    if (props.create) {
      if (passwordLength(password) < MIN_PASSWORD_LENGTH) { setError(t('backup.password.tooShort', { min: MIN_PASSWORD_LENGTH })); return; }
      if (passwordStrength(password) < 2) { setError(t('backup.password.tooWeak')); return; }
      if (password !== repeat) { setError(t('backup.password.mismatch')); return; }
    }
    setError(null);
    props.onSubmit(password);
  };
  const useRecoveryKey = () => {
    const k = recoveryKey();
    setKey(k);
    setPassword(k);
    setRepeat(k);
  };

  return (
    <form className="backup-password" onSubmit={submit}>
      <h3>{t(props.create ? 'backup.password.setHeading' : 'backup.password.openHeading')}</h3>
      {props.create ? <p className="banner banner-warn" role="note">{t('backup.password.warning')}</p> : null}
      <label>{t('backup.password.label')}
        <input type="password" autoComplete={props.create ? 'new-password' : 'current-password'} value={password}
          onChange={(e) => { setPassword(e.target.value); setKey(null); }} autoFocus />
      </label>
      {props.create ? (
        <>
          <StrengthMeter password={password} />
          <label>{t('backup.password.confirm')}
            <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => { setRepeat(e.target.value); }} />
          </label>
          <button type="button" className="link" onClick={useRecoveryKey}>{t('backup.recovery.make')}</button>
          {key ? (
            <div className="recovery-key">
              <strong>{t('backup.recovery.heading')}</strong>
              <p className="mono key">{key}</p>
              <p className="small">{t('backup.recovery.hint')}</p>
              <button type="button" onClick={() => { window.print(); }}>{t('backup.recovery.print')}</button>
            </div>
          ) : null}
          <label className="checkbox">
            <input type="checkbox" checked={acknowledged} onChange={(e) => { setAcknowledged(e.target.checked); }} />
            {t('backup.password.acknowledge')}
          </label>
        </>
      ) : null}
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      {props.busy ? <p className="muted">{t('backup.password.working')}</p> : null}
      <button type="submit" className="primary" disabled={props.busy || password === '' || (props.create && !acknowledged)}>
        {t(props.create ? 'backup.password.create' : 'backup.password.open')}
      </button>
    </form>
  );
}
