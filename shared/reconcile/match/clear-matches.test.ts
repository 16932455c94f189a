import { describe, expect, it } from 'vitest';
import type { Finding, MatchSuggestion } from '../types';
import { clearMatches } from './clear-matches';

const suggestion = (invoiceIds: string[], score: number): MatchSuggestion => ({ invoiceIds, score, reasons: [] });
const payment = (key: string, ...suggestions: MatchSuggestion[]): Finding => ({ type: 'paymentWithoutInvoice', key, detail: {}, suggestions });

describe('clearMatches', () => {
  it('offers a payment whose best suggestion is high and alone', () => {
    const f = payment('p1', suggestion(['a'], 0.97), suggestion(['b'], 0.6));
    expect(clearMatches([f])).toEqual([{ finding: f, suggestion: f.suggestions![0] }]);
  });

  it('leaves out low scores and close runners-up', () => {
    expect(clearMatches([payment('p1', suggestion(['a'], 0.85))])).toEqual([]);
    expect(clearMatches([payment('p2', suggestion(['a'], 0.95), suggestion(['b'], 0.9))])).toEqual([]);
  });

  it('leaves out payments that claim the same invoice', () => {
    const shared = [payment('p1', suggestion(['a'], 0.95)), payment('p2', suggestion(['a', 'b'], 0.93)), payment('p3', suggestion(['c'], 0.99))];
    expect(clearMatches(shared).map((m) => m.finding.key)).toEqual(['p3']);
  });

  it('ignores every other finding type, even with suggestions', () => {
    const unpaid: Finding = { type: 'invoiceWithoutPayment', key: 'i1', detail: {}, suggestions: [suggestion(['x'], 1)] };
    expect(clearMatches([unpaid])).toEqual([]);
  });
});
