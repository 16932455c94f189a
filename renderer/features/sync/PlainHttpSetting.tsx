import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useCan } from '../../db';
import { setPlainHttpAllowed } from '../../sync/server-enrollment';
import { usePlainHttpAllowed } from '../../sync/sync-service';
import { failureText } from './failure-text';

/** "允许局域网明文 HTTP": off by default, changed by admins only (the data layer refuses anyone else). */
export function PlainHttpSetting() {
  const t = useT();
  const allowed = usePlainHttpAllowed();
  const mayEdit = useCan('settings.edit');
  const [error, setError] = useState<string | null>(null);
  const change = async (allow: boolean) => {
    const r = await setPlainHttpAllowed(allow);
    setError(r.ok ? null : failureText(t, r.error));
  };
  return (
    <div className="sync-plain-http">
      <label className="checkbox">
        <input type="checkbox" checked={allowed ?? false} disabled={!mayEdit || allowed === undefined} onChange={(e) => { void change(e.target.checked); }} />
        {t('sync.plainHttp.label')}
      </label>
      <p className="muted small">{t('sync.plainHttp.explain')}{mayEdit ? '' : ` ${t('sync.plainHttp.adminOnly')}`}</p>
      {error ? <p className="msg-error" role="alert">{error}</p> : null}
    </div>
  );
}
