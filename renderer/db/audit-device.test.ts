import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { CaseInvoiceRef } from '../../shared/cases/types';
import { fen } from '../../shared/domain/money';
import { CaseRepository } from './case-repository';
import { InvoiceRepository } from './invoice-repository';
import { LedgerImportRepository } from './ledger-import-repository';
import { ReconcileRepository } from './reconcile-repository';
import { sampleContent } from './sync-fixtures';
import { SyncRepository } from './sync-repository';
import { makeTestDb } from './test-db';

const DEVICE = 'test-pc · 00000000';
const ref: CaseInvoiceRef = { kind: 'vat_special', code: '3200231130', number: '01234567', issueDate: '2026-02-10', seller: { name: '南京某某科技有限公司', taxId: '91320100MA1XXXXX0X' }, total: fen(113000) };

describe('audit entries name the user and the device (issue #13)', () => {
  it('on every kind of record change: invoices, cases, reconciliation, imports', async () => {
    const { db, ctx } = makeTestDb({ login: '王芳', role: 'admin' });
    const invoices = new InvoiceRepository(db, ctx);
    const created = await invoices.create(sampleContent(), { warnings: [] });
    if (!created.ok) throw new Error('setup');
    const id = created.invoice.id;
    await invoices.update(id, { ...sampleContent(), remarks: '改过' }, [], created.invoice.updatedAt);
    await invoices.changeStatus(id, 'verified', '');
    await invoices.softDelete(id);
    await invoices.restore(id);
    await new CaseRepository(db, ctx).open({ title: '缺票', origin: 'report', ref, invoiceId: null, findingKey: 'k' });
    await new ReconcileRepository(db, ctx).setFindingNote('k', 'missingInLedger', { note: '已问' });
    const imported = await new LedgerImportRepository(db, ctx).commit({ fileName: 'a.xlsx', sha256: 'c'.repeat(64), items: [{ row: 2, content: sampleContent(1), warnings: [], status: null }] });
    expect(imported.ok).toBe(true);

    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.map((e) => e.action)).toEqual(['create', 'update', 'status', 'delete', 'restore', 'create', 'create', 'import', 'create']);
    for (const e of audit) expect(e).toMatchObject({ user: '王芳', device: DEVICE });
    expect(verifyChain(audit).ok).toBe(true);
  });

  it('on changes pulled from the server: the sync user, this device', async () => {
    const { db, ctx } = makeTestDb();
    const sync = new SyncRepository(db, ctx.now, ctx.device);
    const data = { ...sampleContent(), id: 'r1', status: 'entered', deleted: false };
    await sync.applyPull({ epoch: 'e1', version: 1, changes: [{ entity: 'invoice', entityId: 'r1', version: 1, deleted: false, data }], conflicts: [], hasMore: false });
    const audit = await db.audit.toArray();
    expect(audit).toEqual([expect.objectContaining({ action: 'sync', user: 'sync', device: DEVICE, entityId: 'r1' })]);
    expect(verifyChain(audit).ok).toBe(true);
  });

  it('follows the session: a user switch between two writes changes the name, never the device', async () => {
    const { db, ctx } = makeTestDb();
    let login = 'clerk1';
    const live = { ...ctx, get user() { return login; } };
    const invoices = new InvoiceRepository(db, live);
    await invoices.create(sampleContent(0), { warnings: [] });
    login = 'clerk2';
    await invoices.create(sampleContent(1), { warnings: [] });
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.map((e) => [e.user, e.device])).toEqual([['clerk1', DEVICE], ['clerk2', DEVICE]]);
  });
});
