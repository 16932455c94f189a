import { describe, expect, it } from 'vitest';
import type { BankMatch } from '../../../shared/reconcile/entities';
import type { Finding, ReconcileSummary } from '../../../shared/reconcile/types';
import { decisionOf, filterFindings, typeCounts } from './report-view';

const f = (type: Finding['type'], key: string): Finding => ({ type, key, detail: {} });
const FINDINGS = [f('missingInLedger', 'a'), f('missingInLedger', 'b'), f('mismatched', 'c'), f('riskFlagged', 'd')];
const ALL = { type: '', onlyNew: false, handled: 'all' } as const;
const keys = (list: readonly Finding[]) => list.map((x) => x.key);

describe('filterFindings', () => {
  const notes = new Map([['a', { handled: true }], ['c', { handled: false }]]);
  const fresh = new Set(['b', 'c']);

  it('keeps everything without conditions', () => {
    expect(keys(filterFindings(FINDINGS, ALL, notes, fresh))).toEqual(['a', 'b', 'c', 'd']);
  });
  it('filters by type, by new since the last run, and by handled', () => {
    expect(keys(filterFindings(FINDINGS, { ...ALL, type: 'missingInLedger' }, notes, fresh))).toEqual(['a', 'b']);
    expect(keys(filterFindings(FINDINGS, { ...ALL, onlyNew: true }, notes, fresh))).toEqual(['b', 'c']);
    expect(keys(filterFindings(FINDINGS, { ...ALL, handled: 'handled' }, notes, fresh))).toEqual(['a']);
    expect(keys(filterFindings(FINDINGS, { ...ALL, handled: 'open' }, notes, fresh))).toEqual(['b', 'c', 'd']);
    expect(keys(filterFindings(FINDINGS, { type: 'missingInLedger', onlyNew: true, handled: 'open' }, notes, fresh))).toEqual(['b']);
  });
});

describe('typeCounts', () => {
  it('takes the summary counts and counts risk-flagged findings itself', () => {
    const summary: ReconcileSummary = {
      listRows: 9, ledgerRows: 8, missingInLedger: 2, missingOnList: 0, mismatched: 1, voidedButActive: 0,
      paymentsWithoutInvoice: 3, invoicesWithoutPayment: 4, sequenceGaps: 5,
    };
    expect(typeCounts(summary, FINDINGS)).toEqual({
      missingInLedger: 2, missingOnList: 0, mismatched: 1, voidedButActive: 0, riskFlagged: 1,
      paymentWithoutInvoice: 3, invoiceWithoutPayment: 4, sequenceGap: 5,
    });
  });
});

describe('decisionOf', () => {
  const match = (over: Partial<BankMatch>): BankMatch => ({
    id: 'm', createdBy: 'c', createdAt: '', updatedBy: 'c', updatedAt: '', version: 0, deleted: false,
    paymentKey: 'payment:1', invoiceIds: ['y', 'x'], decision: 'confirmed', score: 0.9, date: '2024-05-01', amount: 1, counterparty: '', ...over,
  });
  const s = { invoiceIds: ['x', 'y'], paymentKey: 'payment:1', score: 0.9, reasons: [] };

  it('finds the decision on the same payment and the same invoices in any order', () => {
    expect(decisionOf(s, 'other', [match({})])).toBe('confirmed');
    expect(decisionOf(s, 'other', [match({ decision: 'rejected' })])).toBe('rejected');
  });
  it('ignores other pairs and deleted decisions', () => {
    expect(decisionOf(s, 'other', [match({ invoiceIds: ['x'] }), match({ paymentKey: 'payment:2' }), match({ deleted: true })])).toBeNull();
  });
  it('uses the finding’s key when the suggestion names no payment', () => {
    expect(decisionOf({ invoiceIds: ['x', 'y'], score: 1, reasons: [] }, 'payment:1', [match({})])).toBe('confirmed');
  });
});
