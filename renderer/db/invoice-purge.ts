/*
 * Permanent delete (issue #13): an invoice leaves the recycle bin for good — its row, its list-index entry, and the
 * original files no other invoice or case keeps. Used by the repository's purge (admin) and by a pull that brings
 * the server's tombstone of an invoice purged on another PC. The audit trail keeps that it happened and what it was.
 */
import { chainEntry, type AuditEntry } from '../../shared/audit/audit-chain';
import type { InvoiceId } from '../../shared/domain/invoice';
import { ENTITY_TABLES } from '../../shared/sync/entities';
import type { RecordChange } from '../../shared/sync/protocol';
import type { LedgerDb } from './db';
import { removeListEntries } from './list-index';
import type { InvoiceRow } from './rows';
import { SYNC_USER } from './sync-records';

/** The tables a purge writes (beside audit, outbox and meta for its journal entry). */
export const purgeTables = (db: LedgerDb) => [db.invoices, db.listChunks, db.listRevs, db.attachments, db.cases];

/** What the audit entry of a purge remembers of the invoice (the record itself is gone). */
export function purgeSummary(row: InvoiceRow): Readonly<Record<string, unknown>> {
  return {
    kind: row.kind, code: row.code, number: row.number, issueDate: row.issueDate, seller: row.seller.name,
    total: row.total, status: row.status, createdBy: row.createdBy, attachments: row.attachments,
  };
}

/**
 * Removes the rows, their list entries and the originals nothing else keeps.
 * WARNING: call only inside a 'rw' transaction over purgeTables(db).
 */
export async function removeInvoices(db: LedgerDb, rows: readonly InvoiceRow[]): Promise<void> {
  if (rows.length === 0) return;
  const ids = new Set<string>(rows.map((r) => r.id));
  await db.invoices.bulkDelete(rows.map((r) => r.id));
  await removeListEntries(db, [...ids], rows.map((r) => r._chunk));
  const files = [...new Set(rows.flatMap((r) => r.attachments))];
  if (files.length === 0) return;
  const caseFiles = new Set((await db.cases.toArray()).flatMap((c) => c.attachments));
  const orphans: string[] = [];
  for (const sha of files) {
    if (caseFiles.has(sha)) continue;
    if ((await db.invoices.where('attachments').equals(sha).count()) === 0) orphans.push(sha);
  }
  await db.attachments.bulkDelete(orphans);
}

/** True for the server's tombstone of a record deleted for good on some PC. */
export function isPurgedChange(change: RecordChange): boolean {
  return change.deleted && change.data['purged'] === true;
}

/**
 * Removes the records a pull reports purged (those this PC still holds), each audited as a 'purge' by the sync.
 * WARNING: call only inside the pull's 'rw' transaction (every entity table, the list index, attachments, audit).
 */
export async function applyPurgedChanges(db: LedgerDb, changes: readonly RecordChange[], at: string, device?: string): Promise<number> {
  const audits: Omit<Parameters<typeof chainEntry>[0], 'at' | 'user'>[] = [];
  const invoiceIds = changes.filter((c) => c.entity === 'invoice').map((c) => c.entityId as InvoiceId);
  const rows = (await db.invoices.bulkGet(invoiceIds)).filter((r): r is InvoiceRow => r !== undefined);
  await removeInvoices(db, rows);
  for (const row of rows) audits.push({ action: 'purge', entity: 'invoice', entityId: row.id, before: purgeSummary(row), after: { purged: true } });
  for (const c of changes.filter((x) => x.entity !== 'invoice')) {
    const table = db.table(ENTITY_TABLES[c.entity]);
    if ((await table.get(c.entityId)) === undefined) continue;
    await table.delete(c.entityId);
    audits.push({ action: 'purge', entity: c.entity, entityId: c.entityId, before: null, after: { purged: true } });
  }
  let last: AuditEntry | undefined = await db.audit.orderBy('seq').last();
  const entries: AuditEntry[] = [];
  for (const a of audits) { last = chainEntry({ ...a, at, user: SYNC_USER, ...(device === undefined ? {} : { device }) }, last); entries.push(last); }
  await db.audit.bulkAdd(entries);
  return audits.length;
}
