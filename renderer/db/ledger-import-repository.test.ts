import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { InvoiceContent, InvoiceId } from '../../shared/domain/invoice';
import { fen } from '../../shared/domain/money';
import { InvoiceRepository } from './invoice-repository';
import { queryInvoiceIds } from './invoice-query';
import { LedgerImportRepository, type LedgerImportItem } from './ledger-import-repository';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';

/** Rows of a 50,000-row import when FAPIAO_IMPORT_ROWS=50000 (the timing in the report); a few chunks by default. */
const ROWS = Number(process.env['FAPIAO_IMPORT_ROWS'] ?? '4500');
const SHA = 'b'.repeat(64);

function setup() {
  const { db, ctx } = makeTestDb();
  return { db, ctx, imports: new LedgerImportRepository(db, ctx), invoices: new InvoiceRepository(db, ctx) };
}

function items(n: number, from = 0): LedgerImportItem[] {
  return Array.from({ length: n }, (_, i): LedgerImportItem => {
    const c: InvoiceContent = { ...sampleContent(from + i), total: fen(52600 + i), remarks: i === 0 ? '' : `第${String(i)}行` };
    return { row: i + 2, content: c, warnings: i % 10 === 0 ? [{ field: 'remarks', severity: 'warning', code: 'remarks.long' }] : [], status: i % 3 === 0 ? 'verified' : null };
  });
}

describe('LedgerImportRepository.commit', () => {
  it(`writes ${String(ROWS)} invoices, their list entries, audit entries and outbox rows in one import`, async () => {
    const { db, imports } = setup();
    const progress: number[] = [];
    const started = performance.now();
    const r = await imports.commit({ fileName: '2025台账.xlsx', sha256: SHA, items: items(ROWS) }, (done, total) => {
      expect(total).toBe(ROWS);
      progress.push(done);
    });
    const seconds = (performance.now() - started) / 1000;
    console.log(`ledger import: ${String(ROWS)} rows in ${seconds.toFixed(1)} s (${Math.round(ROWS / seconds)} rows/s, fake-indexeddb)`);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const batch = r.value;
    expect(batch).toMatchObject({ fileName: '2025台账.xlsx', sha256: SHA, undone: false });
    expect(batch.invoiceIds).toHaveLength(ROWS);
    expect(progress[0]).toBe(0);
    expect(progress.at(-1)).toBe(ROWS);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);
    expect(await db.invoices.count()).toBe(ROWS);
    expect(await queryInvoiceIds(db, {})).toHaveLength(ROWS);
    const sample = await db.invoices.get(batch.invoiceIds[3] as InvoiceId);
    expect(sample).toMatchObject({ source: 'import', status: 'verified', remarks: '第3行', createdBy: 'tester', fieldSources: { number: { source: 'import', confidence: 1 }, sellerTaxId: { source: 'import' } } });
    expect(sample?.fieldSources).not.toHaveProperty('remarks', undefined);
    expect((await db.invoices.get(batch.invoiceIds[1] as InvoiceId))?.status).toBe('entered');
    expect((await db.invoices.get(batch.invoiceIds[0] as InvoiceId))?.fieldSources).not.toHaveProperty('remarks');
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit).toHaveLength(ROWS + 1);
    expect(verifyChain(audit).ok).toBe(true);
    expect(audit[0]).toMatchObject({ action: 'import', entity: 'importBatch', entityId: batch.id, before: null, after: { fileName: '2025台账.xlsx', sha256: SHA, count: ROWS } });
    expect(audit.slice(1).every((a) => a.action === 'create' && a.entity === 'invoice')).toBe(true);
    const outbox = await db.outbox.orderBy('mutationId').toArray();
    expect(outbox.map((m) => m.mutationId)).toEqual(Array.from({ length: ROWS + 1 }, (_, i) => i + 1));
    expect(outbox[0]).toMatchObject({ entity: 'importBatch', entityId: batch.id });
    expect(outbox[ROWS]).toMatchObject({ entity: 'invoice', entityId: batch.invoiceIds[ROWS - 1], op: 'upsert', state: 'pending' });
    expect(await db.meta.get('nextMutationId')).toEqual({ key: 'nextMutationId', value: ROWS + 2 });
    expect(await imports.all()).toEqual([batch]);
  }, 600_000);

  it('writes nothing when an invoice of the file was saved since the preview, and names the row', async () => {
    const { db, imports, invoices } = setup();
    const file = items(4100);
    const saved = await invoices.create(file[4050]!.content, { warnings: [] });
    if (!saved.ok) throw new Error('setup');
    const r = await imports.commit({ fileName: 'f.xlsx', sha256: SHA, items: file });
    expect(r).toEqual({ ok: false, error: { code: 'hardDuplicate', params: { row: 4052, number: file[4050]!.content.number, existingId: saved.invoice.id } } });
    expect([await db.invoices.count(), await db.audit.count(), await db.outbox.count(), await db.imports.count()]).toEqual([1, 1, 1, 0]);
  });

  it('refuses a file holding the same invoice twice, and an empty one', async () => {
    const { db, imports } = setup();
    const file = items(5);
    const twice = [...file, { ...file[1]!, row: 40 }];
    expect(await imports.commit({ fileName: 'f.xlsx', sha256: SHA, items: twice })).toEqual({ ok: false, error: { code: 'duplicateInFile', params: { row: 40, number: file[1]!.content.number, firstRow: 3 } } });
    expect(await imports.commit({ fileName: 'f.xlsx', sha256: SHA, items: [] })).toEqual({ ok: false, error: { code: 'empty', params: {} } });
    expect(await db.invoices.count()).toBe(0);
  });

  it('rolls back the chunks already written when a later write fails: all or nothing', async () => {
    const { db, ctx, imports, invoices } = setup();
    const existing = await invoices.create(sampleContent(999_999), { warnings: [] });
    if (!existing.ok) throw new Error('setup');
    let n = 0;
    // Item 3,001's id (the 3,002nd id asked for) collides with the stored invoice: the second chunk's bulkAdd fails.
    const colliding = new LedgerImportRepository(db, { ...ctx, newId: () => (++n === 3002 ? existing.invoice.id : ctx.newId()) });
    const r = await colliding.commit({ fileName: 'f.xlsx', sha256: SHA, items: items(4000) });
    expect(r).toMatchObject({ ok: false, error: { code: 'writeFailed' } });
    expect([await db.invoices.count(), await db.audit.count(), await db.outbox.count(), await db.imports.count()]).toEqual([1, 1, 1, 0]);
    expect(await queryInvoiceIds(db, {})).toEqual([existing.invoice.id]);
    expect(await db.meta.get('nextMutationId')).toEqual({ key: 'nextMutationId', value: 2 });
    expect((await imports.commit({ fileName: 'f.xlsx', sha256: SHA, items: items(10) })).ok).toBe(true);
  });
});

