import { useState } from 'react';
import { ROLES, type Role } from '../../../shared/auth/roles';
import { useT } from '../../app/i18n';
import { users } from '../../db';
import { AuthField } from './AuthScreen';
import { userErrorText } from './user-error-text';

/** Adds a user with a role; the temporary password goes to the hand-over card. */
export function AddUserForm({ onAdded }: { readonly onAdded: (h: { login: string; password: string }) => void }) {
  const t = useT();
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setBusy(true);
    const r = await users.add({ login, displayName: name, role });
    setBusy(false);
    if (!r.ok) { setError(userErrorText(t, r.error)); return; }
    setError(null);
    setLogin('');
    setName('');
    onAdded({ login: r.value.user.login, password: r.value.temporaryPassword });
  };

  return (
    <form className="paper add-user" aria-labelledby="add-user-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="add-user-title">{t('users.add')}</h2>
      <div className="add-user-fields">
        <AuthField id="new-user-login" label={t('auth.login')} value={login} onChange={setLogin} hint={t('auth.login.hint')} />
        <AuthField id="new-user-name" label={t('auth.displayName')} value={name} onChange={setName} />
        <div className="field">
          <label htmlFor="new-user-role">{t('users.col.role')}</label>
          <select id="new-user-role" value={role} onChange={(e) => { setRole(e.target.value as Role); }}>
            {ROLES.map((r) => <option key={r} value={r}>{t(`role.${r}`)}</option>)}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>{t('users.add.submit')}</button>
      </div>
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
    </form>
  );
}
