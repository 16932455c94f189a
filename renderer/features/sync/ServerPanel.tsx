import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useCan, useSyncSettings } from '../../db';
import { useSyncEngineStatus } from '../../sync/sync-service';
import { CertificateChanged } from './CertificateChanged';
import { EnrollForm } from './EnrollForm';
import { PlainHttpSetting } from './PlainHttpSetting';

/** The office server connection: enrollment (admins), the pinned certificate, and the plain-HTTP setting. */
export function ServerPanel() {
  const t = useT();
  const settings = useSyncSettings();
  const status = useSyncEngineStatus();
  const mayConnect = useCan('sync.server');
  const [editing, setEditing] = useState(false);

  if (settings === undefined) return null;
  const changed = status?.lastError?.kind === 'certificateChanged' ? status.lastError : null;
  let body;
  if (!mayConnect) body = <p className="muted">{t('sync.server.adminOnly')}</p>;
  else if (settings === null || editing) body = <EnrollForm onEnrolled={() => { setEditing(false); }} />;
  else body = <button type="button" onClick={() => { setEditing(true); }}>{t('sync.server.reenroll')}</button>;

  return (
    <section aria-labelledby="sync-server-title">
      <h2 id="sync-server-title">{t('sync.server.title')}</h2>
      {settings ? <p>{t('sync.server.enrolled', { url: settings.serverUrl, device: settings.deviceId, name: settings.deviceName })}</p> : null}
      {settings?.certFingerprint ? <p className="muted small sync-fingerprint">{t('sync.server.pinned', { fingerprint: settings.certFingerprint })}</p> : null}
      {changed && mayConnect ? <CertificateChanged pinned={changed.pinned} presented={changed.presented} /> : null}
      {body}
      <PlainHttpSetting />
    </section>
  );
}
