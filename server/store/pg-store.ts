import pg from 'pg';
import type { PushRequest, WireAuditEntry } from '../../shared/sync/protocol';
import { runAuditPush, type AuditPushOutcome } from '../audit/audit-push';
import type { SyncEntity } from '../../shared/sync/entities';
import { pullPage } from '../sync/pull';
import { runPush, type PushTx } from '../sync/push';
import { newEpochId } from './epoch';
import { USER_ROWS_SQL, json, toConflict, toLogged, toRecordChange, toStoredRecord, toUserRow, type ConflictRow, type LogDbRow, type RecordRow, type UserDbRow } from './rows';
import { AUDIT_LOCK_SQL, pgAuditChains, pgAuditPage, pgAuditTx } from './pg-audit';
import { schemaSql } from './schema';
import type { AuditChainInfo, DeviceIdentity, LoggedMutation, NewDevice, PullOutcome, PushOutcome, StoredAuditEntry, SyncStore } from './store';

type Client = pg.PoolClient;

async function one<T extends pg.QueryResultRow>(c: Client, sql: string, params: unknown[]): Promise<T | undefined> {
  return (await c.query<T>(sql, params)).rows[0];
}

/** The transaction steps of a push over one PostgreSQL connection; the sync_state row lock is taken first. */
function pgPushTx(c: Client): PushTx {
  return {
    epochAndVersion: async () => {
      const row = await one<{ epoch: string; version: string }>(c, 'SELECT epoch, version FROM sync_state WHERE id = 1 FOR UPDATE', []);
      if (!row) throw new Error('sync_state row missing');
      return { epoch: row.epoch, version: Number(row.version) };
    },
    setVersion: async (version) => {
      await c.query('UPDATE sync_state SET version = $1 WHERE id = 1', [version]);
    },
    lastMutationId: async (deviceId) => {
      const row = await one<{ id: string }>(c, 'SELECT last_mutation_id AS id FROM clients WHERE device_id = $1', [deviceId]);
      return row ? Number(row.id) : 0;
    },
    setLastMutationId: async (deviceId, id) => {
      await c.query(`INSERT INTO clients (device_id, last_mutation_id) VALUES ($1, $2)
        ON CONFLICT (device_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id`, [deviceId, id]);
    },
    loggedVersion: async (deviceId, mutationId) => {
      const row = await one<{ version: string | null }>(c, 'SELECT version FROM mutation_log WHERE device_id = $1 AND mutation_id = $2', [deviceId, mutationId]);
      return row?.version == null ? null : Number(row.version);
    },
    getRecord: async (entity, entityId) => {
      const row = await one<RecordRow>(c, 'SELECT * FROM records WHERE entity = $1 AND entity_id = $2', [entity, entityId]);
      return row ? toStoredRecord(row) : undefined;
    },
    putRecord: async (entity, entityId, r) => {
      await c.query(`INSERT INTO records (entity, entity_id, version, deleted, data, field_versions) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (entity, entity_id) DO UPDATE SET version = excluded.version, deleted = excluded.deleted,
        data = excluded.data, field_versions = excluded.field_versions`,
      [entity, entityId, r.version, r.deleted ? 1 : 0, json(r.data), json(r.fields)]);
    },
    insertConflict: async (k) => {
      const row = await one<{ id: string }>(c, `INSERT INTO conflicts (version, entity, entity_id, field, base_value, server_value,
        client_value, server_device_id, server_at, client_device_id, client_at, client_mutation_id)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id`,
      [k.version, k.entity, k.entityId, k.field, json(k.baseValue), json(k.serverValue), json(k.clientValue),
        k.serverDeviceId, k.serverAt, k.clientDeviceId, k.clientAt, k.mutationId]);
      return Number(row?.id);
    },
    getConflicts: async (ids) => {
      if (ids.length === 0) return [];
      const rows = (await c.query<{ id: string; entity: string; entity_id: string; resolved: string }>(
        'SELECT id, entity, entity_id, resolved FROM conflicts WHERE id = ANY($1::bigint[]) ORDER BY id', [ids])).rows;
      return rows.map((r) => ({ id: Number(r.id), entity: r.entity, entityId: r.entity_id, resolved: Number(r.resolved) === 1 }));
    },
    resolveConflict: async (id, version, by, at) => {
      await c.query('UPDATE conflicts SET resolved = 1, version = $1, resolved_by = $2, resolved_at = $3 WHERE id = $4', [version, by, at, id]);
    },
    insertLog: async (row) => {
      await c.query(`INSERT INTO mutation_log (device_id, mutation_id, entity, entity_id, op, status, reason, version, payload, received_at, seq)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, (SELECT COALESCE(MAX(seq), 0) + 1 FROM mutation_log))`,
      [row.deviceId, row.mutation.id, row.mutation.entity, row.mutation.entityId, row.mutation.op, row.status, row.reason,
        row.version, json(row.mutation), row.at]);
    },
    userRecords: async () => (await c.query<UserDbRow>(USER_ROWS_SQL)).rows.map(toUserRow),
  };
}

