/*
 * The Dexie side of sync (docs/architecture.md#sync). Every method is one transaction and idempotent, so the app may be
 * killed between any two of them: an unacknowledged mutation is simply sent again (the server answers
 * `duplicate`), and the pull cursor moves only in the transaction that applies the pulled rows.
 */
import { outboxIn } from './outbox-state';
import { Dexie } from 'dexie';
import { ENTITY_TABLES, SYNC_ENTITIES } from '../../shared/sync/entities';
import type { OutboxMutation } from '../../shared/sync/outbox';
import type { MutationResult, PullResponse } from '../../shared/sync/protocol';
import type { ConflictRow, LedgerDb } from './db';
import { applyRecordChanges } from './sync-apply';
import type { AuditEntry } from '../../shared/audit/audit-chain';
import { requirePermission } from './permission';
import type { WriteContext } from './write-context';

/**
 * The office server this device is enrolled with (stored in the meta table). The device token is not here: it is
 * a secret and lives in this PC's secret store (renderer/platform/local-secrets.ts), never in the ledger.
 */
export interface SyncSettings {
  readonly serverUrl: string;
  readonly deviceId: string;
  readonly deviceName: string;
  readonly enrolledAt: string;
  /** The server certificate the admin confirmed at enrollment (colon hex; absent over plain HTTP). */
  readonly certFingerprint?: string;
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

const KEY = {
  settings: 'sync.settings', epoch: 'sync.epoch', cursor: 'sync.cursor', lastSuccess: 'sync.lastSuccessAt',
  cursorEntities: 'sync.cursorEntities', allowPlainHttp: 'sync.allowPlainHttp',
} as const;

/** The last audit seq the server holds for this device (renderer/sync/audit-push.ts); a new enrollment starts at 0. */
const AUDIT_SEQ_KEY = 'sync.auditSeq';

/**
 * The entities the pull cursor covers. A cursor moved by a version of the app that pulled fewer entities skipped
 * the others' records, so it counts as 0 and everything is pulled once more (rebase makes that harmless).
 */
const CURSOR_ENTITIES = SYNC_ENTITIES.join(',');

/** Sync reads and writes over the ledger database. */
export class SyncRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly now: () => string = () => new Date().toISOString(),
    /** This install, as the audit entries of pulled changes name it. */
    private readonly device?: string,
    /** Who acts, for the permission check of enrolling (the sync engine's own writes need none). */
    private readonly ctx?: WriteContext,
  ) {}

  /** The enrollment, or null before this device joined a server. */
  async settings(): Promise<SyncSettings | null> {
    const row = await this.db.meta.get(KEY.settings);
    if (!row) return null;
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- an older build's token never leaves this class
    const { token, ...settings } = row.value as SyncSettings & { token?: unknown };
    return settings;
  }

  /** The device token builds before issue #13 kept in the settings, or null (the caller moves it to the secret store). */
  async legacyToken(): Promise<string | null> {
    const token = ((await this.db.meta.get(KEY.settings))?.value as { token?: unknown } | undefined)?.token;
    return typeof token === 'string' && token !== '' ? token : null;
  }

  /** Removes an older build's token from the settings, once the secret store holds it. */
  async dropLegacyToken(): Promise<void> {
    await this.db.transaction('rw', this.db.meta, async () => {
      const settings = await this.settings();
      if (settings && (await this.legacyToken()) !== null) await this.db.meta.put({ key: KEY.settings, value: settings });
    });
  }

  /** Whether the admin allowed plain HTTP to the office LAN on this PC ("允许局域网明文 HTTP"); off by default. */
  async allowPlainHttp(): Promise<boolean> {
    return (await this.db.meta.get(KEY.allowPlainHttp))?.value === true;
  }

  /** Sets "允许局域网明文 HTTP": an admin setting ('settings.edit'), except on a PC with no users yet (as saveSettings). */
  async setAllowPlainHttp(allow: boolean): Promise<void> {
    if (this.ctx && (await this.db.users.count()) > 0) await requirePermission(this.db, this.ctx, 'settings.edit', { entity: 'settings', entityId: KEY.allowPlainHttp });
    await this.db.meta.put({ key: KEY.allowPlainHttp, value: allow });
  }

  /**
   * Stores a new enrollment; a different server starts from scratch (epoch unknown, cursor 0). Enrolling is the
   * admin's ('sync.server'), except on a PC with no users yet, which joins the office server to fetch them.
   */
  async saveSettings(settings: SyncSettings): Promise<void> {
    if (this.ctx && (await this.db.users.count()) > 0) await requirePermission(this.db, this.ctx, 'sync.server', { entity: 'sync', entityId: settings.serverUrl });
    await this.db.transaction('rw', [this.db.meta, this.db.syncedBlobs], async () => {
      const old = await this.settings();
      await this.db.meta.put({ key: KEY.settings, value: settings });
      if (old?.serverUrl !== settings.serverUrl || old.deviceId !== settings.deviceId) {
        await this.db.meta.bulkDelete([KEY.epoch, KEY.cursor, KEY.lastSuccess, KEY.cursorEntities, AUDIT_SEQ_KEY]);
        await this.db.syncedBlobs.clear();
      }
    });
  }

  /** The epoch, pull cursor and last success. */
  async cursor(): Promise<SyncCursor> {
    const [epoch, cursor, last, covers] = await this.db.meta.bulkGet([KEY.epoch, KEY.cursor, KEY.lastSuccess, KEY.cursorEntities]);
    return {
      epoch: typeof epoch?.value === 'string' ? epoch.value : null,
      cursor: typeof cursor?.value === 'number' && covers?.value === CURSOR_ENTITIES ? cursor.value : 0,
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
      const acked = await outboxIn(this.db, 'acked').toArray();
      const expired = acked.slice(0, Math.max(0, acked.length - RETAIN_ACKED_MIN)).filter((m) => (m.ackedAt ?? at) < cutoff);
      await this.db.outbox.bulkDelete(expired.map((m) => m.mutationId));
    });
  }

  /** The oldest pending mutations after `afterId`, in id order. */
  async nextBatch(limit: number, afterId = 0): Promise<OutboxMutation[]> {
    if (afterId === 0) return outboxIn(this.db, 'pending').limit(limit).toArray();
    return this.db.outbox.where('[state+mutationId]').between(['pending', afterId + 1], ['pending', Infinity]).limit(limit).toArray();
  }

  /** Number of mutations waiting to be pushed. */
  async pendingCount(): Promise<number> {
    return outboxIn(this.db, 'pending').count();
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
    const entityTables = SYNC_ENTITIES.map((e) => this.db.table(ENTITY_TABLES[e]));
    // attachments: a purged invoice's originals go with it (invoice-purge.ts).
    const tables = [...entityTables, this.db.listChunks, this.db.listRevs, this.db.audit, this.db.outbox, this.db.meta, this.db.conflicts, this.db.attachments];
    return this.db.transaction('rw', tables, async () => {
      const applied = await applyRecordChanges(this.db, page.changes, (await this.cursor()).cursor, this.now(), this.device);
      const old = await this.db.conflicts.bulkGet(page.conflicts.map((c) => c.id));
      await this.db.conflicts.bulkPut(page.conflicts.map((c, i) => {
        const settledHere = !c.resolved && old[i]?.resolvedLocally === true;
        return { ...c, open: c.resolved || settledHere ? 0 : 1, ...(settledHere ? { resolvedLocally: true } : {}) };
      }));
      await this.db.meta.bulkPut([{ key: KEY.cursor, value: page.version }, { key: KEY.cursorEntities, value: CURSOR_ENTITIES }]);
      return { applied };
    });
  }

  /** Conflicts waiting for review, oldest first. */
  async openConflicts(): Promise<ConflictRow[]> {
    return this.db.conflicts.where('open').equals(1).sortBy('id');
  }

  /** Mutations the server refused, newest first. */
  async rejected(): Promise<OutboxMutation[]> {
    return (await outboxIn(this.db, 'rejected').toArray()).reverse();
  }

  /** The last audit seq the office server holds for this device (0 before the first audit push). */
  async auditPushedSeq(): Promise<number> {
    const v = (await this.db.meta.get(AUDIT_SEQ_KEY))?.value;
    return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : 0;
  }

  /** Up to `limit` audit entries after `seq`, in seq order, for the audit push. */
  async auditAfter(seq: number, limit: number): Promise<AuditEntry[]> {
    return this.db.audit.where('seq').above(seq).limit(limit).toArray();
  }

  /** Remembers the last audit seq the server acknowledged. */
  async markAuditPushed(seq: number): Promise<void> {
    await this.db.meta.put({ key: AUDIT_SEQ_KEY, value: seq });
  }
}
