import type Database from 'better-sqlite3';
import type { AuditTx } from '../audit/audit-push';
import { AUDIT_CHAINS_SQL, json, toChainInfo, toStoredAudit, type AuditDbRow } from './rows';
import type { AuditChainInfo, StoredAuditEntry } from './store';

/** The audit push steps over one better-sqlite3 connection (inside the store's BEGIN IMMEDIATE). */
export function sqliteAuditTx(db: Database.Database): AuditTx {
  const q = {
    head: db.prepare('SELECT seq, hash FROM audit_entries WHERE device_id = ? ORDER BY seq DESC LIMIT 1'),
    hashes: db.prepare('SELECT seq, hash FROM audit_entries WHERE device_id = ? AND seq BETWEEN ? AND ?'),
    append: db.prepare('INSERT INTO audit_entries (device_id, seq, hash, prev_hash, entry, received_at) VALUES (?, ?, ?, ?, ?, ?)'),
  };
  return {
    head: (deviceId) => Promise.resolve(q.head.get(deviceId) as { seq: number; hash: string } | undefined),
    hashes: (deviceId, from, to) => {
      const rows = q.hashes.all(deviceId, from, to) as { seq: number; hash: string }[];
      return Promise.resolve(new Map(rows.map((r) => [r.seq, r.hash])));
    },
    append: (deviceId, e, now) => {
      q.append.run(deviceId, e.seq, e.hash, e.prevHash, json(e), now);
      return Promise.resolve();
    },
  };
}

/** Devices with audit entries. */
export function sqliteAuditChains(db: Database.Database): AuditChainInfo[] {
  return (db.prepare(AUDIT_CHAINS_SQL).all() as { device_id: string; name: string | null; count: number }[]).map(toChainInfo);
}

/** One page of a device's stored audit entries. */
export function sqliteAuditPage(db: Database.Database, deviceId: string, afterSeq: number, limit: number): StoredAuditEntry[] {
  const rows = db.prepare('SELECT seq, hash, prev_hash, entry, received_at FROM audit_entries WHERE device_id = ? AND seq > ? ORDER BY seq LIMIT ?')
    .all(deviceId, afterSeq, limit) as AuditDbRow[];
  return rows.map(toStoredAudit);
}
