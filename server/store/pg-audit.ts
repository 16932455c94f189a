import type pg from 'pg';
import type { AuditTx } from '../audit/audit-push';
import { AUDIT_CHAINS_SQL, json, toChainInfo, toStoredAudit, type AuditDbRow } from './rows';
import type { AuditChainInfo, StoredAuditEntry } from './store';

/** Serialises audit pushes of one device (two at once would both read the same head). */
export const AUDIT_LOCK_SQL = 'SELECT pg_advisory_xact_lock(87870002, hashtext($1))';

/** The audit push steps over one PostgreSQL connection, after AUDIT_LOCK_SQL in the same transaction. */
export function pgAuditTx(c: pg.PoolClient): AuditTx {
  return {
    head: async (deviceId) => {
      const row = (await c.query<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_entries WHERE device_id = $1 ORDER BY seq DESC LIMIT 1', [deviceId])).rows[0];
      return row ? { seq: Number(row.seq), hash: row.hash } : undefined;
    },
    hashes: async (deviceId, from, to) => {
      const rows = (await c.query<{ seq: string; hash: string }>(
        'SELECT seq, hash FROM audit_entries WHERE device_id = $1 AND seq BETWEEN $2 AND $3', [deviceId, from, to])).rows;
      return new Map(rows.map((r) => [Number(r.seq), r.hash]));
    },
    append: async (deviceId, e, now) => {
      await c.query('INSERT INTO audit_entries (device_id, seq, hash, prev_hash, entry, received_at) VALUES ($1, $2, $3, $4, $5, $6)',
        [deviceId, e.seq, e.hash, e.prevHash, json(e), now]);
    },
  };
}

/** Devices with audit entries. */
export async function pgAuditChains(pool: pg.Pool): Promise<AuditChainInfo[]> {
  return (await pool.query<{ device_id: string; name: string | null; count: string }>(AUDIT_CHAINS_SQL)).rows.map(toChainInfo);
}

/** One page of a device's stored audit entries. */
export async function pgAuditPage(pool: pg.Pool, deviceId: string, afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
  const rows = (await pool.query<AuditDbRow>(
    'SELECT seq, hash, prev_hash, entry, received_at FROM audit_entries WHERE device_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
    [deviceId, afterSeq, limit])).rows;
  return rows.map(toStoredAudit);
}
