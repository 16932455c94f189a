import { describe, expect, it } from 'vitest';
import { CHUNK_SIZE } from '../../shared/search/list-chunk';
import { queryInvoiceIds } from './invoice-query';
import { blankInvoice } from './sync-records';
import { putListEntries } from './sync-list-index';
import { makeTestDb } from './test-db';

describe('putListEntries', () => {
  it('appends new invoices across chunk boundaries and updates existing ones in place', async () => {
    const { db } = makeTestDb();
    const n = CHUNK_SIZE + 5;
    const invoices = Array.from({ length: n }, (_, i) => ({ ...blankInvoice(`id-${String(i).padStart(5, '0')}`), issueDate: '2025-01-01' }));
    const tables = [db.listChunks, db.listRevs];
    const chunks = await db.transaction('rw', tables, () => putListEntries(db, invoices.map((invoice) => ({ invoice, chunk: undefined }))));
    expect(new Set(chunks)).toEqual(new Set([0, 1]));
    expect((await db.listRevs.toArray()).map((r) => r.count)).toEqual([CHUNK_SIZE, 5]);
    await db.invoices.bulkPut(invoices.map((inv, i) => ({ ...inv, _hard: '', _soft: '', _chunk: chunks[i]!, _deleted: 0 as const })));
    expect(await queryInvoiceIds(db, {})).toHaveLength(n);

    const first = invoices[0]!;
    const last = invoices[n - 1]!;
    const again = await db.transaction('rw', tables, () => putListEntries(db, [
      { invoice: { ...first, deleted: true }, chunk: chunks[0] },
      { invoice: { ...last, deleted: true }, chunk: chunks[n - 1] },
    ]));
    expect(again).toEqual([chunks[0], chunks[n - 1]]);
    expect((await db.listRevs.toArray()).map((r) => [r.count, r.live])).toEqual([[CHUNK_SIZE, CHUNK_SIZE - 1], [5, 4]]);
  });
});
