import type { AuditEntry } from '../../../shared/audit/audit-chain';
import { useT } from '../../app/i18n';
import { routeHash } from '../../app/router';
import { formatTimestamp } from '../../app/today';
import { EntryChanges } from './EntryChanges';
import { useRecordLabel, useUserLabel } from './use-audit-names';

/** A verification (of the chain or of a backup) that found a problem. */
const failed = (e: AuditEntry) => typeof e.after === 'object' && e.after !== null && 'ok' in e.after && e.after.ok === false;

/** One page of audit entries: time, user, device, action, record, and what changed; a bad entry is marked. */
export function AuditTable({ entries, badSeq }: { readonly entries: readonly AuditEntry[]; readonly badSeq: number | null }) {
  const t = useT();
  const userLabel = useUserLabel();
  const recordLabel = useRecordLabel(entries);
  return (
    <table className="audit-table" aria-label={t('audit.listLabel')}>
      <thead>
        <tr>
          <th scope="col" className="seq">{t('audit.col.seq')}</th>
          <th scope="col">{t('audit.col.time')}</th>
          <th scope="col">{t('audit.col.user')}</th>
          <th scope="col">{t('audit.col.device')}</th>
          <th scope="col">{t('audit.col.action')}</th>
          <th scope="col">{t('audit.col.what')}</th>
          <th scope="col">{t('audit.col.change')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr key={e.seq} className={e.seq === badSeq ? 'audit-bad' : undefined} data-seq={e.seq}>
            <td className="num">{e.seq}</td>
            <td className="nowrap"><time dateTime={e.at}>{formatTimestamp(e.at)}</time></td>
            <td className="audit-user">{userLabel(e.user)}</td>
            <td className="muted small audit-device">{e.device ?? '—'}</td>
            <td className={`audit-action action-${e.action}${failed(e) ? ' failed' : ''}`}>{t(`audit.${e.action}`)}</td>
            <td className="audit-record">{e.entity === 'invoice'
              ? <a href={routeHash({ name: 'detail', id: e.entityId })}>{recordLabel(e)}</a>
              : recordLabel(e)}</td>
            <td><EntryChanges entry={e} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
