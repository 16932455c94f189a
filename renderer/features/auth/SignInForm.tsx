import { useState } from 'react';
import { useT } from '../../app/i18n';
import { setSessionActor, users } from '../../db';
import { AuthField } from './AuthScreen';
import { useAuthStore } from './auth-store';
import { userErrorText } from './user-error-text';

/** Login name and password; a wrong one says how many tries are left, a locked account for how long. */
export function SignInForm({ onForgot }: { readonly onForgot: () => void }) {
  const t = useT();
  const { idleSignedOut, lastLogin, setStep, setIdleSignedOut, setLastLogin } = useAuthStore();
  const [login, setLogin] = useState(lastLogin);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [help, setHelp] = useState(false);

  const submit = async () => {
    if (login.trim() === '' || password === '') return;
    setBusy(true);
    const r = await users.signIn(login, password);
    setBusy(false);
    if (!r.ok) { setError(userErrorText(t, r.error)); setPassword(''); return; }
    setIdleSignedOut(false);
    setLastLogin(r.value.user.login);
    if (r.value.mustChangePassword) { setStep({ kind: 'changePassword', login: r.value.user.login, current: password }); return; }
    setSessionActor(r.value.actor);
    // The ledger bench measures the first screen from here (bench/ledger.bench.ts).
    performance.mark('fapiao:signed-in');
  };

  return (
    <form className="paper auth-card" aria-labelledby="sign-in-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="sign-in-title" className="sr-only">{t('auth.signIn')}</h2>
      {idleSignedOut ? <p className="banner banner-warn" role="status">{t('auth.signIn.idle')}</p> : null}
      <AuthField id="signin-login" label={t('auth.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus={lastLogin === ''} />
      <AuthField id="signin-password" label={t('auth.password')} type="password" value={password} onChange={setPassword}
        autoComplete="current-password" autoFocus={lastLogin !== ''} />
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      <div className="auth-actions">
        <button type="submit" className="primary" disabled={busy}>{t('auth.signIn')}</button>
        <button type="button" className="link" onClick={() => { setHelp(!help); }} aria-expanded={help}>{t('auth.signIn.forgot')}</button>
      </div>
      {help ? (
        <div className="auth-help">
          <p className="muted">{t('auth.signIn.forgotHelp')}</p>
          <button type="button" className="link" onClick={onForgot}>{t('auth.recover')}</button>
        </div>
      ) : null}
    </form>
  );
}
