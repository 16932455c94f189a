import { describe, expect, it } from 'vitest';
import type { ReconcileSummary } from '../../shared/reconcile/types';
import { InvoiceRepository } from './invoice-repository';
import { ReconcileRepository } from './reconcile-repository';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';

function setup() {
  const { db, ctx } = makeTestDb();
  return { db, ctx, store: new ReconcileRepository(db, ctx), invoices: new InvoiceRepository(db, ctx) };
}

const summary: ReconcileSummary = {
  listRows: 3, ledgerRows: 2, missingInLedger: 1, missingOnList: 0, mismatched: 0, voidedButActive: 0,
  paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0, sequenceGaps: 0,
};

describe('ReconcileRepository', () => {
  it('saves runs (newest first) with their audit entry and outbox mutation', async () => {
    const { db, ctx, store } = setup();
    const first = await store.saveRun({ period: { from: '2026-03-01', to: '2026-03-31' }, direction: 'in', sources: [], summary, findingKeys: ['c:1:1'] });
    ctx.tick();
    const second = await store.saveRun({ period: { from: '2026-04-01', to: '2026-04-30' }, direction: 'in', sources: [{ kind: 'platform', name: '全量.xlsx', sha256: 'a'.repeat(64), rows: 3 }], summary, findingKeys: [] });
    expect((await store.runs()).map((r) => r.id)).toEqual([second.id, first.id]);
    expect((await db.outbox.toArray()).map((m) => [m.entity, m.entityId])).toEqual([['reconcileRun', first.id], ['reconcileRun', second.id]]);
    expect((await db.audit.toArray()).map((a) => a.entity)).toEqual(['reconcileRun', 'reconcileRun']);
  });

  it('keeps one note per finding key, changed in place, so a handled finding stays handled in the next run', async () => {
    const { db, store } = setup();
    const key = 'c:3200231130:01234567';
    const made = await store.setFindingNote(key, 'missingInLedger', { note: '已联系' });
    expect(made).toMatchObject({ id: key, type: 'missingInLedger', handled: false, note: '已联系', caseId: null });
    const handled = await store.setFindingNote(key, 'missingInLedger', { handled: true });
    expect(handled).toMatchObject({ id: key, handled: true, note: '已联系' });
    expect((await store.findingNotes()).get(key)).toEqual(handled);
    expect(await db.findings.count()).toBe(1);
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ entity: 'findingNote', entityId: key, changes: { handled: true }, baseValues: { handled: false } });
  });

  it('records match decisions; the same payment and invoices decided again changes the one decision', async () => {
    const { db, store } = setup();
    const m = { paymentKey: 'payment:2026-03-02:52600:某餐厅:#0', invoiceIds: ['b', 'a'], decision: 'rejected' as const, score: 0.6, date: '2026-03-02', amount: 52600, counterparty: '某餐厅' };
    const rejected = await store.decideMatch(m);
    const confirmed = await store.decideMatch({ ...m, invoiceIds: ['a', 'b'], decision: 'confirmed' });
    expect(confirmed.id).toBe(rejected.id);
    const other = await store.decideMatch({ ...m, invoiceIds: ['c'] });
    expect(other.id).not.toBe(rejected.id);
    expect((await store.matches()).map((x) => x.decision).sort()).toEqual(['confirmed', 'rejected']);
    expect(await db.audit.count()).toBe(3);
  });

  it('saves a mapping per kind and name, replaces it on a second save, and deletes it softly', async () => {
    const { db, store } = setup();
    const a = await store.saveMapping({ name: ' 工行 ', kind: 'bank', columns: { date: '交易日期' }, sheet: '' });
    const b = await store.saveMapping({ name: '工行', kind: 'bank', columns: { date: '记账日期' }, sheet: '' });
    const c = await store.saveMapping({ name: '工行', kind: 'platform', columns: {}, sheet: '' });
    expect(b.id).toBe(a.id);
    expect(c.id).not.toBe(a.id);
    expect((await store.mappings()).map((x) => [x.name, x.kind, x.columns])).toEqual([['工行', 'bank', { date: '记账日期' }], ['工行', 'platform', {}]]);
    await store.deleteMapping(a.id);
    expect((await store.mappings()).map((x) => x.kind)).toEqual(['platform']);
    expect((await db.outbox.toArray()).at(-1)).toMatchObject({ entity: 'mapping', entityId: a.id, op: 'delete', changes: { deleted: true } });
  });

  it('reads the ledger of a period only, deleted invoices flagged', async () => {
    const { store, invoices } = setup();
    const dates = ['2026-02-28', '2026-03-01', '2026-03-15', '2026-03-31', '2026-04-01'];
    const ids: string[] = [];
    for (const [i, issueDate] of dates.entries()) {
      const r = await invoices.create({ ...sampleContent(i), issueDate }, { warnings: [] });
      if (!r.ok) throw new Error('setup');
      ids.push(r.invoice.id);
    }
    await invoices.softDelete(ids[2] as never);
    const ledger = await store.ledgerFor({ from: '2026-03-01', to: '2026-03-31' });
    expect(ledger.map((l) => [l.issueDate, l.deleted]).sort()).toEqual([['2026-03-01', false], ['2026-03-15', true], ['2026-03-31', false]]);
    expect(Object.keys(ledger[0]!).sort()).toEqual(['amount', 'buyer', 'code', 'deleted', 'id', 'issueDate', 'kind', 'number', 'seller', 'status', 'tax', 'total']);
  });
});
