import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useIdleMinutes, users } from '../../db';
import { useToasts } from '../../ui/toast';
import { userErrorText } from './user-error-text';

/** The admin's idle sign-out time (minutes, 15 by default). */
export function IdleSetting() {
  const t = useT();
  const show = useToasts((s) => s.show);
  const current = useIdleMinutes();
  const [draft, setDraft] = useState<string | null>(null);
  if (current === undefined) return null;
  const save = async () => {
    const r = await users.setIdleMinutes(Number(draft ?? current));
    if (r.ok) { setDraft(null); show(t('users.saved')); } else show(userErrorText(t, r.error), 'error');
  };
  return (
    <form className="idle-setting" onSubmit={(e) => { e.preventDefault(); void save(); }}>
      <label htmlFor="idle-minutes">{t('users.idle')}</label>
      <input id="idle-minutes" type="text" inputMode="numeric" value={draft ?? String(current)} onChange={(e) => { setDraft(e.target.value); }} />
      <button type="submit">{t('users.idle.save')}</button>
    </form>
  );
}
