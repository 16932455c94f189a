/*
 * The audit page's reads (issue #13): entries filtered by user, period, record and action, newest first, one page at
 * a time. Each condition is answered by its own index of the audit table (schema v4: user, action, at, entityId) as
 * a set of seq keys; the sets are intersected and only the page's entries are read, so a 50,000-entry import costs
 * key reads, not entry reads.
 */
import type { AuditAction, AuditEntry } from '../../shared/audit/audit-chain';
import type { LedgerDb } from './db';

/** What the audit page filters by; absent conditions match everything. */
export interface AuditFilter {
  /** The login that wrote the entries ('sync' for changes pulled from the server). */
  readonly user?: string;
  /** Entries at or after this instant (ISO). */
  readonly since?: string;
  /** Entries before this instant (ISO). */
  readonly until?: string;
  /** Entries about any of these records (an invoice's id, a case's, a login, a file name). */
  readonly entityIds?: readonly string[];
  /** Entries of any of these actions. */
  readonly actions?: readonly AuditAction[];
}

/** Which slice of the filtered entries to read (newest first). */
export interface AuditPaging {
  readonly offset: number;
  readonly limit: number;
}

/** One page of filtered entries, newest first, and how many entries match in all. */
export interface AuditPage {
  readonly entries: AuditEntry[];
  readonly total: number;
}

/** The seq keys matching each present condition (undefined when there is no condition at all). */
async function matchingKeys(db: LedgerDb, f: AuditFilter): Promise<Set<number> | undefined> {
  const reads: Promise<number[]>[] = [];
  const keys = (p: Promise<unknown[]>) => p as Promise<number[]>;
  if (f.user !== undefined) reads.push(keys(db.audit.where('user').equals(f.user).primaryKeys()));
  if (f.actions !== undefined) reads.push(keys(db.audit.where('action').anyOf([...f.actions]).primaryKeys()));
  if (f.entityIds !== undefined) reads.push(keys(db.audit.where('entityId').anyOf([...f.entityIds]).primaryKeys()));
  if (f.since !== undefined || f.until !== undefined) {
    const at = db.audit.where('at');
    const range = f.since !== undefined && f.until !== undefined ? at.between(f.since, f.until, true, false)
      : f.since !== undefined ? at.aboveOrEqual(f.since) : at.below(f.until ?? '');
    reads.push(keys(range.primaryKeys()));
  }
  if (reads.length === 0) return undefined;
  const [first, ...rest] = await Promise.all(reads);
  let set = new Set(first);
  for (const other of rest) {
    const next = new Set<number>();
    for (const k of other) if (set.has(k)) next.add(k);
    set = next;
  }
  return set;
}

/** A page of the audit entries matching `filter`, newest (highest seq) first. */
export async function queryAudit(db: LedgerDb, filter: AuditFilter, paging: AuditPaging): Promise<AuditPage> {
  const offset = Math.max(0, Math.floor(paging.offset));
  const limit = Math.max(0, Math.floor(paging.limit));
  return db.transaction('r', db.audit, async () => {
    const matching = await matchingKeys(db, filter);
    if (matching === undefined) {
      const total = await db.audit.count();
      const entries = await db.audit.orderBy('seq').reverse().offset(offset).limit(limit).toArray();
      return { entries, total };
    }
    const seqs = [...matching].sort((a, b) => b - a);
    const rows = await db.audit.bulkGet(seqs.slice(offset, offset + limit));
    return { entries: rows.filter((e): e is AuditEntry => e !== undefined), total: seqs.length };
  });
}

/** Every login that appears in the audit trail, sorted (for the user filter). */
export async function auditUsers(db: LedgerDb): Promise<string[]> {
  return (await db.audit.orderBy('user').uniqueKeys()).filter((k): k is string => typeof k === 'string');
}
