import { describe, expect, it } from 'vitest';
import { demoInvoiceContent, demoParty, demoSellers } from '../../shared/demo/demo-invoices';
import { seededRng } from '../../shared/demo/random';
import { hardKey, softKey } from '../../shared/domain/duplicates';
import { InvoiceRepository } from './invoice-repository';
import { ledgerKeys } from './ledger-keys';
import { makeTestDb } from './test-db';

describe('ledgerKeys', () => {
  it('gives every invoice\'s hard key and every live invoice\'s soft key exactly as the duplicate rules compute them', async () => {
    const { db, ctx } = makeTestDb();
    const repo = new InvoiceRepository(db, ctx);
    const rng = seededRng(11);
    const sellers = demoSellers(rng, 5);
    const buyer = demoParty(rng);
    for (let i = 1; i <= 60; i++) {
      const r = await repo.create(demoInvoiceContent(rng, i, sellers, buyer, '2026-11-27'), { warnings: [] });
      if (!r.ok) throw new Error('setup');
      if (i % 7 === 0) await repo.softDelete(r.invoice.id);
    }
    const rows = await db.invoices.toArray();
    expect(rows.some((r) => /^\d{20}$/.test(r.number))).toBe(true);
    const keys = await ledgerKeys(db);
    expect(keys.hard).toEqual(new Map(rows.map((r) => [hardKey(r), r.id])));
    const live = rows.filter((r) => !r.deleted);
    expect(new Set(keys.soft.keys())).toEqual(new Set(live.map((r) => softKey(r))));
    for (const [key, id] of keys.soft) expect(softKey(live.find((r) => r.id === id)!)).toBe(key);
    expect(await db.transaction('r', [db.listChunks, db.listRevs], () => ledgerKeys(db, true))).toEqual(keys);
  });
});
