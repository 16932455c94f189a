import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { InvoiceCase } from '../../shared/cases/types';
import { fen } from '../../shared/domain/money';
import type { PullResponse, RecordChange } from '../../shared/sync/protocol';
import { CaseRepository } from './case-repository';
import { SyncRepository } from './sync-repository';
import { makeTestDb } from './test-db';

function setup() {
  const { db, ctx } = makeTestDb();
  return { db, ctx, cases: new CaseRepository(db, ctx), sync: new SyncRepository(db, ctx.now) };
}

const page = (changes: RecordChange[], version: number): PullResponse => ({ epoch: 'e1', version, changes, conflicts: [], hasMore: false });
const remote = (c: InvoiceCase, version: number, patch: Partial<InvoiceCase> = {}): RecordChange =>
  ({ entity: 'case', entityId: c.id, version, deleted: false, data: { ...c, ...patch } });
const ref = { kind: null, code: '', number: '01234567', issueDate: '', seller: { name: '某公司', taxId: '' }, total: fen(100) };

describe('SyncRepository with the entities of issue #11', () => {
  it('puts a pulled case and contact entry into their own tables, audited as sync', async () => {
    const { db, sync } = setup();
    const other = setup();
    const c = await other.cases.open({ title: '别人开的', origin: 'manual', ref, invoiceId: null, findingKey: null });
    const e = await other.cases.addContact(c.id, { date: '2026-03-01', channel: 'visit', person: '李', summary: '', nextStep: '', followUp: '' });
    const r = await sync.applyPull(page([remote(c, 1), { entity: 'caseContact', entityId: e.id, version: 2, deleted: false, data: { ...e } }], 2));
    expect(r.applied).toBe(2);
    expect(await db.cases.get(c.id)).toMatchObject({ title: '别人开的', version: 1, updatedBy: 'sync' });
    expect(await db.contacts.get(e.id)).toMatchObject({ caseId: c.id, channel: 'visit', version: 2 });
    expect(await db.invoices.count()).toBe(0);
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.map((a) => [a.action, a.entity, a.before])).toEqual([['sync', 'case', null], ['sync', 'caseContact', null]]);
    expect(verifyChain(audit).ok).toBe(true);
  });

  it('never overwrites a case field with a pending local change, but takes the other fields', async () => {
    const { db, ctx, cases, sync } = setup();
    const c = await cases.open({ title: '原标题', origin: 'manual', ref, invoiceId: null, findingKey: null });
    await sync.recordResults([{ id: 1, status: 'applied', version: 1 }]);
    ctx.tick();
    await cases.update(c.id, { title: '我的标题' });
    await sync.applyPull(page([remote(c, 3, { title: '他的标题', notes: '他的备注' })], 3));
    expect(await db.cases.get(c.id)).toMatchObject({ title: '我的标题', notes: '他的备注', version: 3 });
  });

  it('keys pending changes by entity and id, so a record of another entity with the same id is not protected', async () => {
    const { db, ctx, cases, sync } = setup();
    const c = await cases.open({ title: '原标题', origin: 'manual', ref, invoiceId: null, findingKey: null });
    ctx.tick();
    const note = (version: number, title: string): RecordChange => ({ entity: 'findingNote', entityId: c.id, version, deleted: false, data: { id: c.id, title, note: 'n' } });
    await sync.applyPull(page([note(4, '旧的')], 4));
    // The case's pending create changed `title`; that must not pin the finding note's `title`.
    await sync.applyPull(page([note(5, '新的')], 5));
    expect(await db.findings.get(c.id)).toMatchObject({ title: '新的', note: 'n', version: 5 });
    expect((await db.cases.get(c.id))?.title).toBe('原标题');
  });

  it('pulls everything again once when the cursor was moved by an app that pulled invoices only', async () => {
    const { db, sync } = setup();
    await sync.applyPull(page([], 40));
    expect((await sync.cursor()).cursor).toBe(40);
    await db.meta.put({ key: 'sync.cursorEntities', value: 'invoice' });
    expect((await sync.cursor()).cursor).toBe(0);
    await db.meta.delete('sync.cursorEntities');
    expect((await sync.cursor()).cursor).toBe(0);
    await sync.applyPull(page([], 41));
    expect((await sync.cursor()).cursor).toBe(41);
  });
});
