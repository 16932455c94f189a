import { describe, expect, it } from 'vitest';
import { INVOICE_STATUSES, type InvoiceStatus } from './invoice';
import { allowedTransitions, applyTransition, initialStatus, isReasonRequired, type StatusState } from './status';

const at = '2025-01-02T03:04:05.000Z';
const state = (status: InvoiceStatus): StatusState => ({ status, statusHistory: [] });

const LEGAL: readonly (readonly [InvoiceStatus, InvoiceStatus])[] = [
  ['entered', 'verified'], ['verified', 'booked'], ['verified', 'reimbursed'],
  ['entered', 'lost'], ['verified', 'lost'], ['lost', 'replacing'], ['replacing', 'replaced'], ['replaced', 'verified'],
  ...(['entered', 'verified', 'booked', 'reimbursed', 'lost', 'replacing', 'replaced'] as const).flatMap(
    (from) => [[from, 'voided'], [from, 'reversed']] as const,
  ),
];

describe('status machine', () => {
  it('allows exactly the documented transitions', () => {
    const allowed = INVOICE_STATUSES.flatMap((from) => allowedTransitions(from).map((to) => `${from}→${to}`)).sort();
    expect(allowed).toEqual(LEGAL.map(([from, to]) => `${from}→${to}`).sort());
  });

  it.each(LEGAL)('%s → %s is applied and recorded', (from, to) => {
    const reason = isReasonRequired(to) ? '开票方开错' : '';
    const r = applyTransition(state(from), to, { by: 'clerk', at, reason });
    expect(r).toEqual({ ok: true, value: { status: to, statusHistory: [{ from, to, at, by: 'clerk', reason }] } });
  });

  it.each([
    ['entered', 'booked'], ['entered', 'reimbursed'], ['entered', 'replacing'], ['booked', 'verified'],
    ['reimbursed', 'booked'], ['lost', 'verified'], ['replacing', 'verified'], ['voided', 'entered'],
    ['voided', 'reversed'], ['reversed', 'voided'], ['verified', 'verified'], ['booked', 'lost'],
  ] as const)('%s → %s is refused', (from, to) => {
    expect(applyTransition(state(from), to, { by: 'clerk', at, reason: 'x' })).toEqual({
      ok: false, error: { code: 'status.illegal', params: { from, to } },
    });
  });

  it('treats 已作废 and 已红冲 as terminal', () => {
    expect(allowedTransitions('voided')).toEqual([]);
    expect(allowedTransitions('reversed')).toEqual([]);
  });

  it('requires a reason to void or reverse', () => {
    for (const reason of [undefined, '', '   ']) {
      const input = reason === undefined ? { by: 'clerk', at } : { by: 'clerk', at, reason };
      expect(applyTransition(state('booked'), 'voided', input)).toEqual({
        ok: false, error: { code: 'status.reasonRequired', params: { from: 'booked', to: 'voided' } },
      });
    }
    expect(applyTransition(state('entered'), 'reversed', { by: 'clerk', at }).ok).toBe(false);
  });

  it('appends to the history without changing earlier entries', () => {
    const start = initialStatus('clerk', at);
    expect(start).toEqual({ status: 'entered', statusHistory: [{ from: null, to: 'entered', at, by: 'clerk', reason: '' }] });
    const verified = applyTransition(start, 'verified', { by: 'lead', at: '2025-01-03T00:00:00.000Z' });
    if (!verified.ok) throw new Error('expected ok');
    const voided = applyTransition(verified.value, 'voided', { by: 'lead', at: '2025-01-04T00:00:00.000Z', reason: ' 重复开具 ' });
    if (!voided.ok) throw new Error('expected ok');
    expect(voided.value.statusHistory.map((h) => [h.from, h.to, h.reason])).toEqual([
      [null, 'entered', ''], ['entered', 'verified', ''], ['verified', 'voided', '重复开具'],
    ]);
    expect(start.statusHistory).toHaveLength(1);
  });
});
