import { useState } from 'react';
import { useT } from '../../app/i18n';
import { setSessionActor, users } from '../../db';
import { AuthScreen } from './AuthScreen';
import { useAuthStore, type AuthStep } from './auth-store';
import { NewPasswordFields } from './NewPasswordFields';
import { userErrorText } from './user-error-text';

/** After an admin's reset (or a new account): the user replaces the temporary password, then enters the app. */
export function ChangePasswordScreen({ step }: { readonly step: Extract<AuthStep, { kind: 'changePassword' }> }) {
  const t = useT();
  const setStep = useAuthStore((s) => s.setStep);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (password !== repeat) { setError(t('auth.error.mismatch')); return; }
    setBusy(true);
    const r = await users.changeOwnPassword(step.login, step.current, password);
    setBusy(false);
    if (!r.ok) { setError(userErrorText(t, r.error)); return; }
    setStep(null);
    setSessionActor({ login: r.value.login, role: r.value.role });
  };

  return (
    <AuthScreen title={t('auth.changePassword')} intro={t('auth.changePassword.intro')}>
      <form className="paper auth-card" aria-label={t('auth.changePassword')} onSubmit={(e) => { e.preventDefault(); void submit(); }}>
        <p><strong>{step.login}</strong></p>
        <NewPasswordFields idPrefix="change" label={t('auth.password.new')} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
        {error ? <p className="msg-error" role="alert">{error}</p> : null}
        <div className="auth-actions">
          <button type="submit" className="primary" disabled={busy}>{t('auth.changePassword.submit')}</button>
          <button type="button" className="link" onClick={() => { setStep(null); }}>{t('auth.back')}</button>
        </div>
      </form>
    </AuthScreen>
  );
}
