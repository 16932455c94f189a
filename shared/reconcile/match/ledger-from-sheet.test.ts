import { describe, expect, it } from 'vitest';
import { emptyDraft } from '../../domain/draft';
import type { InvoiceDraft } from '../../domain/invoice';
import type { LedgerSheetRow } from '../sheet/types';
import { ledgerInvoicesFromSheet } from './ledger-from-sheet';

const row = (n: number, over: Partial<InvoiceDraft>, status: LedgerSheetRow['status'] = null): LedgerSheetRow => ({
  row: n, status,
  draft: { ...emptyDraft('digital_normal'), number: '24312000000000000001', issueDate: '2024/5/8', sellerName: '上海（浦东） 某某 有限公司', sellerTaxId: ' 91310000ma1fl0ab1x', buyerTaxId: '91110108690017781B', amount: '1,000.00', tax: '130', total: '￥1130', ...over },
});

describe('ledgerInvoicesFromSheet', () => {
  it('tidies text like the entry form and reads money into fen', () => {
    const { invoices, problems } = ledgerInvoicesFromSheet([row(2, {}, 'booked')]);
    expect(problems).toEqual([]);
    expect(invoices).toEqual([{
      id: 'row-2', kind: 'digital_normal', code: '', number: '24312000000000000001', issueDate: '2024-05-08',
      seller: { name: '上海（浦东） 某某 有限公司', taxId: '91310000MA1FL0AB1X' }, buyer: { name: '', taxId: '91110108690017781B' },
      amount: 100_000, tax: 13_000, total: 113_000, status: 'booked', deleted: false,
    }]);
  });

  it('takes 已录入 when the sheet has no status', () => {
    expect(ledgerInvoicesFromSheet([row(3, {})]).invoices[0]?.status).toBe('entered');
  });

  it('completes one missing figure from the other two', () => {
    const r = ledgerInvoicesFromSheet([row(2, { total: '' }), row(3, { tax: '' }), row(4, { amount: '' }), row(5, { amount: '', tax: '' })]).invoices;
    expect(r.map((i) => [i.amount, i.tax, i.total])).toEqual([[100_000, 13_000, 113_000], [100_000, 13_000, 113_000], [100_000, 13_000, 113_000], [113_000, 0, 113_000]]);
  });

  it('reports rows whose money cannot be read instead of guessing', () => {
    const { invoices, problems } = ledgerInvoicesFromSheet([row(7, { tax: 'abc' }), row(8, { amount: '', tax: '', total: '' }), row(9, {})]);
    expect(invoices.map((i) => i.id)).toEqual(['row-9']);
    expect(problems).toEqual([{ row: 7, field: 'tax', value: 'abc' }, { row: 8, field: 'total', value: '' }]);
  });
});
