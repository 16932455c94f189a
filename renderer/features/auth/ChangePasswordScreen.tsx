import { useT } from '../../app/i18n';
import { setSessionActor, users } from '../../db';
import { AuthScreen } from './AuthScreen';
import { useAuthStore, type AuthStep } from './auth-store';
import { NewPasswordFields } from './NewPasswordFields';
import { userErrorText } from './user-error-text';
import { useNewPasswordForm } from './use-new-password-form';

/** After an admin's reset (or a new account): the user replaces the temporary password, then enters the app. */
export function ChangePasswordScreen({ step }: { readonly step: Extract<AuthStep, { kind: 'changePassword' }> }) {
  const t = useT();
  const setStep = useAuthStore((s) => s.setStep);
  const { fields, error, busy, submit } = useNewPasswordForm(async (password) => {
    const r = await users.changeOwnPassword(step.login, step.current, password);
    if (!r.ok) return userErrorText(t, r.error);
    setStep(null);
    setSessionActor({ login: r.value.login, role: r.value.role });
    return null;
  });

  return (
    <AuthScreen title={t('auth.changePassword')} intro={t('auth.changePassword.intro')}>
      <form className="paper auth-card" aria-label={t('auth.changePassword')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p><strong>{step.login}</strong></p>
        <NewPasswordFields idPrefix="change" label={t('auth.password.new')} {...fields} />
        {error ? <p className="msg-error" role="alert">{error}</p> : null}
        <div className="auth-actions">
          <button type="submit" className="primary" disabled={busy}>{t('auth.changePassword.submit')}</button>
          <button type="button" className="link" onClick={() => { setStep(null); }}>{t('auth.back')}</button>
        </div>
      </form>
    </AuthScreen>
  );
}