/** Options for the PostgreSQL store; `schema` keeps test runs apart inside one database. */
export interface PgStoreOptions {
  readonly connectionString: string;
  readonly schema?: string;
  /** Test hook: pause after each mutation inside the push transaction (see runPush). */
  readonly pushPauseMs?: number;
}

/** The scale-out store: PostgreSQL, same tables and rules as SQLite; versions assigned under a row lock on sync_state. */
export class PgStore implements SyncStore {
  readonly kind = 'postgres';

  private constructor(private readonly pool: pg.Pool, private readonly pushPauseMs: number) {}

  static async open(options: PgStoreOptions): Promise<PgStore> {
    const schema = options.schema;
    if (schema !== undefined && !/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`bad schema name ${schema}`);
    const config: pg.PoolConfig = { connectionString: options.connectionString, max: 8 };
    if (schema !== undefined) config.options = `-c search_path=${schema}`;
    const pool = new pg.Pool(config);
    // An idle connection dropped by the server must not crash the process.
    pool.on('error', (error) => { console.error('postgres pool:', error.message); });
    const store = new PgStore(pool, options.pushPauseMs ?? 0);
    await store.tx(async (c) => {
      // Two servers starting at once on an empty database must not race on CREATE TABLE.
      await c.query('SELECT pg_advisory_xact_lock(87870001)');
      if (schema !== undefined) await c.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
      for (const sql of schemaSql('postgres')) await c.query(sql);
      await c.query('INSERT INTO sync_state (id, version, epoch) VALUES (1, 0, $1) ON CONFLICT (id) DO NOTHING', [newEpochId()]);
    });
    return store;
  }

