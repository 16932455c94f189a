/*
 * Synced records other than invoices (cases, contact entries, matches, mappings, runs, finding notes, import
 * batches) are stored as they are: no derived fields, no list index. One generic write path serves all of them:
 * the record, its audit entry and its outbox mutation go into the same transaction (journal.ts).
 */
import type { Table } from 'dexie';
import type { AuditAction } from '../../shared/audit/audit-chain';
import type { CaseContact, InvoiceCase } from '../../shared/cases/types';
import type { BankMatch, ColumnMapping, FindingNote, ImportBatch, ReconcileRun, RecordMeta } from '../../shared/reconcile/entities';
import type { UserRecord } from '../../shared/auth/user';
import type { FeedbackRecord } from '../../shared/feedback/types';
import type { PeriodCheckRecord } from '../../shared/period-check/record';
import { ENTITY_TABLES, type SyncEntity } from '../../shared/sync/entities';
import type { AuditAuthor } from './audit-events';
import type { LedgerDb } from './db';
import { journalChange, type JournalItem } from './journal';
import type { WriteContext } from './write-context';

/** The record type of each entity stored as is. */
export interface PlainRecords {
  readonly case: InvoiceCase;
  readonly caseContact: CaseContact;
  readonly match: BankMatch;
  readonly mapping: ColumnMapping;
  readonly reconcileRun: ReconcileRun;
  readonly findingNote: FindingNote;
  readonly importBatch: ImportBatch;
  readonly user: UserRecord;
  readonly feedback: FeedbackRecord;
  readonly periodCheck: PeriodCheckRecord;
}
/** An entity stored as is (every synced entity but invoices). */
export type PlainEntity = keyof PlainRecords;

/** The Dexie table of a plain entity. */
export function plainTable<E extends PlainEntity>(db: LedgerDb, entity: E): Table<PlainRecords[E], string> {
  return db.table(ENTITY_TABLES[entity]);
}

/** The tables a write of these entities touches: theirs, plus audit, outbox and the mutation counter. */
export function journalTables(db: LedgerDb, entities: readonly SyncEntity[]): Table[] {
  return [...entities.map((e) => db.table(ENTITY_TABLES[e])), db.audit, db.outbox, db.meta];
}

/** Bookkeeping of a record created now by the context's user (never synced yet: version 0). */
export function newMeta(ctx: WriteContext, id: string = ctx.newId()): RecordMeta {
  const at = ctx.now();
  return { id, createdBy: ctx.user, createdAt: at, updatedBy: ctx.user, updatedAt: at, version: 0, deleted: false };
}

/** `before` with `patch` applied, stamped as changed now by the context's user. */
export function edited<T extends RecordMeta>(ctx: WriteContext, before: T, patch: Partial<T>): T {
  return { ...before, ...patch, id: before.id, updatedBy: ctx.user, updatedAt: ctx.now() };
}

/**
 * Puts a plain record and journals the change (audit entry + outbox mutation).
 * WARNING: call only inside a 'rw' transaction over journalTables(db, [entity]).
 */
export async function putPlain<E extends PlainEntity>(
  db: LedgerDb,
  entity: E,
  action: AuditAction,
  before: PlainRecords[E] | undefined,
  after: PlainRecords[E],
  who: AuditAuthor,
  settles?: JournalItem['settles'],
): Promise<void> {
  await plainTable(db, entity).put(after);
  await journalChange(db, entity, action, before, after, who, after.updatedAt, settles);
}