describe('LedgerImportRepository.undo and existingKeys', () => {
  it('moves the import\'s invoices to the recycle bin together, audited and synced, once', async () => {
    const { db, ctx, imports, invoices } = setup();
    const r = await imports.commit({ fileName: 'f.xlsx', sha256: SHA, items: items(2100) });
    if (!r.ok) throw new Error('setup');
    await invoices.softDelete(r.value.invoiceIds[5] as InvoiceId);
    const other = await invoices.create(sampleContent(50_000), { warnings: [] });
    ctx.tick();
    const undone = await imports.undo(r.value.id);
    expect(undone).toMatchObject({ ok: true, value: { id: r.value.id, undone: true } });
    expect(await queryInvoiceIds(db, {})).toEqual([other.ok ? other.invoice.id : '']);
    expect(await queryInvoiceIds(db, { deleted: true })).toHaveLength(2100);
    const audit = await db.audit.orderBy('seq').toArray();
    expect(verifyChain(audit).ok).toBe(true);
    expect(audit.filter((a) => a.action === 'delete')).toHaveLength(2100);
    expect(audit.at(-1)).toMatchObject({ action: 'update', entity: 'importBatch', before: { undone: false }, after: { undone: true } });
    const deletes = (await db.outbox.toArray()).filter((m) => m.op === 'delete');
    expect(deletes).toHaveLength(2100);
    expect(deletes.at(-1)?.changes).toMatchObject({ deleted: true, deletedAt: ctx.now() });
    expect(await imports.undo(r.value.id)).toEqual({ ok: false, error: { code: 'alreadyUndone', params: { id: r.value.id, fileName: 'f.xlsx' } } });
    expect(await imports.undo('nope')).toEqual({ ok: false, error: { code: 'notFound', params: { id: 'nope' } } });
  });

  it('gives the preview every hard key (deleted invoices too) and the live invoices\' soft keys', async () => {
    const { imports, invoices } = setup();
    const a = await invoices.create(sampleContent(1), { warnings: [] });
    const b = await invoices.create(sampleContent(2), { warnings: [] });
    if (!a.ok || !b.ok) throw new Error('setup');
    await invoices.softDelete(b.invoice.id);
    const keys = await imports.existingKeys();
    expect(keys.hard).toEqual(new Map([['c:033002000211:83089648', a.invoice.id], ['c:033002000211:83089649', b.invoice.id]]));
    expect(keys.soft).toEqual(new Map([['s:92330781MA2EDMFU50:2020-07-23:52600', a.invoice.id]]));
  });
});
