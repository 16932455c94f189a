import { useState } from 'react';
import { useT } from '../../app/i18n';
import { canPinCertificates, enrollDevice, identifyServer, type ServerIdentity } from '../../sync/server-enrollment';
import { useToasts } from '../../ui/toast';
import { CertificateCheck } from './CertificateCheck';
import { failureText } from './failure-text';

/**
 * Enrollment in two steps: the address and code, then (over https) the server's certificate for the admin to
 * compare with the fingerprint the server printed. Plain HTTP (this PC, or the LAN where allowed) enrolls at once.
 */
export function EnrollForm({ onEnrolled }: { readonly onEnrolled: () => void }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const [url, setUrl] = useState('https://');
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [identity, setIdentity] = useState<Exclude<ServerIdentity, { kind: 'plain' }> | null>(null);

  const enroll = async (who: ServerIdentity) => {
    setBusy(true);
    const r = await enrollDevice(who, code, name);
    setBusy(false);
    setIdentity(null);
    if (!r.ok) { setError(failureText(t, r.error)); return; }
    setError(null);
    setCode('');
    show(t('sync.server.enrolledOk'));
    onEnrolled();
  };

  const submit = async () => {
    if (code.trim() === '' || name.trim() === '') { setError(t('sync.server.required')); return; }
    setBusy(true);
    setError(null);
    const r = await identifyServer(url);
    setBusy(false);
    if (!r.ok) {
      // A browser reaches an https server only once it trusts the certificate; say how, not just "unreachable".
      const hint = r.error.kind === 'unreachable' && /^https:/i.test(url.trim()) && !canPinCertificates() ? ` ${t('sync.server.browserTrustHint', { url: `${url.trim().replace(/\/+$/, '')}/api/v1/health` })}` : '';
      setError(failureText(t, r.error) + hint);
      return;
    }
    if (r.value.kind === 'plain') await enroll(r.value);
    else setIdentity(r.value);
  };

  if (identity) {
    return <CertificateCheck identity={identity} busy={busy} onConfirm={() => { void enroll(identity); }} onCancel={() => { setIdentity(null); }} />;
  }
  return (
    <form className="sync-form" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label htmlFor="sync-url">{t('sync.server.address')}</label>
      <input id="sync-url" type="text" value={url} onChange={(e) => { setUrl(e.target.value); }} autoComplete="off" spellCheck={false} />
      <label htmlFor="sync-code">{t('sync.server.code')}</label>
      <input id="sync-code" type="text" value={code} onChange={(e) => { setCode(e.target.value); }} autoComplete="off" />
      <label htmlFor="sync-name">{t('sync.server.deviceName')}</label>
      <input id="sync-name" type="text" value={name} onChange={(e) => { setName(e.target.value); }} autoComplete="off" />
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>{t('sync.server.enroll')}</button>
        {busy ? <span className="muted">{t('sync.server.checking')}</span> : null}
        {error ? <span className="msg-error" role="alert">{error}</span> : null}
      </div>
    </form>
  );
}
