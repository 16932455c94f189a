import { useState } from 'react';
import { useT } from '../../app/i18n';
import { trustPresentedCertificate } from '../../sync/server-enrollment';
import { useToasts } from '../../ui/toast';
import { failureText } from './failure-text';

/** Shown to admins when the server presents another certificate: both fingerprints, and trusting the new one. */
export function CertificateChanged({ pinned, presented }: { readonly pinned: string; readonly presented: string }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const trust = async () => {
    setBusy(true);
    const r = await trustPresentedCertificate(presented);
    setBusy(false);
    if (!r.ok) { setError(failureText(t, r.error)); return; }
    setError(null);
    show(t('sync.cert.trusted'));
  };
  return (
    <div className="sync-cert changed" role="group" aria-labelledby="sync-cert-changed-title">
      <h3 id="sync-cert-changed-title">{t('sync.cert.changedTitle')}</h3>
      <p>{t('sync.cert.changedExplain')}</p>
      <dl>
        <dt>{t('sync.cert.pinnedWas')}</dt><dd className="sync-fingerprint">{pinned}</dd>
        <dt>{t('sync.cert.presentedNow')}</dt><dd className="sync-fingerprint" data-testid="cert-presented">{presented}</dd>
      </dl>
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => { void trust(); }}>{t('sync.cert.trustNew')}</button>
        {error ? <span className="msg-error" role="alert">{error}</span> : null}
      </div>
    </div>
  );
}
