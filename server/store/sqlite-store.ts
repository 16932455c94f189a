import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { PushRequest, WireAuditEntry } from '../../shared/sync/protocol';
import { runAuditPush, type AuditPushOutcome, type AuditTx } from '../audit/audit-push';
import type { SyncEntity } from '../../shared/sync/entities';
import { pullPage } from '../sync/pull';
import { runPush, type ConflictRef, type PushTx } from '../sync/push';
import { newEpochId } from './epoch';
import { AsyncLock } from './lock';
import { USER_ROWS_SQL, json, toConflict, toLogged, toRecordChange, toStoredRecord, toUserRow, type ConflictRow, type LogDbRow, type RecordRow, type UserDbRow } from './rows';
import { schemaSql } from './schema';
import { sqliteAuditChains, sqliteAuditPage, sqliteAuditTx } from './sqlite-audit';
import type { AuditChainInfo, DeviceIdentity, LoggedMutation, NewDevice, PullOutcome, PushOutcome, StoredAuditEntry, SyncStore } from './store';

type Db = Database.Database;

/** The transaction steps of a push over one better-sqlite3 connection (synchronous calls behind the async API). */
function sqlitePushTx(db: Db): PushTx {
  // Prepared once per connection: preparing per call would dominate a 1000-mutation push.
  const q = {
    state: db.prepare('SELECT epoch, version FROM sync_state WHERE id = 1'),
    setVersion: db.prepare('UPDATE sync_state SET version = ? WHERE id = 1'),
    lastId: db.prepare('SELECT last_mutation_id AS id FROM clients WHERE device_id = ?'),
    setLastId: db.prepare(`INSERT INTO clients (device_id, last_mutation_id) VALUES (?, ?)
        ON CONFLICT (device_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id`),
    loggedVersion: db.prepare('SELECT version FROM mutation_log WHERE device_id = ? AND mutation_id = ?'),
    getRecord: db.prepare('SELECT * FROM records WHERE entity = ? AND entity_id = ?'),
    putRecord: db.prepare(`INSERT INTO records (entity, entity_id, version, deleted, data, field_versions) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
        data = excluded.data, field_versions = excluded.field_versions`),
    insertConflict: db.prepare(`INSERT INTO conflicts (version, entity, entity_id, field, base_value, server_value, client_value,
        server_device_id, server_at, client_device_id, client_at, client_mutation_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    getConflict: db.prepare('SELECT id, entity, entity_id, resolved FROM conflicts WHERE id = ?'),
    resolveConflict: db.prepare('UPDATE conflicts SET resolved = 1, version = ?, resolved_by = ?, resolved_at = ? WHERE id = ?'),
    insertLog: db.prepare(`INSERT INTO mutation_log (device_id, mutation_id, entity, entity_id, op, status, reason, version, payload, received_at, seq)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM mutation_log))`),
    users: db.prepare(USER_ROWS_SQL),
  };
  return {
    epochAndVersion: () => {
      const row = q.state.get() as { epoch: string; version: number };
      return Promise.resolve(row);
    },
    setVersion: (version) => {
      q.setVersion.run(version);
      return Promise.resolve();
    },
    lastMutationId: (deviceId) => {
      const row = q.lastId.get(deviceId) as { id: number } | undefined;
      return Promise.resolve(row?.id ?? 0);
    },
    setLastMutationId: (deviceId, id) => {
      q.setLastId.run(deviceId, id);
      return Promise.resolve();
    },
    loggedVersion: (deviceId, mutationId) => {
      const row = q.loggedVersion.get(deviceId, mutationId) as
        { version: number | null } | undefined;
      return Promise.resolve(row?.version ?? null);
    },
    getRecord: (entity, entityId) => {
      const row = q.getRecord.get(entity, entityId) as RecordRow | undefined;
      return Promise.resolve(row ? toStoredRecord(row) : undefined);
    },
    putRecord: (entity, entityId, r) => {
      q.putRecord
        .run(entity, entityId, r.version, r.deleted ? 1 : 0, json(r.data), json(r.fields));
      return Promise.resolve();
    },
    insertConflict: (c) => {
      const info = q.insertConflict
        .run(c.version, c.entity, c.entityId, c.field, json(c.baseValue), json(c.serverValue), json(c.clientValue),
          c.serverDeviceId, c.serverAt, c.clientDeviceId, c.clientAt, c.mutationId);
      return Promise.resolve(Number(info.lastInsertRowid));
    },
    getConflicts: (ids) => {
      const stmt = q.getConflict;
      const refs: ConflictRef[] = [];
      for (const id of ids) {
        const row = stmt.get(id) as { id: number; entity: string; entity_id: string; resolved: number } | undefined;
        if (row) refs.push({ id: row.id, entity: row.entity, entityId: row.entity_id, resolved: row.resolved === 1 });
      }
      return Promise.resolve(refs);
    },
    resolveConflict: (id, version, by, at) => {
      q.resolveConflict.run(version, by, at, id);
      return Promise.resolve();
    },
    insertLog: (row) => {
      q.insertLog
        .run(row.deviceId, row.mutation.id, row.mutation.entity, row.mutation.entityId, row.mutation.op, row.status, row.reason,
          row.version, json(row.mutation), row.at);
      return Promise.resolve();
    },
    userRecords: () => Promise.resolve((q.users.all() as UserDbRow[]).map(toUserRow)),
  };
}

/** The embedded store: one SQLite file, WAL, synchronous=FULL, writes in BEGIN IMMEDIATE transactions. */
export class SqliteStore implements SyncStore {
  readonly kind = 'sqlite';
  private readonly lock = new AsyncLock();

  private readonly pushTx: PushTx;
  private readonly auditTx: AuditTx;

  private constructor(private readonly db: Db, private readonly pushPauseMs: number) {
    this.pushTx = sqlitePushTx(db);
    this.auditTx = sqliteAuditTx(db);
  }

  /** Opens (creating if needed) `sync.sqlite` in `dataDir`. `pushPauseMs` is a test hook (see runPush). */
  static open(dataDir: string, pushPauseMs = 0): SqliteStore {
    mkdirSync(dataDir, { recursive: true });
    const db = new Database(join(dataDir, 'sync.sqlite'));
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 10000');
    db.pragma('foreign_keys = ON');
    for (const sql of schemaSql('sqlite')) db.exec(sql);
    db.prepare('INSERT OR IGNORE INTO sync_state (id, version, epoch) VALUES (1, 0, ?)').run(newEpochId());
    return new SqliteStore(db, pushPauseMs);
  }

  /** Runs `body` in BEGIN IMMEDIATE … COMMIT, rolling back on any throw; one at a time on this connection. */
  private write<T>(body: () => Promise<T> | T): Promise<T> {
    return this.lock.run(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await body();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
  }

  epoch(): Promise<string> {
    const row = this.db.prepare('SELECT epoch FROM sync_state WHERE id = 1').get() as { epoch: string };
    return Promise.resolve(row.epoch);
  }

  newEpoch(): Promise<string> {
    return this.write(() => {
      const epoch = newEpochId();
      this.db.prepare('UPDATE sync_state SET epoch = ? WHERE id = 1').run(epoch);
      return epoch;
    });
  }

  addEnrollmentCode(codeHash: string, now: string): Promise<void> {
    return this.write(() => {
      this.db.prepare('INSERT OR IGNORE INTO enrollment_codes (code_hash, created_at) VALUES (?, ?)').run(codeHash, now);
    });
  }

  enroll(codeHash: string, device: NewDevice, now: string): Promise<boolean> {
    return this.write(() => {
      const used = this.db.prepare('UPDATE enrollment_codes SET used_at = ?, used_by = ? WHERE code_hash = ? AND used_at IS NULL')
        .run(now, device.deviceId, codeHash);
      if (used.changes !== 1) return false;
      this.db.prepare('INSERT INTO devices (device_id, name, token_hash, created_at) VALUES (?, ?, ?, ?)')
        .run(device.deviceId, device.name, device.tokenHash, now);
      return true;
    });
  }

  deviceForToken(tokenHash: string): Promise<DeviceIdentity | undefined> {
    const row = this.db.prepare('SELECT device_id, name FROM devices WHERE token_hash = ? AND revoked_at IS NULL').get(tokenHash) as
      { device_id: string; name: string } | undefined;
    return Promise.resolve(row ? { deviceId: row.device_id, name: row.name } : undefined);
  }

  revoke(deviceId: string, now: string): Promise<boolean> {
    return this.write(() => {
      const info = this.db.prepare('UPDATE devices SET revoked_at = COALESCE(revoked_at, ?) WHERE device_id = ?').run(now, deviceId);
      return info.changes === 1;
    });
  }

  push(deviceId: string, request: PushRequest, now: string): Promise<PushOutcome> {
    return this.write(() => runPush(this.pushTx, deviceId, request, now, this.pushPauseMs));
  }

  pull(deviceId: string, epoch: string, since: number, limit: number, entities: readonly SyncEntity[]): Promise<PullOutcome> {
    const only = `entity IN (${entities.map(() => '?').join(', ') || 'NULL'})`;
    // One synchronous read transaction: a consistent snapshot without holding the write lock.
    const read = this.db.transaction((): PullOutcome => {
      const state = this.db.prepare('SELECT epoch, version FROM sync_state WHERE id = 1').get() as { epoch: string; version: number };
      if (state.epoch !== epoch) {
        const row = this.db.prepare('SELECT last_mutation_id AS id FROM clients WHERE device_id = ?').get(deviceId) as { id: number } | undefined;
        return { kind: 'epoch_changed', epoch: state.epoch, lastMutationId: row?.id ?? 0 };
      }
      const records = this.db.prepare(`SELECT * FROM records WHERE version > ? AND ${only} ORDER BY version LIMIT ?`).all(since, ...entities, limit + 1) as RecordRow[];
      const conflicts = this.db.prepare(`SELECT * FROM conflicts WHERE version > ? AND ${only} ORDER BY version LIMIT ?`).all(since, ...entities, limit + 1) as ConflictRow[];
      const rows = { epoch: state.epoch, currentVersion: state.version, changes: records.map(toRecordChange), conflicts: conflicts.map(toConflict) };
      return { kind: 'ok', response: pullPage(rows, limit) };
    });
    // Through the write lock: a push's transaction on this same connection must never be visible half-done.
    return this.lock.run(() => Promise.resolve(read.deferred()));
  }

  putBlob(sha256: string, bytes: Uint8Array, now: string): Promise<void> {
    return this.write(() => {
      this.db.prepare('INSERT OR IGNORE INTO blobs (sha256, size, data, created_at) VALUES (?, ?, ?, ?)')
        .run(sha256, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), now);
    });
  }

  getBlob(sha256: string): Promise<Uint8Array | undefined> {
    const row = this.db.prepare('SELECT data FROM blobs WHERE sha256 = ?').get(sha256) as { data: Buffer } | undefined;
    return Promise.resolve(row ? new Uint8Array(row.data) : undefined);
  }

  mutationLog(): Promise<LoggedMutation[]> {
    const rows = this.db.prepare('SELECT * FROM mutation_log ORDER BY seq').all() as LogDbRow[];
    return Promise.resolve(rows.map(toLogged));
  }

  auditPush(deviceId: string, entries: readonly WireAuditEntry[], now: string): Promise<AuditPushOutcome> {
    return this.write(() => runAuditPush(this.auditTx, deviceId, entries, now));
  }

  auditChains(): Promise<AuditChainInfo[]> {
    return Promise.resolve(sqliteAuditChains(this.db));
  }

  auditPage(deviceId: string, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
    return Promise.resolve(sqliteAuditPage(this.db, deviceId, afterSeq, limit));
  }

  close(): Promise<void> {
    return this.lock.run(() => {
      this.db.close();
      return Promise.resolve();
    });
  }
}
