/*
 * The Dexie side of sync (DESIGN.md §4). Every method is one transaction and idempotent, so the app may be
 * killed between any two of them: an unacknowledged mutation is simply sent again (the server answers
 * `duplicate`), and the pull cursor moves only in the transaction that applies the pulled rows.
 */
import { Dexie } from 'dexie';
import { chainEntry, type AuditContent, type AuditEntry } from '../../shared/audit/audit-chain';
import type { Invoice } from '../../shared/domain/invoice';
import type { OutboxMutation } from '../../shared/sync/outbox';
import type { MutationResult, PullResponse, RecordChange } from '../../shared/sync/protocol';
import { protectedFields, rebaseRecord } from '../../shared/sync/rebase';
import type { ConflictRow, LedgerDb } from './db';
import { putListEntries } from './sync-list-index';
import { fromRow, toRow } from './rows';
import { blankInvoice, SYNC_USER } from './sync-records';

/** The office server this device is enrolled with (stored in the meta table). */
export interface SyncSettings {
  readonly serverUrl: string;
  readonly deviceId: string;
  readonly token: string;
  readonly deviceName: string;
  readonly enrolledAt: string;
}

/** Where this device stands with the server. */
export interface SyncCursor {
  readonly epoch: string | null;
  readonly cursor: number;
  readonly lastSuccessAt: string | null;
}

/** A blob to upload before the mutations that reference it. */
export interface BlobToUpload {
  readonly sha256: string;
  readonly blob: Blob;
}

/** Acked mutations are kept this long, so they can be re-sent when the server is restored from a backup. */
export const RETAIN_ACKED_MS = 90 * 24 * 3600 * 1000;
/** ...and the newest this many are kept whatever their age (a clock set forward must not empty the history). */
export const RETAIN_ACKED_MIN = 1000;

const KEY = { settings: 'sync.settings', epoch: 'sync.epoch', cursor: 'sync.cursor', lastSuccess: 'sync.lastSuccessAt' } as const;

