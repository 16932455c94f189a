import { useState } from 'react';
import { useT } from '../../app/i18n';
import { users } from '../../db';
import { AuthField } from './AuthScreen';
import { useAuthStore } from './auth-store';
import { NewPasswordFields } from './NewPasswordFields';
import { userErrorText } from './user-error-text';
import { useNewPasswordForm } from './use-new-password-form';
import { showRecoveryCode } from './show-recovery-code';

/** The administrator who forgot the password: login, the printed recovery code, a new password; then a new code. */
export function RecoverForm({ onBack }: { readonly onBack: () => void }) {
  const t = useT();
  const setStep = useAuthStore((s) => s.setStep);
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const { fields, error, busy, submit } = useNewPasswordForm(async (password) => {
    const r = await users.recoverAdmin(login, code, password);
    if (!r.ok) return userErrorText(t, r.error);
    return showRecoveryCode(t, setStep, r.value, password, true);
  });

  return (
    <form className="paper auth-card" aria-labelledby="recover-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="recover-title">{t('auth.recover')}</h2>
      <AuthField id="recover-login" label={t('auth.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus />
      <AuthField id="recover-code" label={t('auth.recover.code')} value={code} onChange={setCode} />
      <NewPasswordFields idPrefix="recover" label={t('auth.password.new')} {...fields} />
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      <div className="auth-actions">
        <button type="submit" className="primary" disabled={busy}>{t('auth.recover.submit')}</button>
        <button type="button" className="link" onClick={onBack}>{t('auth.back')}</button>
      </div>
    </form>
  );
}
