import { beforeAll, describe, expect, it } from 'vitest';
import type { Invoice, InvoiceKind, InvoiceStatus } from '../../shared/domain/invoice';
import { matchesFilter, type InvoiceFilter } from '../../shared/search/invoice-filter';
import { demoInvoiceContent, demoParty, demoSellers } from '../../shared/demo/demo-invoices';
import { seededRng } from '../../shared/demo/random';
import { queryInvoiceIds, queryLedgerHead } from './invoice-query';
import { fromRow, toRow } from './rows';
import { entryOf } from '../../shared/search/list-chunk';
import { appendListEntries } from './list-index';
import { InvoiceRepository } from './invoice-repository';
import { makeTestDb } from './test-db';

const { db, ctx } = makeTestDb();
const all: Invoice[] = [];
const STATUSES: InvoiceStatus[] = ['entered', 'verified', 'booked', 'lost'];

beforeAll(async () => {
  const rng = seededRng(2026);
  const sellers = demoSellers(rng, 15);
  const buyer = demoParty(rng);
  for (let i = 1; i <= 400; i++) {
    const c = demoInvoiceContent(rng, i, sellers, i % 7 === 0 ? demoParty(rng) : buyer, '2026-11-27');
    const inv: Invoice = {
      ...c, id: `00000000-0000-7000-9000-${String(i).padStart(12, '0')}` as Invoice['id'], status: rng.pick(STATUSES), statusHistory: [],
      tags: [], attachments: i % 5 === 0 ? ['ab'.repeat(32)] : [], source: 'manual', fieldSources: {}, warnings: [],
      createdBy: 't', createdAt: 't', updatedBy: 't', updatedAt: 't', version: 0, deleted: i % 11 === 0, deletedAt: null,
    };
    all.push(inv);
  }
  await db.invoices.bulkAdd(all.map((inv, i) => toRow(inv, Math.floor(i / 2000))));
  await appendListEntries(db, all.map(entryOf), 0);
});

function expected(f: InvoiceFilter): string[] {
  return all.filter((inv) => matchesFilter(inv, f))
    .sort((a, b) => (a.issueDate === b.issueDate ? (a.id < b.id ? 1 : -1) : a.issueDate < b.issueDate ? 1 : -1))
    .map((i) => i.id);
}

describe('queryInvoiceIds agrees with matchesFilter', () => {
  const sample = () => all[37]!;
  const cases: [string, () => InvoiceFilter][] = [
    ['everything', () => ({})],
    ['recycle bin', () => ({ deleted: true })],
    ['date range', () => ({ dateFrom: '2026-03-01', dateTo: '2026-06-30' })],
    ['status', () => ({ statuses: ['lost'] as InvoiceStatus[] })],
    ['kind + attachment', () => ({ kinds: ['digital_normal'] as InvoiceKind[], hasAttachment: 'yes' })],
    ['no attachment', () => ({ hasAttachment: 'no' })],
    ['total range', () => ({ totalMin: 100_000, totalMax: 2_000_000 })],
    ['seller name substring', () => ({ seller: sample().seller.name.slice(2, 6) })],
    ['seller one character', () => ({ seller: sample().seller.name.slice(3, 4) })],
    ['seller tax id prefix', () => ({ seller: sample().seller.taxId.slice(0, 10) })],
    ['buyer name', () => ({ buyer: sample().buyer.name.slice(0, 4) })],
    ['number prefix', () => ({ number: sample().number.slice(0, 6) })],
    ['code prefix', () => ({ number: '1100' })],
    ['combined', () => ({ dateFrom: '2025-06-01', seller: sample().seller.name.slice(0, 3), statuses: ['entered', 'verified'] as InvoiceStatus[], totalMin: 5000 })],
    ['nothing matches', () => ({ seller: '不存在的公司名' })],
  ];
  for (const [name, make] of cases) {
    it(name, async () => {
      const f = make();
      const want = expected(f);
      const got = await queryInvoiceIds(db, f);
      expect(got).toEqual(want);
      if (name !== 'nothing matches') expect(want.length).toBeGreaterThan(0);
    });
  }

  it('sees writes made after the index was loaded (new, edited, deleted)', async () => {
    const repo = new InvoiceRepository(db, ctx);
    const before = await queryInvoiceIds(db, {});
    const created = await repo.create({ ...all[1]!, number: '99999999', code: '011001900111' }, { warnings: [] });
    if (!created.ok) throw new Error('create');
    expect((await queryInvoiceIds(db, {})).length).toBe(before.length + 1);
    expect(await queryInvoiceIds(db, { number: '99999999' })).toEqual([created.invoice.id]);
    await repo.changeStatus(created.invoice.id, 'verified', '');
    expect(await queryInvoiceIds(db, { number: '99999999', statuses: ['verified'] })).toEqual([created.invoice.id]);
    await repo.softDelete(created.invoice.id);
    expect(await queryInvoiceIds(db, { number: '99999999' })).toEqual([]);
    expect(await queryInvoiceIds(db, { number: '99999999', deleted: true })).toEqual([created.invoice.id]);
  });

  it('round-trips rows without the derived fields', async () => {
    const row = await db.invoices.get(all[0]!.id);
    expect(fromRow(row!)).toEqual(all[0]);
  });
});

describe('queryLedgerHead', () => {
  it('gives the first ids of the unfiltered ledger in display order and its size', async () => {
    const full = await queryInvoiceIds(db, {});
    const head = await queryLedgerHead(db, 25);
    expect(head.rows.map((r) => r.id)).toEqual(full.slice(0, 25));
    expect(head.count).toBe(full.length);
  });
});
