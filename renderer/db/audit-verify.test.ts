import { describe, expect, it } from 'vitest';
import { chainEntry, verifyChain, type AuditEntry } from '../../shared/audit/audit-chain';
import type { LedgerDb } from './db';
import { InvoiceRepository } from './invoice-repository';
import { sampleContent } from './sync-fixtures';
import { checkAuditChain, isVerificationDue, lastAuditVerification, verifyAuditTrail } from './audit-verify';
import { queryAudit } from './audit-query';
import { makeTestDb } from './test-db';

const WHO = { user: 'auditor1', device: 'audit-pc · 11111111' };
/** Entries in the long-chain test; FAPIAO_AUDIT_ENTRIES=50000 for the figure in the report. */
const LONG = Number(process.env['FAPIAO_AUDIT_ENTRIES'] ?? '4500');
const AT = '2026-02-01T08:00:00.000Z';

/** A ledger with `n` audited changes (creates and edits of invoices). */
async function ledger(n: number): Promise<LedgerDb> {
  const { db, ctx } = makeTestDb();
  const repo = new InvoiceRepository(db, ctx);
  for (let i = 0; i < n; i++) {
    const r = await repo.create(sampleContent(i), { warnings: [] });
    if (!r.ok) throw new Error('setup');
  }
  return db;
}

const all = (db: LedgerDb) => db.audit.orderBy('seq').toArray();
const at = async (db: LedgerDb, seq: number): Promise<AuditEntry> => {
  const e = await db.audit.get(seq);
  if (!e) throw new Error(`no entry ${String(seq)}`);
  return e;
};

describe('checkAuditChain', () => {
  it('passes an intact chain and reports its head', async () => {
    const db = await ledger(5);
    const r = await checkAuditChain(db);
    const last = await at(db, 5);
    expect(r).toEqual({ count: 5, head: { seq: 5, hash: last.hash }, broken: null });
  });

  it('passes an empty chain', async () => {
    const { db } = makeTestDb();
    expect(await checkAuditChain(db)).toMatchObject({ count: 0, broken: null, head: { seq: 0 } });
  });

  it('names an edited entry (its content no longer hashes to its hash)', async () => {
    const db = await ledger(6);
    await db.audit.put({ ...(await at(db, 4)), user: 'someone-else' });
    const r = await checkAuditChain(db);
    expect(r.broken).toEqual({ seq: 4, reason: 'hash', entry: expect.objectContaining({ seq: 4, user: 'someone-else', action: 'create' }) as unknown });
    expect(r.count).toBe(3);
    expect(verifyChain(await all(db))).toEqual({ ok: false, seq: 4, reason: 'hash' });
  });

  it('names a deleted entry by its seq (a gap), also the first one', async () => {
    const db = await ledger(6);
    await db.audit.delete(3);
    expect((await checkAuditChain(db)).broken).toMatchObject({ seq: 3, reason: 'gap', entry: { seq: 4 } });
    const first = await ledger(3);
    await first.audit.delete(1);
    expect((await checkAuditChain(first)).broken).toMatchObject({ seq: 1, reason: 'gap', entry: { seq: 2 } });
  });

  it('names an inserted entry, even one forged with a correct hash: the first entry that no longer links', async () => {
    const db = await ledger(5);
    const entries = await all(db);
    // Forged at seq 3, hashed correctly after entry 2; entries 3..5 moved up one place with their old content.
    const forged = chainEntry({ at: AT, user: 'forger', action: 'delete', entity: 'invoice', entityId: 'x', before: null, after: null }, entries[1]);
    await db.audit.bulkPut([forged, ...entries.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))]);
    expect((await checkAuditChain(db)).broken).toMatchObject({ seq: 4, reason: 'link' });
    // Sloppy forgery (hash not recomputed): named itself.
    const db2 = await ledger(5);
    const e2 = await all(db2);
    await db2.audit.bulkPut([{ ...forged, hash: 'f'.repeat(64) }, ...e2.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }))]);
    expect((await checkAuditChain(db2)).broken).toMatchObject({ seq: 3, reason: 'hash' });
  });

  it('names reordered entries (two swapped): the first of them', async () => {
    const db = await ledger(6);
    const [a, b] = [await at(db, 3), await at(db, 4)];
    await db.audit.bulkPut([{ ...b, seq: 3 }, { ...a, seq: 4 }]);
    const r = await checkAuditChain(db);
    expect(r.broken).toMatchObject({ seq: 3, reason: 'link', entry: { entityId: b.entityId } });
    expect(verifyChain(await all(db))).toMatchObject({ ok: false, seq: 3 });
  });

  it(`reads long chains page by page (${String(LONG)} entries)`, async () => {
    const { db } = makeTestDb();
    const entries: AuditEntry[] = [];
    for (let i = 0; i < LONG; i++) {
      entries.push(chainEntry({ at: AT, user: `u${String(i % 7)}`, device: 'pc', action: 'update', entity: 'invoice', entityId: `inv-${String(i % 997)}`, before: { remarks: '' }, after: { remarks: `第${String(i)}次` } }, entries.at(-1)));
    }
    await db.audit.bulkAdd(entries);
    const started = performance.now();
    expect(await checkAuditChain(db)).toMatchObject({ count: LONG, broken: null });
    const verified = performance.now();
    const page = await queryAudit(db, { user: 'u3', entityIds: ['inv-5'] }, { offset: 0, limit: 50 });
    const queried = performance.now();
    console.log(`audit chain: ${String(LONG)} entries verified in ${((verified - started) / 1000).toFixed(2)} s; one filtered page in ${(queried - verified).toFixed(0)} ms (fake-indexeddb)`);
    expect(page.entries.every((e) => e.user === 'u3' && e.entityId === 'inv-5')).toBe(true);
    const bad = LONG - 300;
    await db.audit.put({ ...entries[bad - 1]!, entityId: 'changed' });
    expect((await checkAuditChain(db)).broken).toMatchObject({ seq: bad, reason: 'hash' });
  }, 600_000);
});

