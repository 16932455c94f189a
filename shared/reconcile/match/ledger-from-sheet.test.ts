import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyDraft, normalizeDraft } from '../../domain/draft';
import { parseMoney } from '../../domain/money';
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

  it('tidies exactly as the entry form does, fast paths included', () => {
    const text = (chars: string) => fc.array(fc.constantFrom(...Array.from(chars)), { maxLength: 12 }).map((a) => a.join(''));
    const nameChars = '北京某（）()　 ab-Ａ１2有限公司';
    const moneyChars = '0123456789.,-￥ ';
    fc.assert(fc.property(
      text('0123456789AaＢ x'), text('0123456789-/年月日 '), text(nameChars), text(moneyChars), text(moneyChars),
      (ident, day, party, amount, tax) => {
        const draft = { ...emptyDraft('vat_normal'), code: ident, number: ident, issueDate: day, sellerName: party, sellerTaxId: ident, buyerName: party, amount, tax, total: '' };
        const { invoices } = ledgerInvoicesFromSheet([{ row: 2, draft, status: null }]);
        const ref = normalizeDraft(draft);
        const a = parseMoney(ref.amount);
        const t = parseMoney(ref.tax);
        if (!a.ok || !t.ok) return;
        expect(invoices[0]).toMatchObject({
          code: ref.code, number: ref.number, issueDate: ref.issueDate, seller: { name: ref.sellerName, taxId: ref.sellerTaxId },
          buyer: { name: ref.buyerName }, amount: a.value, tax: t.value, total: a.value + t.value,
        });
      },
    ), { numRuns: 500 });
  });
});
