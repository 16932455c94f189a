import { useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { invoices, useInvoice, type ConflictRow } from '../../db';
import type { InvoiceId } from '../../../shared/domain/invoice';
import { useToasts } from '../../ui/toast';
import { formatSyncValue } from './format-value';

/** Whose value is whose, seen from this PC. */
function sides(c: ConflictRow, myDeviceId: string) {
  const server = { value: c.serverValue, device: c.serverDeviceId, at: c.serverAt };
  const client = { value: c.clientValue, device: c.clientDeviceId, at: c.clientAt };
  return c.serverDeviceId === myDeviceId ? { theirs: client, yours: server } : { theirs: server, yours: client };
}

/** One conflict side by side (field, value before, their value, your value) and the two choices. */
export function ConflictCard({ conflict, myDeviceId }: { readonly conflict: ConflictRow; readonly myDeviceId: string }) {
  const t = useT();
  const show = useToasts((s) => s.show);
  const invoice = useInvoice(conflict.entityId);
  const { theirs, yours } = sides(conflict, myDeviceId);
  const whole = conflict.field === '*';
  const fieldName = whole ? t('sync.conflicts.wholeRecord') : t(`field.${conflict.field}`);
  const value = (v: unknown) => formatSyncValue(t, conflict.field, v);
  const device = (id: string) => (id === myDeviceId ? t('sync.conflicts.thisDevice') : t('sync.conflicts.otherDevice', { id: id.replace(/^dev-/, '').slice(0, 8) }));

  const choose = async (values: Readonly<Record<string, unknown>>) => {
    const r = await invoices.resolveConflicts(conflict.entityId as InvoiceId, values, [conflict.id]);
    if (r.ok) show(t('sync.conflicts.resolved'));
  };
  const keep = (deleted: boolean) => choose({ deleted, deletedAt: deleted ? invoice?.deletedAt ?? new Date().toISOString() : null });

  return (
    <article className="conflict-card" aria-label={fieldName}>
      <h3>{t('sync.conflicts.invoice', { number: invoice?.number ?? conflict.entityId })}</h3>
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
      {invoice ? (
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
      ) : <p className="muted">{invoice === null ? t('sync.conflicts.missing') : null}</p>}
    </article>
  );
}
