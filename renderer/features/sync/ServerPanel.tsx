import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useSyncSettings } from '../../db';
import { enrollDevice } from '../../sync/sync-service';
import { useToasts } from '../../ui/toast';
import { failureText } from './failure-text';

/** Server address and enrollment: an enrollment code from the administrator buys this PC a device token. */
export function ServerPanel() {
  const t = useT();
  const settings = useSyncSettings();
  const show = useToasts((s) => s.show);
  const [editing, setEditing] = useState(false);
  const [url, setUrl] = useState('http://127.0.0.1:8787');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (settings === undefined) return null;
  const showForm = settings === null || editing;

  const submit = async () => {
    if (!/^https?:\/\/\S+$/.test(url.trim())) { setError(t('sync.server.badUrl')); return; }
    if (code.trim() === '' || name.trim() === '') { setError(t('sync.server.required')); return; }
    setBusy(true);
    const r = await enrollDevice(url, code, name);
    setBusy(false);
    if (!r.ok) { setError(failureText(t, r.error)); return; }
    setError(null);
    setEditing(false);
    setCode('');
    show(t('sync.server.enrolledOk'));
  };

  return (
    <section aria-labelledby="sync-server-title">
      <h2 id="sync-server-title">{t('sync.server.title')}</h2>
      {settings ? <p>{t('sync.server.enrolled', { url: settings.serverUrl, device: settings.deviceId, name: settings.deviceName })}</p> : null}
      {showForm ? (
        <form className="sync-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
          <label htmlFor="sync-url">{t('sync.server.address')}</label>
          <input id="sync-url" type="text" value={url} onChange={(e) => { setUrl(e.target.value); }} autoComplete="off" />
          <label htmlFor="sync-code">{t('sync.server.code')}</label>
          <input id="sync-code" type="text" value={code} onChange={(e) => { setCode(e.target.value); }} autoComplete="off" />
          <label htmlFor="sync-name">{t('sync.server.deviceName')}</label>
          <input id="sync-name" type="text" value={name} onChange={(e) => { setName(e.target.value); }} autoComplete="off" />
          <div className="actions">
            <button type="submit" className="primary" disabled={busy}>{t('sync.server.enroll')}</button>
            {error ? <span className="msg-error" role="alert">{error}</span> : null}
          </div>
        </form>
      ) : (
        <button type="button" onClick={() => { setEditing(true); }}>{t('sync.server.reenroll')}</button>
      )}
    </section>
  );
}
