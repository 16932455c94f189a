import { describe, expect, it } from 'vitest';
import type { CaseInvoiceRef } from '../../shared/cases/types';
import { fen } from '../../shared/domain/money';
import { lastTwelveMonths } from '../../shared/home/invoice-summary';
import { CaseRepository } from './case-repository';
import { readHomeCases, readHomeInvoices, readHomeReconcile } from './home-repository';
import { InvoiceRepository } from './invoice-repository';
import { ReconcileRepository } from './reconcile-repository';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';

const ref: CaseInvoiceRef = { kind: 'vat_special', code: '3200231130', number: '01234567', issueDate: '2026-02-10', seller: { name: '南京某某科技有限公司', taxId: '91320100MA1XXXXX0X' }, total: fen(113000) };
const utcMonth = (iso: string) => iso.slice(0, 7);

describe('home reads', () => {
  it('count invoices from the list index as they are saved, checked and deleted', async () => {
    const { db, ctx } = makeTestDb();
    const invoices = new InvoiceRepository(db, ctx);
    // The test clock starts at 2026-01-01T00:00Z and the sample is issued in the months charted.
    const clock = { todayStart: Date.UTC(2026, 0, 1), weekStart: Date.UTC(2025, 11, 29), months: lastTwelveMonths('2026-01-01') };
    const a = await invoices.create(sampleContent(), { warnings: [{ field: 'taxRate', severity: 'warning', code: 'taxRate.unusual' }] });
    const b = await invoices.create({ ...sampleContent(), number: '00000002' }, { warnings: [{ field: 'number', severity: 'warning', code: 'duplicate.soft' }] });
    if (!a.ok || !b.ok) throw new Error('setup');
    expect(await readHomeInvoices(db, clock)).toMatchObject({ live: 2, capturedToday: 2, capturedThisWeek: 2, entered: 2, withWarnings: 1, duplicates: 1 });
    await invoices.changeStatus(a.invoice.id, 'verified', '');
    await invoices.softDelete(b.invoice.id);
    expect(await readHomeInvoices(db, clock)).toMatchObject({ live: 1, entered: 0, withWarnings: 1, duplicates: 0 });
    expect(await readHomeInvoices(db, { ...clock, todayStart: Date.UTC(2026, 0, 2) })).toMatchObject({ capturedToday: 0, capturedThisWeek: 1 });
  });

  it('count follow-ups due on open cases and cases found per month', async () => {
    const { db, ctx } = makeTestDb();
    const cases = new CaseRepository(db, ctx);
    const c = await cases.open({ title: '缺一张专票', origin: 'manual', ref, invoiceId: null, findingKey: null });
    const call = { date: '2026-01-01', channel: 'phone', person: '王会计', summary: '答应补开', nextStep: '等邮件' } as const;
    await cases.addContact(c.id, { ...call, followUp: '2026-01-01' });
    const read = await readHomeCases(db, '2026-01-05', ['2025-12', '2026-01'], utcMonth);
    expect(read.followUps).toEqual({ due: 0, overdue: 1, openCases: 1 });
    // A later entry settles the earlier follow-up; its own is due today.
    await cases.addContact(c.id, { ...call, date: '2026-01-02', followUp: '2026-01-05' });
    expect((await readHomeCases(db, '2026-01-05', [], utcMonth)).followUps).toEqual({ due: 1, overdue: 0, openCases: 1 });
    expect(read.months).toEqual([{ month: '2025-12', found: 0, recovered: 0, closed: 0 }, { month: '2026-01', found: 1, recovered: 0, closed: 0 }]);
  });

  it('give the newest reconciliation with findings not yet handled', async () => {
    const { db, ctx } = makeTestDb();
    const reconcile = new ReconcileRepository(db, ctx);
    expect(await readHomeReconcile(db)).toBeNull();
    const summary = { listRows: 2, ledgerRows: 1, missingInLedger: 1, missingOnList: 0, mismatched: 1, voidedButActive: 0, paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0, sequenceGaps: 0 };
    await reconcile.saveRun({ period: { from: '2025-12-01', to: '2025-12-31' }, direction: 'in', sources: [], summary, findingKeys: ['missingInLedger:n:1'] });
    ctx.tick();
    const newest = await reconcile.saveRun({ period: { from: '2026-01-01', to: '2026-01-31' }, direction: 'in', sources: [], summary, findingKeys: ['missingInLedger:n:2', 'mismatched:n:3'] });
    await reconcile.setFindingNote('mismatched:n:3', 'mismatched', { handled: true, note: '已核实' });
    expect(await readHomeReconcile(db)).toMatchObject({ run: { id: newest.id }, findings: 2, open: 1, missingWithoutCase: 1 });
  });
});
