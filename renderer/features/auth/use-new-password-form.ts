import { useState } from 'react';
import { useT } from '../../app/i18n';

/**
 * The state of a form that ends with a new password typed twice (first administrator, recovery, password change):
 * the two fields, the error line and the busy flag. `submit` refuses two different passwords before `run` is
 * called; `run` answers the error text to show, or null when it succeeded.
 */
export function useNewPasswordForm(run: (password: string) => Promise<string | null>) {
  const t = useT();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    if (password !== repeat) { setError(t('auth.error.mismatch')); return; }
    setBusy(true);
    const problem = await run(password);
    setBusy(false);
    setError(problem);
  };
  const fields = { password, repeat, onPassword: setPassword, onRepeat: setRepeat };
  return { fields, error, busy, submit };
}
