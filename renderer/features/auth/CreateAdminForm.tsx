import { useState } from 'react';
import { useT } from '../../app/i18n';
import { users } from '../../db';
import { AuthField } from './AuthScreen';
import { useAuthStore } from './auth-store';
import { NewPasswordFields } from './NewPasswordFields';
import { userErrorText } from './user-error-text';

/** First start: the administrator's login, name and password (twice); then the recovery code to print. */
export function CreateAdminForm() {
  const t = useT();
  const setStep = useAuthStore((s) => s.setStep);
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (password !== repeat) { setError(t('auth.error.mismatch')); return; }
    setBusy(true);
    const r = await users.createFirstAdmin({ login, displayName: name, password });
    // Signed in as any sign-in is (audited); the app opens once the recovery code is confirmed.
    const signed = r.ok ? await users.signIn(r.value.user.login, password) : null;
    setBusy(false);
    if (!r.ok) { setError(userErrorText(t, r.error)); return; }
    if (!signed?.ok) { setError(signed ? userErrorText(t, signed.error) : null); return; }
    setStep({ kind: 'recoveryCode', code: r.value.recoveryCode, login: r.value.user.login, actor: signed.value.actor, renewed: false });
  };

  return (
    <form className="paper auth-card" aria-labelledby="create-admin-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="create-admin-title">{t('auth.createAdmin')}</h2>
      <p className="muted">{t('auth.createAdmin.intro')}</p>
      <AuthField id="admin-login" label={t('auth.login')} value={login} onChange={setLogin} hint={t('auth.login.hint')} autoComplete="username" autoFocus />
      <AuthField id="admin-name" label={t('auth.displayName')} value={name} onChange={setName} autoComplete="name" />
      <NewPasswordFields idPrefix="admin" password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      <button type="submit" className="primary" disabled={busy}>{t('auth.createAdmin')}</button>
    </form>
  );
}
