import { describe, expect, it } from 'vitest';
import { fen } from '../../domain/money';
import type { BankMatch } from '../entities';
import type { BankRow, LedgerInvoice, MatchSuggestion } from '../types';
import { paymentKey } from './keys';
import { reconcile } from './reconcile';
import { dateCloseness, MIN_SCORE } from './suggest';
import { bankRow, COMPANY, ledgerInvoice, SUPPLIER } from './test-builders';

const MAY = { from: '2024-05-01', to: '2024-05-31' };
const N = (i: number) => `243120000000000000${String(i).padStart(2, '0')}`;

function run(ledger: LedgerInvoice[], bank: BankRow[], decided: BankMatch[] = [], direction: 'in' | 'out' = 'in') {
  return reconcile({ list: [], ledger, bank, period: MAY, companyTaxId: COMPANY.taxId, direction, decided });
}

const paymentFinding = (out: ReturnType<typeof run>) => out.findings.filter((f) => f.type === 'paymentWithoutInvoice');
const invoiceFinding = (out: ReturnType<typeof run>) => out.findings.filter((f) => f.type === 'invoiceWithoutPayment');
const codes = (s: MatchSuggestion | undefined) => s?.reasons.map((r) => r.code);

function decision(p: BankRow, invoiceIds: string[], d: 'confirmed' | 'rejected'): BankMatch {
  return {
    id: 'm1', createdBy: 'u', createdAt: '', updatedBy: 'u', updatedAt: '', version: 0, deleted: false,
    paymentKey: paymentKey(p), invoiceIds, decision: d, score: 1, date: p.date, amount: p.amount, counterparty: p.counterparty,
  };
}

