import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import type { ServerIdentity } from '../../sync/server-enrollment';

/** A fingerprint in four lines of eight pairs, the way it is compared group by group (copying still gives one line). */
function groups(fingerprint: string) {
  const pairs = fingerprint.split(':');
  return [0, 8, 16, 24].map((i) => (
    <span key={i} className="fp-group">{pairs.slice(i, i + 8).join(':')}{i + 8 < pairs.length ? ':' : ''}</span>
  ));
}

/** The server's certificate as the admin compares it with the fingerprint the server printed, before enrolling. */
export function CertificateCheck({ identity, busy, onConfirm, onCancel }: {
  readonly identity: Exclude<ServerIdentity, { kind: 'plain' }>;
  readonly busy: boolean;
  readonly onConfirm: () => void;
  readonly onCancel: () => void;
}) {
  const t = useT();
  const fingerprint = identity.kind === 'probed' ? identity.certificate.fingerprint : identity.kind === 'reported' ? identity.fingerprint : null;
  return (
    <div className="sync-cert" role="group" aria-labelledby="sync-cert-title">
      <h3 id="sync-cert-title">{t('sync.cert.title')}</h3>
      <p>{t(identity.kind === 'browser' ? 'sync.cert.browser' : identity.kind === 'reported' ? 'sync.cert.reported' : 'sync.cert.compare')}</p>
      <dl>
        <dt>{t('sync.server.address')}</dt><dd>{identity.url}</dd>
        {fingerprint ? <><dt>{t('sync.cert.fingerprint')}</dt><dd className="sync-fingerprint" data-testid="cert-fingerprint">{groups(fingerprint)}</dd></> : null}
        {identity.kind === 'probed' ? (
          <>
            <dt>{t('sync.cert.subject')}</dt>
            <dd>{identity.certificate.subject}{identity.certificate.subject === identity.certificate.issuer ? ` ${t('sync.cert.selfSigned')}` : ''}</dd>
            {identity.certificate.subject === identity.certificate.issuer ? null : <><dt>{t('sync.cert.issuer')}</dt><dd>{identity.certificate.issuer}</dd></>}
            <dt>{t('sync.cert.valid')}</dt>
            <dd>{t('sync.cert.validRange', { from: formatTimestamp(identity.certificate.validFrom), to: formatTimestamp(identity.certificate.validTo) })}</dd>
          </>
        ) : null}
      </dl>
      <div className="actions">
        <button type="button" className="primary" disabled={busy} onClick={onConfirm}>{t(fingerprint ? 'sync.cert.match' : 'sync.cert.continue')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('sync.cert.cancel')}</button>
      </div>
    </div>
  );
}
