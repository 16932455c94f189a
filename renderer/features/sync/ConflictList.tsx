import { useT } from '../../app/i18n';
import { useOpenConflicts, useSyncSettings } from '../../db';
import { ConflictCard } from './ConflictCard';

/** Every conflict waiting for review. */
export function ConflictList() {
  const t = useT();
  const conflicts = useOpenConflicts();
  const settings = useSyncSettings();
  if (conflicts === undefined) return null;
  return (
    <section aria-labelledby="sync-conflicts-title">
      <h2 id="sync-conflicts-title">{t('sync.conflicts.title')}</h2>
      {conflicts.length === 0 ? <p className="muted">{t('sync.conflicts.none')}</p> : (
        <>
          <p className="muted">{t('sync.conflicts.explain')}</p>
          {conflicts.map((c) => <ConflictCard key={c.id} conflict={c} myDeviceId={settings?.deviceId ?? ''} />)}
        </>
      )}
    </section>
  );
}
