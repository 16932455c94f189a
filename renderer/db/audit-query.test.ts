import { describe, expect, it } from 'vitest';
import { chainEntry, type AuditAction, type AuditEntry } from '../../shared/audit/audit-chain';
import { auditUsers, queryAudit } from './audit-query';
import { makeTestDb } from './test-db';

/** A chain of entries from a compact description: [user, action, entityId, at]. */
async function seeded(rows: readonly (readonly [string, AuditAction, string, string])[]) {
  const { db } = makeTestDb();
  const entries: AuditEntry[] = [];
  for (const [user, action, entityId, at] of rows) {
    entries.push(chainEntry({ at, user, device: 'pc · 1', action, entity: 'invoice', entityId, before: null, after: null }, entries.at(-1)));
  }
  await db.audit.bulkAdd(entries);
  return db;
}

const ROWS = [
  ['clerk1', 'create', 'inv-a', '2026-03-01T09:00:00.000Z'],
  ['clerk1', 'update', 'inv-a', '2026-03-01T10:00:00.000Z'],
  ['clerk2', 'create', 'inv-b', '2026-03-02T09:00:00.000Z'],
  ['auditor', 'status', 'inv-a', '2026-03-03T09:00:00.000Z'],
  ['clerk2', 'delete', 'inv-b', '2026-03-04T09:00:00.000Z'],
  ['admin', 'signIn', 'admin', '2026-03-04T10:00:00.000Z'],
  ['clerk1', 'export', '台账.xlsx', '2026-03-05T09:00:00.000Z'],
] as const;

const seqs = (p: { entries: AuditEntry[] }) => p.entries.map((e) => e.seq);
const ALL = { offset: 0, limit: 100 };

describe('queryAudit', () => {
  it('lists everything newest first when nothing is filtered, a page at a time', async () => {
    const db = await seeded(ROWS);
    expect(seqs(await queryAudit(db, {}, ALL))).toEqual([7, 6, 5, 4, 3, 2, 1]);
    const page = await queryAudit(db, {}, { offset: 2, limit: 3 });
    expect({ seqs: seqs(page), total: page.total }).toEqual({ seqs: [5, 4, 3], total: 7 });
  });

  it('filters by user', async () => {
    const db = await seeded(ROWS);
    const p = await queryAudit(db, { user: 'clerk1' }, ALL);
    expect({ seqs: seqs(p), total: p.total }).toEqual({ seqs: [7, 2, 1], total: 3 });
  });

  it('filters by action (any of several)', async () => {
    const db = await seeded(ROWS);
    expect(seqs(await queryAudit(db, { actions: ['create', 'delete'] }, ALL))).toEqual([5, 3, 1]);
  });

  it('filters by record id', async () => {
    const db = await seeded(ROWS);
    expect(seqs(await queryAudit(db, { entityIds: ['inv-a'] }, ALL))).toEqual([4, 2, 1]);
    expect(seqs(await queryAudit(db, { entityIds: ['inv-b', '台账.xlsx'] }, ALL))).toEqual([7, 5, 3]);
  });

  it('filters by period: since inclusive, until exclusive, or either alone', async () => {
    const db = await seeded(ROWS);
    expect(seqs(await queryAudit(db, { since: '2026-03-02T00:00:00.000Z', until: '2026-03-04T09:00:00.000Z' }, ALL))).toEqual([4, 3]);
    expect(seqs(await queryAudit(db, { since: '2026-03-04T09:00:00.000Z' }, ALL))).toEqual([7, 6, 5]);
    expect(seqs(await queryAudit(db, { until: '2026-03-01T10:00:00.000Z' }, ALL))).toEqual([1]);
  });

  it('combines conditions (all must hold) and pages the combined result', async () => {
    const db = await seeded(ROWS);
    const f = { user: 'clerk1', entityIds: ['inv-a'], since: '2026-03-01T09:30:00.000Z' };
    expect(seqs(await queryAudit(db, f, ALL))).toEqual([2]);
    const p = await queryAudit(db, { user: 'clerk2', actions: ['create', 'delete'] as AuditAction[] }, { offset: 1, limit: 1 });
    expect({ seqs: seqs(p), total: p.total }).toEqual({ seqs: [3], total: 2 });
    expect((await queryAudit(db, { user: 'nobody', actions: ['create'] }, ALL))).toEqual({ entries: [], total: 0 });
  });

  it('lists the users that appear, once each', async () => {
    const db = await seeded(ROWS);
    expect(await auditUsers(db)).toEqual(['admin', 'auditor', 'clerk1', 'clerk2']);
  });
});
