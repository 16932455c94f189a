import { Dexie, type EntityTable } from 'dexie';
import type { AuditEntry } from '../../shared/audit/audit-chain';
import type { OutboxMutation } from '../../shared/sync/outbox';
import type { Conflict } from '../../shared/sync/protocol';
import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import type { InvoiceRow } from './rows';
import type { PackedChunk } from '../../shared/search/list-chunk';
import { DB_NAME, SCHEMA_VERSIONS } from './schema';
import type { CaseContact, InvoiceCase } from '../../shared/cases/types';
import type { UserRecord } from '../../shared/auth/user';
import type { FeedbackRecord } from '../../shared/feedback/types';
import type { PeriodCheckRecord } from '../../shared/period-check/record';
import type { BankMatch, ColumnMapping, FindingNote, ImportBatch, ReconcileRun } from '../../shared/reconcile/entities';

/** A named, saved list filter. */
export interface SavedView {
  readonly id: string;
  readonly name: string;
  readonly filter: InvoiceFilter;
  readonly createdAt: string;
}

/** An original file kept with invoices, stored once by content hash. */
export interface AttachmentRow {
  readonly sha256: string;
  readonly name: string;
  readonly type: string;
  readonly size: number;
  readonly blob: Blob;
  readonly addedAt: string;
}

/** Small key/value settings kept with the data (device id, mutation counter). */
export interface MetaRow {
  readonly key: string;
  readonly value: unknown;
}

/** Revision of one list-index chunk (read on every list query, so it is kept tiny). */
export interface ListRev {
  readonly chunk: number;
  readonly rev: number;
  readonly count: number;
  /** Entries not in the recycle bin (the ledger's size is the sum, without reading any chunk). */
  readonly live: number;
}

/** A server conflict kept for review; `open` is 1 until the server or this device settled it. */
export interface ConflictRow extends Conflict {
  readonly open: 0 | 1;
  /** Set when this device chose a value; the server confirms it on a later pull. */
  readonly resolvedLocally?: boolean;
}

/** A blob the office server is known to hold (cleared when the server's epoch changes). */
export interface SyncedBlobRow {
  readonly sha256: string;
}

/** Failed sign-ins of one login on this PC (never synced): counts toward the lockout. */
export interface SignInRow {
  readonly login: string;
  readonly failures: number;
  /** ISO time until which the account is locked on this PC ('' = not locked). */
  readonly lockedUntil: string;
}

/** The ledger database. Only renderer/db uses it directly. */
export class LedgerDb extends Dexie {
  invoices!: EntityTable<InvoiceRow, 'id'>;
  listChunks!: EntityTable<PackedChunk, 'chunk'>;
  listRevs!: EntityTable<ListRev, 'chunk'>;
  audit!: EntityTable<AuditEntry, 'seq'>;
  outbox!: EntityTable<OutboxMutation, 'mutationId'>;
  attachments!: EntityTable<AttachmentRow, 'sha256'>;
  views!: EntityTable<SavedView, 'id'>;
  meta!: EntityTable<MetaRow, 'key'>;
  conflicts!: EntityTable<ConflictRow, 'id'>;
  syncedBlobs!: EntityTable<SyncedBlobRow, 'sha256'>;
  cases!: EntityTable<InvoiceCase, 'id'>;
  contacts!: EntityTable<CaseContact, 'id'>;
  matches!: EntityTable<BankMatch, 'id'>;
  mappings!: EntityTable<ColumnMapping, 'id'>;
  runs!: EntityTable<ReconcileRun, 'id'>;
  findings!: EntityTable<FindingNote, 'id'>;
  imports!: EntityTable<ImportBatch, 'id'>;
  users!: EntityTable<UserRecord, 'id'>;
  signins!: EntityTable<SignInRow, 'login'>;
  feedback!: EntityTable<FeedbackRecord, 'id'>;
  periodchecks!: EntityTable<PeriodCheckRecord, 'id'>;

  constructor(name: string = DB_NAME, options: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {}) {
    // 'strict' durability: a committed save survives a power cut, not just a tab crash.
    super(name, { chromeTransactionDurability: 'strict', ...options });
    for (const v of SCHEMA_VERSIONS) this.version(v.version).stores(v.stores);
  }
}

/** Asks the browser not to evict our storage under pressure; returns whether it agreed. */
export async function requestPersistentStorage(): Promise<boolean> {
  if (typeof navigator === 'undefined' || !('storage' in navigator) || typeof navigator.storage.persist !== 'function') return false;
  try {
    return await navigator.storage.persist();
  } catch {
    return false;
  }
}