  private async tx<T>(body: (c: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const c = await this.pool.connect();
    try {
      await c.query(begin);
      const result = await body(c);
      await c.query('COMMIT');
      return result;
    } catch (error) {
      await c.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      c.release();
    }
  }

  async epoch(): Promise<string> {
    const row = (await this.pool.query<{ epoch: string }>('SELECT epoch FROM sync_state WHERE id = 1')).rows[0];
    if (!row) throw new Error('sync_state row missing');
    return row.epoch;
  }

  newEpoch(): Promise<string> {
    return this.tx(async (c) => {
      const epoch = newEpochId();
      await c.query('UPDATE sync_state SET epoch = $1 WHERE id = 1', [epoch]);
      return epoch;
    });
  }

  async addEnrollmentCode(codeHash: string, now: string): Promise<void> {
    await this.pool.query('INSERT INTO enrollment_codes (code_hash, created_at) VALUES ($1, $2) ON CONFLICT DO NOTHING', [codeHash, now]);
  }

  enroll(codeHash: string, device: NewDevice, now: string): Promise<boolean> {
    return this.tx(async (c) => {
      const used = await c.query('UPDATE enrollment_codes SET used_at = $1, used_by = $2 WHERE code_hash = $3 AND used_at IS NULL',
        [now, device.deviceId, codeHash]);
      if (used.rowCount !== 1) return false;
      await c.query('INSERT INTO devices (device_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4)',
        [device.deviceId, device.name, device.tokenHash, now]);
      return true;
    });
  }

  async deviceForToken(tokenHash: string): Promise<DeviceIdentity | undefined> {
    const row = (await this.pool.query<{ device_id: string; name: string }>(
      'SELECT device_id, name FROM devices WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash])).rows[0];
    return row ? { deviceId: row.device_id, name: row.name } : undefined;
  }

  async revoke(deviceId: string, now: string): Promise<boolean> {
    const info = await this.pool.query('UPDATE devices SET revoked_at = COALESCE(revoked_at, $1) WHERE device_id = $2', [now, deviceId]);
    return info.rowCount === 1;
  }

  push(deviceId: string, request: PushRequest, now: string): Promise<PushOutcome> {
    return this.tx((c) => runPush(pgPushTx(c), deviceId, request, now, this.pushPauseMs));
  }

  pull(deviceId: string, epoch: string, since: number, limit: number, entities: readonly SyncEntity[]): Promise<PullOutcome> {
    return this.tx(async (c): Promise<PullOutcome> => {
      const state = await one<{ epoch: string; version: string }>(c, 'SELECT epoch, version FROM sync_state WHERE id = 1', []);
      if (!state) throw new Error('sync_state row missing');
      if (state.epoch !== epoch) {
        const row = await one<{ id: string }>(c, 'SELECT last_mutation_id AS id FROM clients WHERE device_id = $1', [deviceId]);
        return { kind: 'epoch_changed', epoch: state.epoch, lastMutationId: row ? Number(row.id) : 0 };
      }
      const only = [...entities];
      const records = (await c.query<RecordRow>('SELECT * FROM records WHERE version > $1 AND entity = ANY($3::text[]) ORDER BY version LIMIT $2', [since, limit + 1, only])).rows;
      const conflicts = (await c.query<ConflictRow>('SELECT * FROM conflicts WHERE version > $1 AND entity = ANY($3::text[]) ORDER BY version LIMIT $2', [since, limit + 1, only])).rows;
      const rows = { epoch: state.epoch, currentVersion: Number(state.version), changes: records.map(toRecordChange), conflicts: conflicts.map(toConflict) };
      return { kind: 'ok', response: pullPage(rows, limit) };
    }, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
  }

  async putBlob(sha256: string, bytes: Uint8Array, now: string): Promise<void> {
    await this.pool.query('INSERT INTO blobs (sha256, size, data, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
      [sha256, bytes.byteLength, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), now]);
  }

  async getBlob(sha256: string): Promise<Uint8Array | undefined> {
    const row = (await this.pool.query<{ data: Buffer }>('SELECT data FROM blobs WHERE sha256 = $1', [sha256])).rows[0];
    return row ? new Uint8Array(row.data) : undefined;
  }

  async mutationLog(): Promise<LoggedMutation[]> {
    const rows = (await this.pool.query<LogDbRow>('SELECT * FROM mutation_log ORDER BY seq')).rows;
    return rows.map(toLogged);
  }

  auditPush(deviceId: string, entries: readonly WireAuditEntry[], now: string): Promise<AuditPushOutcome> {
    return this.tx(async (c) => {
      await c.query(AUDIT_LOCK_SQL, [deviceId]);
      return runAuditPush(pgAuditTx(c), deviceId, entries, now);
    });
  }

  auditChains(): Promise<AuditChainInfo[]> {
    return pgAuditChains(this.pool);
  }

  auditPage(deviceId: string, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
    return pgAuditPage(this.pool, deviceId, afterSeq, limit);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
