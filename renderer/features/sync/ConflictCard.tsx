import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { conflicts, useSyncedRecord, type ConflictRow } from '../../db';
import { useToasts } from '../../ui/toast';
import { formatSyncValue } from './format-value';

/** Whose value is whose, seen from this PC. */
function sides(c: ConflictRow, myDeviceId: string) {
  const server = { value: c.serverValue, device: c.serverDeviceId, at: c.serverAt };
  const client = { value: c.clientValue, device: c.clientDeviceId, at: c.clientAt };
  return c.serverDeviceId === myDeviceId ? { theirs: client, yours: server } : { theirs: server, yours: client };
}

/** What the conflict is about, in the clerk's words: the invoice number, the case title, or the kind of record. */
function conflictTitle(t: ReturnType<typeof useT>, c: ConflictRow, record: Readonly<Record<string, unknown>> | null | undefined): string {
  const text = (key: string) => (typeof record?.[key] === 'string' && record[key] !== '' ? record[key] : c.entityId);
  if (c.entity === 'invoice') return t('sync.conflicts.invoice', { number: text('number') });
  if (c.entity === 'case') return t('sync.conflicts.case', { title: text('title') });
  return t(`sync.entity.${c.entity}`);
}

/** One conflict side by side (field, value before, their value, your value) and the two choices. */
export function ConflictCard({ conflict, myDeviceId }: { readonly conflict: ConflictRow; readonly myDeviceId: string }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const record = useSyncedRecord(conflict.entity, conflict.entityId);
  const { theirs, yours } = sides(conflict, myDeviceId);
  const whole = conflict.field === '*';
  const fieldName = whole ? t('sync.conflicts.wholeRecord') : t(`field.${conflict.field}`);
  const value = (v: unknown) => formatSyncValue(t, conflict.field, v);
  const device = (id: string) => (id === myDeviceId ? t('sync.conflicts.thisDevice') : t('sync.conflicts.otherDevice', { id: id.replace(/^dev-/, '').slice(0, 8) }));

  const choose = async (values: Readonly<Record<string, unknown>>) => {
    if (await conflicts.resolve(conflict, values, [conflict.id])) show(t('sync.conflicts.resolved'));
  };
  // Only invoices carry deletedAt; the other records have the deleted flag alone.
  const keep = (deleted: boolean) => choose(conflict.entity === 'invoice'
    ? { deleted, deletedAt: deleted ? (record?.['deletedAt']) ?? new Date().toISOString() : null }
    : { deleted });

  return (
    <article className="conflict-card" aria-label={fieldName}>
      <h3>{conflictTitle(t, conflict, record)}</h3>
      <div className="conflict-diff" role="table">
        <div className="head" role="columnheader">{t('sync.conflicts.field')}</div>
        <div className="head" role="columnheader">{t('sync.conflicts.base')}</div>
        <div className="head theirs" role="columnheader">{t('sync.conflicts.theirs')}</div>
        <div className="head yours" role="columnheader">{t('sync.conflicts.yours')}</div>
        <div role="cell"><strong>{fieldName}</strong></div>
        <div role="cell">{value(conflict.baseValue)}</div>
        <div role="cell" className="theirs" data-testid="theirs">
          {value(theirs.value)}<span className="who">{t('sync.conflicts.by', { device: device(theirs.device), time: formatTimestamp(theirs.at) })}</span>
        </div>
        <div role="cell" className="yours" data-testid="yours">
          {value(yours.value)}<span className="who">{t('sync.conflicts.by', { device: device(yours.device), time: formatTimestamp(yours.at) })}</span>
        </div>
      </div>
      {record ? (
        <div className="conflict-actions">
          {whole ? (
            <>
              <button type="button" onClick={() => { void keep(true); }}>{t('sync.conflicts.keepDeleted')}</button>
              <button type="button" className="primary" onClick={() => { void keep(false); }}>{t('sync.conflicts.keepRecord')}</button>
            </>
          ) : (
            <>
              <button type="button" onClick={() => { void choose({ [conflict.field]: theirs.value }); }}>{t('sync.conflicts.keepTheirs')}</button>
              <button type="button" onClick={() => { void choose({ [conflict.field]: yours.value }); }}>{t('sync.conflicts.keepYours')}</button>
            </>
          )}
        </div>
      ) : <p className="muted">{record === null ? t('sync.conflicts.missing') : null}</p>}
    </article>
  );
}