/** Sync reads and writes over the ledger database. */
export class SyncRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly now: () => string = () => new Date().toISOString(),
  ) {}

  /** The enrollment, or null before this device joined a server. */
  async settings(): Promise<SyncSettings | null> {
    const row = await this.db.meta.get(KEY.settings);
    return (row?.value as SyncSettings | undefined) ?? null;
  }

  /** Stores a new enrollment; a different server starts from scratch (epoch unknown, cursor 0). */
  async saveSettings(settings: SyncSettings): Promise<void> {
    await this.db.transaction('rw', [this.db.meta, this.db.syncedBlobs], async () => {
      const old = await this.settings();
      await this.db.meta.put({ key: KEY.settings, value: settings });
      if (old?.serverUrl !== settings.serverUrl || old.deviceId !== settings.deviceId) {
        await this.db.meta.bulkDelete([KEY.epoch, KEY.cursor, KEY.lastSuccess]);
        await this.db.syncedBlobs.clear();
      }
    });
  }

  /** The epoch, pull cursor and last success. */
  async cursor(): Promise<SyncCursor> {
    const [epoch, cursor, last] = await this.db.meta.bulkGet([KEY.epoch, KEY.cursor, KEY.lastSuccess]);
    return {
      epoch: typeof epoch?.value === 'string' ? epoch.value : null,
      cursor: typeof cursor?.value === 'number' ? cursor.value : 0,
      lastSuccessAt: typeof last?.value === 'string' ? last.value : null,
    };
  }

  /** Remembers the epoch of the first contact with a server. */
  async setEpoch(epoch: string): Promise<void> {
    await this.db.meta.put({ key: KEY.epoch, value: epoch });
  }

  /** Records a completed sync and forgets acked mutations older than the retention window. */
  async markSuccess(at: string): Promise<void> {
    const cutoff = new Date(Date.parse(at) - RETAIN_ACKED_MS).toISOString();
    await this.db.transaction('rw', [this.db.meta, this.db.outbox], async () => {
      await this.db.meta.put({ key: KEY.lastSuccess, value: at });
      const acked = await this.db.outbox.where('state').equals('acked').toArray();
      const expired = acked.slice(0, Math.max(0, acked.length - RETAIN_ACKED_MIN)).filter((m) => (m.ackedAt ?? at) < cutoff);
      await this.db.outbox.bulkDelete(expired.map((m) => m.mutationId));
    });
  }

  /** The oldest pending mutations after `afterId`, in id order. */
  async nextBatch(limit: number, afterId = 0): Promise<OutboxMutation[]> {
    if (afterId === 0) return this.db.outbox.where('state').equals('pending').limit(limit).toArray();
    return this.db.outbox.where('[state+mutationId]').between(['pending', afterId + 1], ['pending', Infinity]).limit(limit).toArray();
  }

  /** Number of mutations waiting to be pushed. */
  async pendingCount(): Promise<number> {
    return this.db.outbox.where('state').equals('pending').count();
  }

  /** Calls back with the pending count now and after every change to it; returns the unsubscribe. */
  watchPendingCount(onCount: (count: number) => void): () => void {
    // Dexie's own change event (liveQuery builds on it; used directly it also fires under Node + fake-indexeddb).
    const prefix = `idb://${this.db.name}/outbox/`;
    let live = true;
    const recount = () => { void this.pendingCount().then((n) => { if (live) onCount(n); }, () => undefined); };
    const onMutated = (parts: Record<string, unknown>) => { if (Object.keys(parts).some((k) => k.startsWith(prefix))) recount(); };
    Dexie.on('storagemutated', onMutated);
    recount();
    return () => { live = false; Dexie.on('storagemutated').unsubscribe(onMutated); };
  }

  /** Attachments referenced by these mutations that the server is not known to hold. */
  async blobsFor(mutations: readonly OutboxMutation[]): Promise<BlobToUpload[]> {
    const wanted = new Set<string>();
    for (const m of mutations) {
      const list = m.changes.attachments;
      if (Array.isArray(list)) for (const sha of list) if (typeof sha === 'string') wanted.add(sha);
    }
    const shas = [...wanted];
    const [synced, rows] = await Promise.all([this.db.syncedBlobs.bulkGet(shas), this.db.attachments.bulkGet(shas)]);
    return rows.flatMap((row, i) => (row && !synced[i] ? [{ sha256: row.sha256, blob: row.blob }] : []));
  }

  /** Remembers that the server holds this blob. */
  async markBlobSynced(sha256: string): Promise<void> {
    await this.db.syncedBlobs.put({ sha256 });
  }

  /** Stores the server's verdict on pushed mutations (rejected rows stay, with their reason). */
  async recordResults(results: readonly MutationResult[]): Promise<void> {
    const at = this.now();
    await this.db.transaction('rw', [this.db.outbox], async () => {
      const rows = await this.db.outbox.bulkGet(results.map((r) => r.id));
      const updated = results.flatMap((r, i): OutboxMutation[] => {
        const row = rows[i];
        if (!row || row.state === 'acked' || row.state === 'rejected') return [];
        if (r.status === 'rejected') return [{ ...row, state: 'rejected', rejectedReason: r.reason ?? '' }];
        return [{ ...row, state: 'acked', ackedAt: at, ...(r.version === undefined ? {} : { ackedVersion: r.version }) }];
      });
      await this.db.outbox.bulkPut(updated);
    });
  }

  /**
   * Puts every retained mutation from `fromId` on back in the queue (the server lost them). Returns false
   * when `fromId` itself is no longer retained, so the gap cannot be filled.
   */
  async requeueFrom(fromId: number): Promise<boolean> {
    return this.db.transaction('rw', [this.db.outbox, this.db.meta], async () => {
      const counter = await this.db.meta.get('nextMutationId');
      const next = typeof counter?.value === 'number' ? counter.value : 1;
      if (fromId >= next) return true;
      if (!(await this.db.outbox.get(fromId))) return false;
      await this.db.outbox.where('mutationId').aboveOrEqual(fromId).modify((m: OutboxMutation & { state: string }) => {
        if (m.state !== 'pending') {
          m.state = 'pending';
          delete (m as { ackedVersion?: number }).ackedVersion;
          delete (m as { ackedAt?: string }).ackedAt;
          delete (m as { rejectedReason?: string }).rejectedReason;
        }
      });
      return true;
    });
  }

  /** The server was restored from a backup: new epoch, pull from the start, blobs uploaded again. */
  async changeEpoch(epoch: string): Promise<void> {
    await this.db.transaction('rw', [this.db.meta, this.db.syncedBlobs], async () => {
      await this.db.meta.put({ key: KEY.epoch, value: epoch });
      await this.db.meta.put({ key: KEY.cursor, value: 0 });
      await this.db.syncedBlobs.clear();
    });
  }

  /** Applies one pull page: records (rebased), conflicts and the cursor in ONE transaction. */
  async applyPull(page: PullResponse): Promise<{ applied: number }> {
    const tables = [this.db.invoices, this.db.listChunks, this.db.listRevs, this.db.audit, this.db.outbox, this.db.meta, this.db.conflicts];
    return this.db.transaction('rw', tables, async () => {
      const applied = await this.applyChanges(page.changes);
      const old = await this.db.conflicts.bulkGet(page.conflicts.map((c) => c.id));
      await this.db.conflicts.bulkPut(page.conflicts.map((c, i) => {
        const settledHere = !c.resolved && old[i]?.resolvedLocally === true;
        return { ...c, open: c.resolved || settledHere ? 0 : 1, ...(settledHere ? { resolvedLocally: true } : {}) };
      }));
      await this.db.meta.put({ key: KEY.cursor, value: page.version });
      return { applied };
    });
  }

  /** Rebases a page of pulled records onto the local rows; reads and writes in bulk (one pass per table). */
  private async applyChanges(changes: readonly RecordChange[]): Promise<number> {
    if (changes.length === 0) return 0;
    const ids = changes.map((c) => c.entityId as Invoice['id']);
    const rows = await this.db.invoices.bulkGet(ids);
    // Only unpushed rows and rows acked after the cursor can protect a field (shared/sync/rebase.ts); both
    // are found by index, so a long retained history costs nothing here.
    const cursor = (await this.cursor()).cursor;
    const mutations = [
      ...(await this.db.outbox.where('state').equals('pending').toArray()),
      ...(await this.db.outbox.where('ackedVersion').above(cursor).toArray()),
    ];
    const wanted = new Set<string>(ids);
    const byEntity = new Map<string, OutboxMutation[]>();
    for (const m of mutations) if (wanted.has(m.entityId)) byEntity.set(m.entityId, [...(byEntity.get(m.entityId) ?? []), m]);
    const at = this.now();
    const writes: { next: Invoice; chunk: number | undefined; moved: boolean }[] = [];
    const audits: Omit<AuditContent, never>[] = [];
    changes.forEach((change, i) => {
      const row = rows[i];
      const local = row ? fromRow(row) : undefined;
      const protect = protectedFields(byEntity.get(change.entityId) ?? [], change.version);
      const base = (local ?? blankInvoice(change.entityId)) as unknown as Readonly<Record<string, unknown>>;
      const { record, changed } = rebaseRecord(base, change, protect);
      if (local && changed.length === 0 && local.version === change.version) return;
      const next = { ...record, id: change.entityId, ...(changed.length > 0 ? { updatedAt: at, updatedBy: SYNC_USER } : {}) } as unknown as Invoice;
      writes.push({ next, chunk: row?._chunk, moved: !local || changed.length > 0 });
      if (changed.length === 0) return;
      const l = base;
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const key of changed) { before[key] = l[key] ?? null; after[key] = record[key] ?? null; }
      audits.push({ at, user: SYNC_USER, action: 'sync', entity: 'invoice', entityId: change.entityId, before: local ? before : null, after });
    });
    const indexed = writes.filter((w) => w.moved);
    const chunks = await putListEntries(this.db, indexed.map((w) => ({ invoice: w.next, chunk: w.chunk })));
    const chunkOf = new Map(indexed.map((w, i) => [w.next.id, chunks[i]]));
    await this.db.invoices.bulkPut(writes.map((w) => toRow(w.next, chunkOf.get(w.next.id) ?? w.chunk ?? 0)));
    let last: AuditEntry | undefined = await this.db.audit.orderBy('seq').last();
    const entries: AuditEntry[] = [];
    for (const content of audits) { last = chainEntry(content, last); entries.push(last); }
    await this.db.audit.bulkAdd(entries);
    return writes.length;
  }

  /** Conflicts waiting for review, oldest first. */
  async openConflicts(): Promise<ConflictRow[]> {
    return this.db.conflicts.where('open').equals(1).sortBy('id');
  }

  /** Mutations the server refused, newest first. */
  async rejected(): Promise<OutboxMutation[]> {
    return (await this.db.outbox.where('state').equals('rejected').toArray()).reverse();
  }
}
