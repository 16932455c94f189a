import { chainEntry, type AuditAction } from '../../shared/audit/audit-chain';
import { diffFields } from '../../shared/sync/outbox';
import type { Invoice } from '../../shared/domain/invoice';
import type { LedgerDb } from './db';

/** Fields that are bookkeeping, not content: never sent as changes, never shown as audit differences. */
const BOOKKEEPING = ['version', 'updatedAt', 'updatedBy'] as const;

/**
 * Appends the audit entry and the outbox mutation for one invoice change.
 * WARNING: call only inside a Dexie 'rw' transaction over invoices, audit, outbox and meta, and do not
 * await anything but Dexie in between: the record, its audit entry and its outbox row commit together or not at all.
 */
export async function journalInvoiceChange(
  db: LedgerDb,
  action: AuditAction,
  before: Invoice | undefined,
  after: Invoice,
  user: string,
  at: string,
): Promise<void> {
  const { changes, baseValues } = diffFields(before, after, BOOKKEEPING);
  const last = await db.audit.orderBy('seq').last();
  await db.audit.add(
    chainEntry(
      {
        at, user, action, entity: 'invoice', entityId: after.id,
        before: before ? baseValues : null,
        after: changes,
      },
      last,
    ),
  );
  const counter = await db.meta.get('nextMutationId');
  const mutationId = typeof counter?.value === 'number' ? counter.value : 1;
  await db.meta.put({ key: 'nextMutationId', value: mutationId + 1 });
  await db.outbox.add({
    mutationId,
    entity: 'invoice',
    entityId: after.id,
    op: action === 'delete' ? 'delete' : 'upsert',
    baseVersion: before?.version ?? 0,
    changes,
    baseValues,
    state: 'pending',
    createdAt: at,
  });
}
