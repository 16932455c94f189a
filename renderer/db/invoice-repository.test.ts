import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { InvoiceContent } from '../../shared/domain/invoice';
import { fen } from '../../shared/domain/money';
import { InvoiceRepository } from './invoice-repository';
import { makeTestDb } from './test-db';
import { sampleContent } from './sync-fixtures';

const content: InvoiceContent = sampleContent();

function setup() {
  const { db, ctx } = makeTestDb();
  return { db, ctx, repo: new InvoiceRepository(db, ctx) };
}

describe('InvoiceRepository', () => {
  it('writes the record, its audit entry and its outbox mutation together', async () => {
    const { db, repo } = setup();
    const r = await repo.create(content, { warnings: [] });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.invoice.status).toBe('entered');
    expect(r.invoice.statusHistory).toHaveLength(1);
    expect(await db.invoices.count()).toBe(1);
    const audit = await db.audit.toArray();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', entityId: r.invoice.id, user: 'tester', before: null });
    const outbox = await db.outbox.toArray();
    expect(outbox).toEqual([expect.objectContaining({ mutationId: 1, op: 'upsert', entityId: r.invoice.id, baseVersion: 0, state: 'pending' })]);
    expect(outbox[0]!.changes).toMatchObject({ number: '83089647', total: 52600 });
  });

  it('refuses a hard duplicate (same code + number) and links the existing invoice, writing nothing', async () => {
    const { db, repo } = setup();
    const first = await repo.create(content, { warnings: [] });
    const again = await repo.create({ ...content, total: fen(1), amount: fen(1), tax: fen(0) }, { warnings: [] });
    expect(again).toEqual({ ok: false, error: { kind: 'hardDuplicate', existingId: first.ok ? first.invoice.id : '', existingDeleted: false } });
    expect(await db.invoices.count()).toBe(1);
    expect(await db.audit.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('still refuses a duplicate of an invoice in the recycle bin, and says so', async () => {
    const { repo } = setup();
    const first = await repo.create(content, { warnings: [] });
    if (!first.ok) throw new Error('setup');
    await repo.softDelete(first.invoice.id);
    const again = await repo.create(content, { warnings: [] });
    expect(!again.ok && again.error.kind === 'hardDuplicate' && again.error.existingDeleted).toBe(true);
  });

  it('finds soft duplicates: same seller tax id, date and total but another number', async () => {
    const { repo } = setup();
    await repo.create(content, { warnings: [] });
    const other = { ...content, number: '83089648' };
    expect(await repo.findSoftDuplicates(other)).toHaveLength(1);
    expect(await repo.findSoftDuplicates({ ...other, total: fen(52601) })).toHaveLength(0);
  });

  it('refuses to overwrite an edit saved after the form was opened', async () => {
    const { repo, ctx } = setup();
    const first = await repo.create(content, { warnings: [] });
    if (!first.ok) throw new Error('setup');
    const openedAt = first.invoice.updatedAt;
    ctx.tick();
    const edit1 = await repo.update(first.invoice.id, { ...content, remarks: 'A' }, [], openedAt);
    expect(edit1.ok).toBe(true);
    const edit2 = await repo.update(first.invoice.id, { ...content, remarks: 'B' }, [], openedAt);
    expect(edit2).toMatchObject({ ok: false, error: { kind: 'stale', updatedBy: 'tester' } });
    expect((await repo.get(first.invoice.id))?.remarks).toBe('A');
  });

  it('moves through statuses, keeps the history, and refuses illegal moves and missing reasons', async () => {
    const { repo, db } = setup();
    const first = await repo.create(content, { warnings: [] });
    if (!first.ok) throw new Error('setup');
    const id = first.invoice.id;
    expect((await repo.changeStatus(id, 'booked', '')).ok).toBe(false);
    expect(await repo.changeStatus(id, 'verified', '')).toMatchObject({ ok: true, invoice: { status: 'verified' } });
    expect(await repo.changeStatus(id, 'voided', '')).toMatchObject({ ok: false, error: { code: 'status.reasonRequired' } });
    const voided = await repo.changeStatus(id, 'voided', '开票方作废');
    expect(voided.ok && voided.invoice.statusHistory.map((h) => h.to)).toEqual(['entered', 'verified', 'voided']);
    expect(voided.ok && voided.invoice.statusHistory.at(-1)?.reason).toBe('开票方作废');
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.map((a) => a.action)).toEqual(['create', 'status', 'status']);
    expect(verifyChain(audit)).toEqual({ ok: true, count: 3 });
    expect((await db.outbox.toArray()).map((o) => o.mutationId)).toEqual([1, 2, 3]);
  });

  it('soft-deletes to the recycle bin and restores, audited', async () => {
    const { repo, db } = setup();
    const first = await repo.create(content, { warnings: [] });
    if (!first.ok) throw new Error('setup');
    const del = await repo.softDelete(first.invoice.id);
    expect(del.ok && del.invoice.deleted).toBe(true);
    expect(await db.invoices.count()).toBe(1);
    const back = await repo.restore(first.invoice.id);
    expect(back.ok && back.invoice.deleted).toBe(false);
    expect((await db.audit.orderBy('seq').toArray()).map((a) => a.action)).toEqual(['create', 'delete', 'restore']);
    expect((await db.outbox.toArray()).map((o) => o.op)).toEqual(['upsert', 'delete', 'upsert']);
  });

  it('rolls the whole write back when any part fails (no record without its audit entry)', async () => {
    const { db, repo } = setup();
    const failAudit = () => { throw new Error('disk full'); };
    db.audit.hook('creating', failAudit);
    await expect(repo.create(content, { warnings: [] })).rejects.toThrow('disk full');
    db.audit.hook('creating').unsubscribe(failAudit);
    expect(await db.invoices.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('attachments', () => {
  it('stores the original once by hash, in the invoice transaction, and finds invoices by it', async () => {
    const { db, repo } = setup();
    const blob = new Blob([new Uint8Array([1, 2, 3])], { type: 'application/pdf' });
    const sha256 = 'a'.repeat(64);
    const r = await repo.create(content, { warnings: [], source: 'ofd', attachments: [{ sha256, name: 'x.pdf', type: 'application/pdf', blob }] });
    expect(r.ok && r.invoice.attachments).toEqual([sha256]);
    expect(r.ok && r.invoice.source).toBe('ofd');
    expect(await db.attachments.count()).toBe(1);
    expect((await db.attachments.get(sha256))?.size).toBe(3);
    expect((await repo.findByAttachment(sha256)).map((i) => i.id)).toEqual([r.ok ? r.invoice.id : '']);
    expect(await repo.findByAttachment('b'.repeat(64))).toEqual([]);
  });

  it('keeps no attachment when the invoice is refused as a duplicate', async () => {
    const { db, repo } = setup();
    await repo.create(content, { warnings: [] });
    const blob = new Blob([new Uint8Array([9])]);
    const again = await repo.create(content, { warnings: [], attachments: [{ sha256: 'c'.repeat(64), name: 'y.png', type: 'image/png', blob }] });
    expect(again.ok).toBe(false);
    expect(await db.attachments.count()).toBe(0);
  });
});