describe('bank vs ledger', () => {
  it('never settles anything by itself: a perfect pair stays as two findings with the pair suggested', () => {
    const out = run([ledgerInvoice(N(1))], [bankRow()]);
    expect(out.summary).toMatchObject({ paymentsWithoutInvoice: 1, invoicesWithoutPayment: 1 });
    const [p] = paymentFinding(out);
    expect(p?.key).toBe(paymentKey(bankRow()));
    expect(p?.suggestions?.[0]).toMatchObject({ invoiceIds: [`inv-${N(1)}`], paymentKey: p?.key });
    expect(codes(p?.suggestions?.[0])).toEqual(['amountExact', 'nameSame', 'dateDays']);
    expect(p?.suggestions?.[0]?.score).toBeCloseTo(0.45 + 0.35 + 0.2 * (1 - 0.8 * 2 / 90), 3);
    expect(invoiceFinding(out)[0]?.suggestions?.[0]?.paymentKey).toBe(p?.key);
    expect(invoiceFinding(out)[0]?.key).toBe(`unpaid:n:${N(1)}`);
  });

  it('suggests the sum of several invoices of one seller, but not of two sellers', () => {
    const other = { name: '广州别的公司', taxId: '91440000MA00000000' };
    const ledger = [
      ledgerInvoice(N(1), { total: fen(30_000), issueDate: '2024-05-02' }),
      ledgerInvoice(N(2), { total: fen(20_000), issueDate: '2024-05-05' }),
      ledgerInvoice(N(3), { total: fen(7_000), issueDate: '2024-05-06' }),
      ledgerInvoice(N(4), { total: fen(5_000), issueDate: '2024-05-06', seller: other }),
    ];
    const out = run(ledger, [bankRow({ amount: fen(50_000), date: '2024-05-20' }), bankRow({ amount: fen(35_000), date: '2024-05-20' })]);
    const first = paymentFinding(out).find((f) => f.detail.amount === 50_000);
    const second = paymentFinding(out).find((f) => f.detail.amount === 35_000);
    expect(first?.suggestions?.map((s) => s.invoiceIds)).toEqual([[`inv-${N(1)}`, `inv-${N(2)}`]]);
    expect(codes(first?.suggestions?.[0])).toEqual(['amountSum', 'nameSame', 'dateDays']);
    expect(first?.suggestions?.[0]?.reasons[0]?.params).toEqual({ count: 2 });
    expect(first?.suggestions?.[0]?.reasons[2]?.params).toEqual({ days: 18 });
    // 30,000 + 5,000 would need the other seller's invoice: not suggested.
    expect(second?.suggestions).toEqual([]);
  });

  it('matches the counterparty to the seller after normalising brackets, width and branch suffixes', () => {
    const out = run([ledgerInvoice(N(1))], [bankRow({ counterparty: '上海供应商贸易有限公司（北京分公司）' })]);
    expect(codes(paymentFinding(out)[0]?.suggestions?.[0])).toEqual(['amountExact', 'nameSame', 'dateDays']);
  });

  it('still suggests an exact amount from a differently named payer, with a lower score and the reason', () => {
    const out = run([ledgerInvoice(N(1))], [bankRow({ counterparty: '张三', date: '2024-05-10' })]);
    const s = paymentFinding(out)[0]?.suggestions?.[0];
    expect(codes(s)).toEqual(['amountExact', 'nameDifferent', 'dateDays']);
    expect(s?.score).toBeCloseTo(0.65, 3);
  });

  it('keeps to the date window around the invoice date, closer scoring higher', () => {
    expect(dateCloseness(100, 100)).toBe(1);
    expect(dateCloseness(190, 100)).toBeCloseTo(0.2);
    expect(dateCloseness(70, 100)).toBeCloseTo(0.2);
    expect(dateCloseness(191, 100)).toBeNull();
    expect(dateCloseness(69, 100)).toBeNull();
    expect(dateCloseness(110, 100)).toBeGreaterThan(dateCloseness(130, 100) ?? 1);
    const late = run([ledgerInvoice(N(1), { issueDate: '2024-01-10' })], [bankRow({ date: '2024-05-12' })]);
    expect(paymentFinding(late)[0]?.suggestions).toEqual([]);
  });

  it('drops suggestions below the minimum score', () => {
    // Different name, edge of the window: 0.45 + 0 + 0.2 × 0.2 < MIN_SCORE.
    const out = run([ledgerInvoice(N(1), { issueDate: '2024-02-12' })], [bankRow({ counterparty: '张三', date: '2024-05-12' })]);
    expect(MIN_SCORE).toBeGreaterThan(0.49);
    expect(paymentFinding(out)[0]?.suggestions).toEqual([]);
  });

  it('takes a confirmed match out of both lists', () => {
    const p = bankRow();
    const out = run([ledgerInvoice(N(1)), ledgerInvoice(N(2), { total: fen(1) })], [p], [decision(p, [`inv-${N(1)}`], 'confirmed')]);
    expect(paymentFinding(out)).toEqual([]);
    expect(invoiceFinding(out).map((f) => f.key)).toEqual([`unpaid:n:${N(2)}`]);
  });

  it('drops a rejected suggestion but keeps the findings and the other suggestions', () => {
    const p = bankRow();
    const ledger = [ledgerInvoice(N(1)), ledgerInvoice(N(2))];
    const before = paymentFinding(run(ledger, [p]))[0]?.suggestions?.map((s) => s.invoiceIds);
    expect(before).toEqual([[`inv-${N(1)}`], [`inv-${N(2)}`]]);
    const out = run(ledger, [p], [decision(p, [`inv-${N(1)}`], 'rejected')]);
    expect(paymentFinding(out)[0]?.suggestions?.map((s) => s.invoiceIds)).toEqual([[`inv-${N(2)}`]]);
    expect(out.summary).toMatchObject({ paymentsWithoutInvoice: 1, invoicesWithoutPayment: 2 });
  });

  it('ignores a deleted decision', () => {
    const p = bankRow();
    const out = run([ledgerInvoice(N(1))], [p], [{ ...decision(p, [`inv-${N(1)}`], 'confirmed'), deleted: true }]);
    expect(out.summary.paymentsWithoutInvoice).toBe(1);
  });

  it('pays incoming invoices with money out and outgoing ones with money in', () => {
    const received = bankRow({ direction: 'in', counterparty: SUPPLIER.name });
    expect(run([ledgerInvoice(N(1))], [received]).summary.paymentsWithoutInvoice).toBe(0);
    const sale = ledgerInvoice(N(1), { seller: COMPANY, buyer: SUPPLIER });
    const out = run([sale], [received, bankRow()], [], 'out');
    expect(out.summary).toMatchObject({ paymentsWithoutInvoice: 1, invoicesWithoutPayment: 1 });
    expect(codes(paymentFinding(out)[0]?.suggestions?.[0])).toEqual(['amountExact', 'nameSame', 'dateDays']);
  });

  it('reports payments and invoices of the period only, but suggests across it', () => {
    const april = ledgerInvoice(N(1), { issueDate: '2024-04-28' });
    const out = run([april], [bankRow({ date: '2024-05-03' }), bankRow({ date: '2024-06-03', amount: fen(7) })]);
    expect(out.summary).toMatchObject({ paymentsWithoutInvoice: 1, invoicesWithoutPayment: 0 });
    expect(paymentFinding(out)[0]?.suggestions?.[0]?.invoiceIds).toEqual([`inv-${N(1)}`]);
  });

  it('leaves voided, reversed, deleted and red invoices out of the unpaid list', () => {
    const ledger = [
      ledgerInvoice(N(1), { status: 'voided' }), ledgerInvoice(N(2), { status: 'reversed' }),
      ledgerInvoice(N(3), { deleted: true }), ledgerInvoice(N(4), { total: fen(-11_300) }),
    ];
    expect(run(ledger, []).summary.invoicesWithoutPayment).toBe(0);
  });

  it('gives every finding a distinct key even for payments that look alike', () => {
    const out = run([], [bankRow(), bankRow({ row: 3 }), bankRow({ row: 4 })]);
    expect(new Set(out.findings.map((f) => f.key)).size).toBe(3);
  });
});
