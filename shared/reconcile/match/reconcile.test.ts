import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen } from '../../domain/money';
import type { LedgerInvoice, PlatformRow, PlatformStatus } from '../types';
import { invoiceKey } from './keys';
import { reconcile, type ReconcileInput } from './reconcile';
import { bankRow, COMPANY, ledgerInvoice, platformRow, SUPPLIER } from './test-builders';

const MAY = { from: '2024-05-01', to: '2024-05-31' };
const DATES = ['2024-04-30', '2024-05-01', '2024-05-15', '2024-05-31', '2024-06-01'];
const STATUSES: PlatformStatus[] = ['normal', 'voided', 'reversed', 'reversedPartial'];
const numberOf = (i: number) => `2431200000000000${String(i).padStart(4, '0')}`;

const listArb = fc.uniqueArray(
  fc.record({ n: fc.integer({ min: 0, max: 30 }), d: fc.constantFrom(...DATES), s: fc.constantFrom(...STATUSES), t: fc.integer({ min: 1, max: 3 }), out: fc.boolean() }),
  { selector: (r) => r.n, maxLength: 25 },
).map((rows) => rows.map((r, i): PlatformRow => platformRow(numberOf(r.n), {
  row: i + 2, issueDate: r.d, status: r.s, total: fen(r.t * 100), ...(r.out ? { seller: COMPANY, buyer: SUPPLIER } : {}),
})));
const ledgerArb = fc.uniqueArray(
  fc.record({ n: fc.integer({ min: 0, max: 30 }), d: fc.constantFrom(...DATES), t: fc.integer({ min: 1, max: 3 }), deleted: fc.boolean() }),
  { selector: (r) => r.n, maxLength: 25 },
).map((rows) => rows.map((r): LedgerInvoice => ledgerInvoice(numberOf(r.n), { issueDate: r.d, total: fen(r.t * 100), deleted: r.deleted })));

const inputOf = (list: PlatformRow[], ledger: LedgerInvoice[]): ReconcileInput => ({ list, ledger, period: MAY, companyTaxId: COMPANY.taxId, direction: 'in' });

describe('reconcile', () => {
  it('accounts for every list row in scope: matched to a live ledger invoice, or reported missing (unless void)', () => {
    fc.assert(fc.property(listArb, ledgerArb, (list, ledger) => {
      const { findings } = reconcile(inputOf(list, ledger));
      const missing = new Set(findings.filter((f) => f.type === 'missingInLedger').map((f) => f.key));
      const live = new Set(ledger.filter((l) => !l.deleted).map(invoiceKey));
      for (const row of list) {
        const inScope = row.issueDate >= MAY.from && row.issueDate <= MAY.to && row.buyer.taxId === COMPANY.taxId;
        const key = invoiceKey(row);
        const reported = missing.has(`missingInLedger:${key}`);
        if (!inScope) continue;
        if (live.has(key)) expect(reported).toBe(false);
        else expect(reported).toBe(row.status !== 'voided' && row.status !== 'reversed');
      }
    }));
  });

  it('accounts for every live ledger invoice in scope: on the list, or reported missing on it', () => {
    fc.assert(fc.property(listArb, ledgerArb, (list, ledger) => {
      const { findings } = reconcile(inputOf(list, ledger));
      const listed = new Set(list.map(invoiceKey));
      const missingOnList = new Set(findings.filter((f) => f.type === 'missingOnList').map((f) => f.key));
      for (const inv of ledger) {
        if (inv.deleted || inv.issueDate < MAY.from || inv.issueDate > MAY.to) continue;
        expect(missingOnList.has(`missingOnList:${invoiceKey(inv)}`)).toBe(!listed.has(invoiceKey(inv)));
      }
    }));
  });

  it('gives unique keys, counts that agree with the findings, and the same answer whatever the row order', () => {
    fc.assert(fc.property(listArb, ledgerArb, fc.integer(), (list, ledger, seed) => {
      const a = reconcile(inputOf(list, ledger));
      expect(new Set(a.findings.map((f) => f.key)).size).toBe(a.findings.length);
      expect(a.summary.missingInLedger + a.summary.missingOnList + a.summary.mismatched + a.summary.voidedButActive)
        .toBe(a.findings.filter((f) => f.type !== 'riskFlagged').length);
      const shuffle = <T>(xs: T[]) => xs.map((x, i) => ({ x, k: Math.sin(seed + i) })).sort((p, q) => p.k - q.k).map((p) => p.x);
      const b = reconcile(inputOf(shuffle(list), shuffle(ledger)));
      expect(b.findings.map((f) => [f.key, f.detail])).toEqual(a.findings.map((f) => [f.key, f.detail]));
    }));
  });

  it('sorts findings by type, then key, and counts rows before filtering', () => {
    const out = reconcile({
      ...inputOf([platformRow(numberOf(2)), platformRow(numberOf(1)), platformRow(numberOf(9), { issueDate: '2023-01-01' })], [ledgerInvoice(numberOf(5))]),
      bank: [bankRow({ amount: fen(1) })],
    });
    expect(out.findings.map((f) => f.type)).toEqual(['missingInLedger', 'missingInLedger', 'missingOnList', 'paymentWithoutInvoice', 'invoiceWithoutPayment']);
    expect((out.findings[0]?.key ?? '') < (out.findings[1]?.key ?? '')).toBe(true);
    expect(out.summary).toEqual({
      listRows: 3, ledgerRows: 1, missingInLedger: 2, missingOnList: 1, mismatched: 0, voidedButActive: 0,
      paymentsWithoutInvoice: 1, invoicesWithoutPayment: 1, sequenceGaps: 0,
    });
  });

  it('leaves the bank counts at zero without a statement', () => {
    const out = reconcile(inputOf([], [ledgerInvoice(numberOf(1))]));
    expect(out.summary.invoicesWithoutPayment).toBe(0);
  });
});
