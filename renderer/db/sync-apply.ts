/*
 * Applies a pull page's records to the local tables, every entity by the same rules (docs/architecture.md#sync): the server's
 * copy wins except for fields a local mutation changed that the server has not applied yet (shared/sync/rebase.ts);
 * each change of content is audited as 'sync'. Reads and writes are in bulk, one pass per entity's table.
 * WARNING: call only inside the pull's 'rw' transaction over every entity table, the list index, audit, outbox and meta.
 */
import { outboxIn } from './outbox-state';
import { chainEntry, type AuditContent, type AuditEntry } from '../../shared/audit/audit-chain';
import type { Invoice } from '../../shared/domain/invoice';
import { SYNC_ENTITIES, type SyncEntity } from '../../shared/sync/entities';
import type { OutboxMutation } from '../../shared/sync/outbox';
import type { RecordChange } from '../../shared/sync/protocol';
import { protectedFields, rebaseRecord } from '../../shared/sync/rebase';
import type { LedgerDb } from './db';
import { plainTable, type PlainEntity } from './entity-records';
import { fromRow, toRow } from './rows';
import { putListEntries } from './sync-list-index';
import { blankInvoice, SYNC_USER } from './sync-records';
import { applyPurgedChanges, isPurgedChange } from './invoice-purge';

type Fields = Readonly<Record<string, unknown>>;

/** A record to write after the rebase: the merged copy, and whether its content moved. */
interface Write {
  readonly next: Fields;
  readonly moved: boolean;
}

/** How one entity's records are read and written locally. */
interface LocalRows {
  read(ids: readonly string[]): Promise<(Fields | undefined)[]>;
  /** A complete record to lay a server copy over when this device has never seen the record. */
  blank(id: string): Fields;
  write(writes: readonly Write[]): Promise<void>;
}

function invoiceRows(db: LedgerDb): LocalRows {
  const chunks = new Map<string, number>();
  return {
    async read(ids) {
      const rows = await db.invoices.bulkGet(ids as Invoice['id'][]);
      return rows.map((row) => {
        if (!row) return undefined;
        chunks.set(row.id, row._chunk);
        return fromRow(row) as unknown as Fields;
      });
    },
    blank: (id) => blankInvoice(id) as unknown as Fields,
    async write(writes) {
      const invoices = writes.map((w) => w.next as unknown as Invoice);
      // Only a new invoice or changed content touches the list index; a version bump alone does not.
      const indexed = invoices.filter((inv, i) => writes[i]?.moved === true);
      const placed = await putListEntries(db, indexed.map((invoice) => ({ invoice, chunk: chunks.get(invoice.id) })));
      indexed.forEach((inv, i) => { chunks.set(inv.id, placed[i] ?? 0); });
      await db.invoices.bulkPut(invoices.map((inv) => toRow(inv, chunks.get(inv.id) ?? 0)));
    },
  };
}

function plainRows(db: LedgerDb, entity: PlainEntity): LocalRows {
  const table = plainTable(db, entity);
  return {
    read: async (ids) => (await table.bulkGet([...ids])) as (Fields | undefined)[],
    blank: (id) => ({ id }),
    write: async (writes) => { await table.bulkPut(writes.map((w) => w.next) as never[]); },
  };
}

const localRows = (db: LedgerDb, entity: SyncEntity): LocalRows => (entity === 'invoice' ? invoiceRows(db) : plainRows(db, entity));

const keyOf = (entity: string, id: string) => `${entity}\u0000${id}`;

/**
 * Rebases a page of pulled records onto the local rows; returns how many records were written. The 'sync' audit
 * entries name `device`, the install that applied them (absent only where no device is known, as in old tests).
 */
export async function applyRecordChanges(db: LedgerDb, pulled: readonly RecordChange[], cursor: number, at: string, device?: string): Promise<number> {
  if (pulled.length === 0) return 0;
  // A record deleted for good on another PC (issue #13) arrives as a tombstone and is removed here too.
  const purged = await applyPurgedChanges(db, pulled.filter(isPurgedChange), at, device);
  const changes = pulled.filter((c) => !isPurgedChange(c));
  // Only unpushed rows and rows acked after the cursor can protect a field (shared/sync/rebase.ts); both are
  // found by index, so a long retained history costs nothing here.
  const mutations = [
    ...(await outboxIn(db, 'pending').toArray()),
    ...(await db.outbox.where('ackedVersion').above(cursor).toArray()),
  ];
  const wanted = new Set(changes.map((c) => keyOf(c.entity, c.entityId)));
  const byRecord = new Map<string, OutboxMutation[]>();
  for (const m of mutations) {
    const key = keyOf(m.entity, m.entityId);
    if (wanted.has(key)) byRecord.set(key, [...(byRecord.get(key) ?? []), m]);
  }
  const audits: AuditContent[] = [];
  let written = 0;
  for (const entity of SYNC_ENTITIES) {
    const group = changes.filter((c) => c.entity === entity);
    if (group.length === 0) continue;
    const rows = localRows(db, entity);
    const locals = await rows.read(group.map((c) => c.entityId));
    const writes: Write[] = [];
    group.forEach((change, i) => {
      const local = locals[i];
      const protect = protectedFields(byRecord.get(keyOf(entity, change.entityId)) ?? [], change.version);
      const base = local ?? rows.blank(change.entityId);
      const { record, changed } = rebaseRecord(base, change, protect);
      if (local && changed.length === 0 && local['version'] === change.version) return;
      const next = { ...record, id: change.entityId, ...(changed.length > 0 ? { updatedAt: at, updatedBy: SYNC_USER } : {}) };
      writes.push({ next, moved: !local || changed.length > 0 });
      if (changed.length === 0) return;
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of changed) { before[key] = base[key] ?? null; after[key] = record[key] ?? null; }
      audits.push({ at, user: SYNC_USER, ...(device === undefined ? {} : { device }), action: 'sync', entity, entityId: change.entityId, before: local ? before : null, after });
    });
    await rows.write(writes);
    written += writes.length;
  }
  let last: AuditEntry | undefined = await db.audit.orderBy('seq').last();
  const entries: AuditEntry[] = [];
  for (const content of audits) { last = chainEntry(content, last); entries.push(last); }
  await db.audit.bulkAdd(entries);
  return written + purged;
}