describe('verifyAuditTrail', () => {
  it('stores the result in meta and audits the verification with the user and device', async () => {
    const db = await ledger(3);
    const r = await verifyAuditTrail(db, WHO, AT, 'manual');
    expect(r).toMatchObject({ at: AT, by: 'auditor1', count: 3, broken: null, head: { seq: 3 } });
    expect(await lastAuditVerification(db)).toEqual(r);
    const last = await at(db, 4);
    expect(last).toMatchObject({ action: 'auditVerify', user: 'auditor1', device: WHO.device, after: { ok: true, count: 3, trigger: 'manual', headSeq: 3 } });
    expect(verifyChain(await all(db)).ok).toBe(true);
  });

  it('audits a failed verification with the first bad seq, and keeps the last good head', async () => {
    const db = await ledger(4);
    const good = await verifyAuditTrail(db, WHO, AT, 'daily');
    await db.audit.put({ ...(await at(db, 2)), after: { total: 1 } });
    const r = await verifyAuditTrail(db, WHO, '2026-02-02T08:00:00.000Z', 'daily');
    expect(r.broken).toMatchObject({ seq: 2, reason: 'hash' });
    expect(r.head).toEqual(good.head);
    expect((await db.audit.orderBy('seq').last())?.after).toMatchObject({ ok: false, seq: 2, reason: 'hash', trigger: 'daily' });
  });

  it('reports entries cut from the end since the last verification', async () => {
    const db = await ledger(5);
    await verifyAuditTrail(db, WHO, AT, 'manual');
    await db.audit.bulkDelete([4, 5, 6]);
    const r = await verifyAuditTrail(db, WHO, AT, 'manual');
    expect(r.broken).toEqual({ seq: 4, reason: 'missing', entry: null });
  });

  it('reports a chain recomputed from some point on (the head verified before has another hash now)', async () => {
    const db = await ledger(4);
    await verifyAuditTrail(db, WHO, AT, 'manual');
    // A careful forger rewrites entry 3 and rehashes everything after it: the chain itself verifies again.
    const entries = await all(db);
    const rewritten: AuditEntry[] = entries.slice(0, 2);
    for (const e of entries.slice(2)) rewritten.push(chainEntry({ ...e, user: e.seq === 3 ? 'forger' : e.user }, rewritten.at(-1)));
    await db.audit.bulkPut(rewritten);
    expect((await checkAuditChain(db)).broken).toBeNull();
    const r = await verifyAuditTrail(db, WHO, AT, 'manual');
    expect(r.broken).toMatchObject({ seq: 4, reason: 'changed' });
  });
});

describe('isVerificationDue', () => {
  it('is due when never verified or verified a day ago or more', async () => {
    const db = await ledger(1);
    expect(isVerificationDue(null, AT)).toBe(true);
    const r = await verifyAuditTrail(db, WHO, AT, 'daily');
    expect(isVerificationDue(r, '2026-02-02T07:59:59.000Z')).toBe(false);
    expect(isVerificationDue(r, '2026-02-02T08:00:00.000Z')).toBe(true);
  });
});
