import { useState } from 'react';
import { useT } from '../../app/i18n';
import { users } from '../../db';
import { syncNow } from '../../sync/sync-service';
import { EnrollForm, syncFailureText } from '../sync';

/**
 * First start on a second PC: enroll with the office server (address, enrollment code, certificate check), pull,
 * and then sign in with an existing account. The users arrive with the first pull; the gate then shows the sign-in.
 */
export function JoinServer() {
  const t = useT();
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const pull = async () => {
    setBusy(true);
    setNote(null);
    const r = await syncNow();
    setBusy(false);
    if (!r.ok) { setNote(syncFailureText(t, r.error)); return; }
    if (await users.isEmpty()) setNote(t('auth.join.noUsers'));
  };

  return (
    <section className="paper auth-card" aria-labelledby="join-title">
      <h2 id="join-title">{t('auth.join')}</h2>
      <p className="muted">{t('auth.join.intro')}</p>
      <EnrollForm onEnrolled={() => { void pull(); }} />
      {busy ? <p className="muted" role="status">{t('auth.join.working')}</p> : null}
      {note ? <p className="msg-warning" role="alert">{note}</p> : null}
    </section>
  );
}
