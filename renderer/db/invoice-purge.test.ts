import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { InvoiceId } from '../../shared/domain/invoice';
import { InvoiceRepository } from './invoice-repository';
import { queryInvoiceIds } from './invoice-query';
import { sampleContent } from './sync-fixtures';
import { SyncRepository } from './sync-repository';
import { makeTestDb } from './test-db';

const file = (sha: string) => ({ sha256: sha.repeat(64), name: `${sha}.pdf`, type: 'application/pdf', blob: new Blob([sha]) });

async function setup() {
  const { db, ctx } = makeTestDb();
  const invoices = new InvoiceRepository(db, ctx);
  const a = await invoices.create(sampleContent(1), { warnings: [], attachments: [file('a'), file('b')] });
  const b = await invoices.create(sampleContent(2), { warnings: [], attachments: [file('b')] });
  if (!a.ok || !b.ok) throw new Error('seed');
  return { db, ctx, invoices, a: a.invoice.id, b: b.invoice.id };
}

describe('InvoiceRepository.purge', () => {
  it('deletes an invoice in the recycle bin for good: record, list entry and originals nobody else keeps', async () => {
    const { db, invoices, a, b } = await setup();
    await invoices.softDelete(a);
    expect(await queryInvoiceIds(db, { deleted: true })).toEqual([a]);
    expect(await invoices.purge(a)).toEqual({ ok: true });
    expect(await invoices.get(a)).toBeUndefined();
    expect(await queryInvoiceIds(db, { deleted: true })).toEqual([]);
    expect(await queryInvoiceIds(db, {})).toEqual([b]);
    // 'b' is still kept by the other invoice.
    expect((await db.attachments.toArray()).map((f) => f.name)).toEqual(['b.pdf']);
    const m = await db.outbox.orderBy('mutationId').last();
    expect(m).toMatchObject({ entity: 'invoice', entityId: a, op: 'delete', changes: { purged: true }, baseValues: {}, by: 'tester' });
    const entry = await db.audit.orderBy('seq').last();
    expect(entry).toMatchObject({ action: 'purge', entity: 'invoice', entityId: a, user: 'tester', after: { purged: true }, before: { number: sampleContent(1).number } });
    expect(verifyChain(await db.audit.orderBy('seq').toArray()).ok).toBe(true);
  });

  it('purges only from the recycle bin', async () => {
    const { invoices, a } = await setup();
    expect(await invoices.purge(a)).toEqual({ ok: false, error: { kind: 'notInBin' } });
    expect(await invoices.purge('nope' as InvoiceId)).toEqual({ ok: false, error: { kind: 'notFound' } });
    expect(await invoices.get(a)).toBeDefined();
  });
});

describe('a purge made on another PC', () => {
  it('arrives as the server’s tombstone and removes the invoice here too, audited as a sync purge', async () => {
    const { db, ctx, a, b } = await setup();
    const sync = new SyncRepository(db, ctx.now, ctx.device);
    const r = await sync.applyPull({
      epoch: 'e1', version: 9, conflicts: [], hasMore: false,
      changes: [
        { entity: 'invoice', entityId: a, version: 9, deleted: true, data: { id: a, deleted: true, purged: true } },
        { entity: 'invoice', entityId: 'never-here', version: 8, deleted: true, data: { id: 'never-here', deleted: true, purged: true } },
      ],
    });
    expect(r.applied).toBe(1);
    expect(await db.invoices.get(a)).toBeUndefined();
    expect(await db.invoices.get('never-here' as InvoiceId)).toBeUndefined();
    expect(await queryInvoiceIds(db, {})).toEqual([b]);
    expect(await db.attachments.count()).toBe(1);
    expect(await db.audit.orderBy('seq').last()).toMatchObject({ action: 'purge', user: 'sync', entityId: a, device: ctx.device });
  });
});
