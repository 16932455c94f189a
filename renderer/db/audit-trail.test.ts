import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { Actor } from '../../shared/auth/roles';
import { auditTrailApi } from './audit-trail';
import { InvoiceRepository } from './invoice-repository';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';

async function setup(actor: Actor) {
  const { db, ctx } = makeTestDb(actor);
  const admin = makeTestDb().ctx;
  const repo = new InvoiceRepository(db, { ...admin, now: ctx.now, newId: ctx.newId });
  for (let i = 0; i < 3; i++) if (!(await repo.create(sampleContent(i), { warnings: [] })).ok) throw new Error('setup');
  return { db, ctx, trail: auditTrailApi(db, ctx) };
}

describe('auditTrailApi', () => {
  it('exports the whole chain for an auditor, with the filtered entries and who exports where', async () => {
    const { trail } = await setup({ login: 'shen', role: 'auditor' });
    const r = await trail.forExport({ actions: ['create'], record: '' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.chain.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.value.view?.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(r.value).toMatchObject({ by: 'shen', device: 'test-pc · 00000000' });
  });

  it('refuses a clerk the export and the on-demand verification, and audits each refusal', async () => {
    const { db, trail } = await setup({ login: 'li', role: 'clerk' });
    const exported = await trail.forExport();
    expect(exported).toMatchObject({ ok: false, error: { action: 'audit.export', needs: ['auditor', 'admin'] } });
    const verified = await trail.verifyNow();
    expect(verified).toMatchObject({ ok: false, error: { action: 'audit.verify' } });
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.slice(-2)).toEqual([
      expect.objectContaining({ action: 'refused', user: 'li', device: 'test-pc · 00000000', after: expect.objectContaining({ action: 'audit.export' }) as unknown }),
      expect.objectContaining({ action: 'refused', user: 'li', after: expect.objectContaining({ action: 'audit.verify' }) as unknown }),
    ]);
    expect(verifyChain(audit).ok).toBe(true);
  });

  it('runs the daily verification only when it is due, for whoever is signed in', async () => {
    const { db, ctx, trail } = await setup({ login: 'li', role: 'clerk' });
    const first = await trail.verifyIfDue();
    expect(first).toMatchObject({ by: 'li', broken: null, count: 3 });
    const again = await trail.verifyIfDue();
    expect(again).toEqual(first);
    expect(await db.audit.where('action').equals('auditVerify').count()).toBe(1);
    for (let i = 0; i < 24 * 3600; i++) ctx.tick();
    expect((await trail.verifyIfDue()).at).not.toBe(first.at);
    expect(await db.audit.where('action').equals('auditVerify').count()).toBe(2);
  });

  it('records events as the signed-in user on this device', async () => {
    const { db, trail } = await setup({ login: 'shen', role: 'auditor' });
    await trail.record({ action: 'export', entity: 'export', entityId: '台账.xlsx', after: { file: '台账.xlsx', rows: 3 } });
    expect(await db.audit.orderBy('seq').last()).toMatchObject({ action: 'export', user: 'shen', device: 'test-pc · 00000000', entityId: '台账.xlsx', after: { rows: 3 } });
  });

  it('finds entries by a typed invoice number as well as by a record id', async () => {
    const { db, trail } = await setup({ login: 'shen', role: 'auditor' });
    const inv = await db.invoices.toCollection().first();
    if (!inv) throw new Error('setup');
    const byNumber = await trail.page({ record: inv.number }, { offset: 0, limit: 10 });
    expect(byNumber.entries.map((e) => e.entityId)).toEqual([inv.id]);
    const byId = await trail.page({ record: inv.id }, { offset: 0, limit: 10 });
    expect(byId.total).toBe(1);
  });
});
