import { chainEntry, type AuditAction, type AuditEntry } from '../../shared/audit/audit-chain';
import { diffFields, type OutboxMutation } from '../../shared/sync/outbox';
import type { SyncEntity } from '../../shared/sync/entities';
import type { AuditAuthor } from './audit-events';
import type { LedgerDb } from './db';

/** Fields that are bookkeeping, not content: never sent as changes, never shown as audit differences. */
const BOOKKEEPING = ['version', 'updatedAt', 'updatedBy'] as const;

/** A record as the journal sees it: an id, a server version, and top-level fields. */
type JournalRecord = object & { readonly id: string; readonly version?: number };

/** One change of one synced record, to be audited and queued for the office server. */
export interface JournalItem {
  readonly entity: SyncEntity;
  readonly action: AuditAction;
  readonly before: JournalRecord | undefined;
  readonly after: JournalRecord;
  /** A conflict-review choice: its fields are sent even if unchanged, with the conflicts it resolves. */
  readonly settles?: { readonly resolves: readonly number[]; readonly fields: readonly string[] };
  /** What the audit entry says instead of the field differences (an import names its file, not every invoice id). */
  readonly audit?: { readonly before: unknown; readonly after: unknown };
}

const field = (record: object | undefined, key: string): unknown => (record as Record<string, unknown> | undefined)?.[key] ?? null;

/** Where the audit chain and the mutation counter stand while a write journals its changes. */
export interface JournalCursor {
  last: AuditEntry | undefined;
  nextMutationId: number;
}

/** Reads the end of the audit chain and the mutation counter (inside the writing transaction). */
export async function openJournal(db: LedgerDb): Promise<JournalCursor> {
  const last = await db.audit.orderBy('seq').last();
  const counter = await db.meta.get('nextMutationId');
  return { last, nextMutationId: typeof counter?.value === 'number' ? counter.value : 1 };
}

/**
 * The audit entries (chained after the cursor) and outbox mutations (numbered from it) of `items`, made by `who`;
 * moves the cursor.
 */
export function journalEntries(cursor: JournalCursor, items: readonly JournalItem[], who: AuditAuthor, at: string): { entries: AuditEntry[]; mutations: OutboxMutation[] } {
  // Read once: in the app `who` is the write context, whose user follows the session.
  const { user, device } = who;
  const entries: AuditEntry[] = [];
  const mutations: OutboxMutation[] = [];
  for (const item of items) {
    // A permanent delete sends only that it happened: the server keeps a tombstone, not the record (issue #13).
    const { changes, baseValues } = item.action === 'purge'
      ? { changes: { purged: true } as Record<string, unknown>, baseValues: {} as Record<string, unknown> }
      : diffFields(item.before, item.after, BOOKKEEPING);
    // A conflict choice is sent even when it keeps the value already here: the server must see the decision.
    for (const key of item.settles?.fields ?? []) {
      changes[key] = field(item.after, key);
      baseValues[key] = field(item.before, key);
    }
    cursor.last = chainEntry({
      at, user, device, action: item.action, entity: item.entity, entityId: item.after.id,
      before: item.audit ? item.audit.before : item.before ? baseValues : null,
      after: item.audit ? item.audit.after : changes,
    }, cursor.last);
    entries.push(cursor.last);
    mutations.push({
      mutationId: cursor.nextMutationId++,
      entity: item.entity,
      entityId: item.after.id,
      op: item.action === 'delete' || item.action === 'purge' ? 'delete' : 'upsert',
      baseVersion: item.before?.version ?? 0,
      changes,
      // A new record had no values: an empty map says so as well as a null per field, in far fewer bytes.
      baseValues: item.before ? baseValues : {},
      state: 'pending',
      createdAt: at,
      // The author, so the office server checks the change against that user's role (issue #13).
      by: user,
      ...(item.settles ? { resolves: item.settles.resolves } : {}),
    });
  }
  return { entries, mutations };
}

/** Stores the mutation counter where the cursor left it. */
export async function closeJournal(db: LedgerDb, cursor: JournalCursor): Promise<void> {
  await db.meta.put({ key: 'nextMutationId', value: cursor.nextMutationId });
}

/**
 * Appends the audit entries (chained in order) and the outbox mutations (consecutive mutation ids) of a list of
 * changes, in bulk: one read of the chain's end and of the counter, one write per table, however many changes.
 * WARNING: call only inside a Dexie 'rw' transaction over the records' tables, audit, outbox and meta, and do not
 * await anything but Dexie in between: records, audit entries and outbox rows commit together or not at all.
 */
export async function journalChanges(db: LedgerDb, items: readonly JournalItem[], who: AuditAuthor, at: string): Promise<void> {
  if (items.length === 0) return;
  const cursor = await openJournal(db);
  const { entries, mutations } = journalEntries(cursor, items, who, at);
  await db.audit.bulkAdd(entries);
  await db.outbox.bulkAdd(mutations);
  await closeJournal(db, cursor);
}

/**
 * Appends the audit entry and the outbox mutation for one change of a synced record (see journalChanges).
 * WARNING: call only inside a Dexie 'rw' transaction over the record's table, audit, outbox and meta.
 */
export async function journalChange(
  db: LedgerDb,
  entity: SyncEntity,
  action: AuditAction,
  before: JournalRecord | undefined,
  after: JournalRecord,
  who: AuditAuthor,
  at: string,
  settles?: JournalItem['settles'],
): Promise<void> {
  await journalChanges(db, [{ entity, action, before, after, ...(settles ? { settles } : {}) }], who, at);
}
