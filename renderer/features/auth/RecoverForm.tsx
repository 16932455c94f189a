import { useState } from 'react';
import { useT } from '../../app/i18n';
import { users } from '../../db';
import { AuthField } from './AuthScreen';
import { useAuthStore } from './auth-store';
import { NewPasswordFields } from './NewPasswordFields';
import { userErrorText } from './user-error-text';

/** The administrator who forgot the password: login, the printed recovery code, a new password; then a new code. */
export function RecoverForm({ onBack }: { readonly onBack: () => void }) {
  const t = useT();
  const setStep = useAuthStore((s) => s.setStep);
  const [login, setLogin] = useState('');
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (password !== repeat) { setError(t('auth.error.mismatch')); return; }
    setBusy(true);
    const r = await users.recoverAdmin(login, code, password);
    const signed = r.ok ? await users.signIn(r.value.user.login, password) : null;
    setBusy(false);
    if (!r.ok) { setError(userErrorText(t, r.error)); return; }
    if (!signed?.ok) { setError(signed ? userErrorText(t, signed.error) : null); return; }
    setStep({ kind: 'recoveryCode', code: r.value.recoveryCode, login: r.value.user.login, actor: signed.value.actor, renewed: true });
  };

  return (
    <form className="paper auth-card" aria-labelledby="recover-title" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <h2 id="recover-title">{t('auth.recover')}</h2>
      <AuthField id="recover-login" label={t('auth.login')} value={login} onChange={setLogin} autoComplete="username" autoFocus />
      <AuthField id="recover-code" label={t('auth.recover.code')} value={code} onChange={setCode} />
      <NewPasswordFields idPrefix="recover" label={t('auth.password.new')} password={password} repeat={repeat} onPassword={setPassword} onRepeat={setRepeat} />
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
      <div className="auth-actions">
        <button type="submit" className="primary" disabled={busy}>{t('auth.recover.submit')}</button>
        <button type="button" className="link" onClick={onBack}>{t('auth.back')}</button>
      </div>
    </form>
  );
}
