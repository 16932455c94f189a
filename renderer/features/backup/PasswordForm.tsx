import { useState } from 'react';
import { useT } from '../../app/i18n';
import { newRecoveryKey } from '../../../shared/backup';
import { MIN_PASSWORD_LENGTH, passwordLength, passwordStrength } from './password-strength';
import { RecoveryKeyCard } from './RecoveryKeyCard';
import { StrengthMeter } from './StrengthMeter';

/** What the form is for: a new repository, opening one, or a new password after opening with the recovery key. */
export type PasswordMode = 'create' | 'open' | 'reset';

/**
 * Sets a repository's password once (twice typed, strength meter, the warning that it cannot be recovered, an
 * optional recovery key printed on paper that opens the repository too), asks for the password or the recovery
 * key to open an existing repository, or sets a new password after the recovery key opened it.
 */
export function PasswordForm(props: { readonly mode: PasswordMode; readonly busy: boolean; readonly onSubmit: (password: string, recoveryKey: string | null) => void }) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [acknowledged, setAcknowledged] = useState(false);
  const [key, setKey] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const create = props.mode !== 'open';
  const submit = (e: { preventDefault: () => void }) => {
    e.preventDefault();
    if (create) {
      if (passwordLength(password) < MIN_PASSWORD_LENGTH) { setError(t('backup.password.tooShort', { min: MIN_PASSWORD_LENGTH })); return; }
      if (passwordStrength(password) < 2) { setError(t('backup.password.tooWeak')); return; }
      if (password !== repeat) { setError(t('backup.password.mismatch')); return; }
    }
    setError(null);
    props.onSubmit(password, key);
  };

  return (
    <form className="backup-password" onSubmit={submit}>
      <h3>{t(`backup.password.${props.mode}Heading`)}</h3>
      {create ? <p className="banner banner-warn" role="note">{t('backup.password.warning')}</p> : null}
      <label>{t(props.mode === 'open' ? 'backup.password.openLabel' : props.mode === 'reset' ? 'backup.password.newLabel' : 'backup.password.label')}
        <input type="password" autoComplete={create ? 'new-password' : 'current-password'} value={password}
          onChange={(e) => { setPassword(e.target.value); }} autoFocus />
      </label>
      {create ? (
        <>
          <StrengthMeter password={password} />
          <label>{t('backup.password.confirm')}
            <input type="password" autoComplete="new-password" value={repeat} onChange={(e) => { setRepeat(e.target.value); }} />
          </label>
          {props.mode === 'create' ? (
            <button type="button" className="link" onClick={() => { setKey(newRecoveryKey()); }}>{t(key ? 'backup.recovery.again' : 'backup.recovery.make')}</button>
          ) : null}
          {key ? <RecoveryKeyCard recoveryKey={key} /> : null}
          <label className="checkbox">
            <input type="checkbox" checked={acknowledged} onChange={(e) => { setAcknowledged(e.target.checked); }} />
            {t('backup.password.acknowledge')}
          </label>
        </>
      ) : null}
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      {props.busy ? <p className="muted">{t('backup.password.working')}</p> : null}
      <button type="submit" className="primary" disabled={props.busy || password === '' || (create && !acknowledged)}>
        {t(`backup.password.${props.mode}`)}
      </button>
    </form>
  );
}
