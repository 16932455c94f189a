import { useState } from 'react';
import { useT } from '../../app/i18n';
import { users } from '../../db';
import { AuthField } from './AuthScreen';
import { useAuthStore } from './auth-store';
import { NewPasswordFields } from './NewPasswordFields';
import { userErrorText } from './user-error-text';
import { useNewPasswordForm } from './use-new-password-form';
import { showRecoveryCode } from './show-recovery-code';

/** First start: the administrator's login, name and password (twice); then the recovery code to print. */
export function CreateAdminForm() {
  const t = useT();
  const setStep = useAuthStore((s) => s.setStep);
  const [login, setLogin] = useState('');
  const [name, setName] = useState('');
  const { fields, error, busy, submit } = useNewPasswordForm(async (password) => {
    const r = await users.createFirstAdmin({ login, displayName: name, password });
    if (!r.ok) return userErrorText(t, r.error);
    // Signed in as any sign-in is (audited); the app opens once the recovery code is confirmed.
    return showRecoveryCode(t, setStep, r.value, password, false);
  });

  return (
    <form className="paper auth-card" aria-labelledby="create-admin-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="create-admin-title">{t('auth.createAdmin')}</h2>
      <p className="muted">{t('auth.createAdmin.intro')}</p>
      <AuthField id="admin-login" label={t('auth.login')} value={login} onChange={setLogin} hint={t('auth.login.hint')} autoComplete="username" autoFocus />
      <AuthField id="admin-name" label={t('auth.displayName')} value={name} onChange={setName} autoComplete="name" />
      <NewPasswordFields idPrefix="admin" {...fields} />
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      <button type="submit" className="primary" disabled={busy}>{t('auth.createAdmin')}</button>
    </form>
  );
}
