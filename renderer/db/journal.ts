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
 * `settles` marks a conflict-review choice: its fields are sent even if unchanged, with the conflicts it resolves.
 */
export async function journalInvoiceChange(
  db: LedgerDb,
  action: AuditAction,
  before: Invoice | undefined,
  after: Invoice,
  user: string,
  at: string,
  settles?: { readonly resolves: readonly number[]; readonly fields: readonly string[] },
): Promise<void> {
  const { changes, baseValues } = diffFields(before, after, BOOKKEEPING);
  // A conflict choice is sent even when it keeps the value already here: the server must see the decision.
  for (const key of settles?.fields ?? []) {
    changes[key] = (after as unknown as Record<string, unknown>)[key] ?? null;
    baseValues[key] = (before as unknown as Record<string, unknown> | undefined)?.[key] ?? null;
  }
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
    ...(settles ? { resolves: settles.resolves } : {}),
  });
}
