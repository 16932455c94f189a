import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useRejectedMutations } from '../../db';

/** Changes the server refused, with its reasons; they are kept, never dropped. */
export function RejectedList() {
  const t = useT();
  const rejected = useRejectedMutations();
  if (rejected === undefined) return null;
  return (
    <section aria-labelledby="sync-rejected-title">
      <h2 id="sync-rejected-title">{t('sync.rejected.title')}</h2>
      {rejected.length === 0 ? <p className="muted">{t('sync.rejected.none')}</p> : (
        <>
          <p className="muted">{t('sync.rejected.keep')}</p>
          <ul className="rejected-list">
            {rejected.map((m) => (
              <li key={m.mutationId}>
                <a href={`#/invoice/${m.entityId}`}>{t('sync.rejected.item', { id: m.mutationId, time: formatTimestamp(m.createdAt) })}</a>
                {' · '}{Object.keys(m.changes).map((k) => t(`field.${k}`)).join('、')}
                <div className="msg-error">{t('sync.rejected.reason', { reason: m.rejectedReason ?? '' })}</div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
