import { describe, expect, it } from 'vitest';
import { initialStatus, applyTransition, type StatusState } from '../domain/status';
import type { InvoiceStatus } from '../domain/invoice';
import { allowedCaseMoves, applyCaseTransition, followCase, invoiceStatusFor, isOpenCase, type CaseStatePart } from './case-machine';
import { CASE_STATES, type CaseState } from './types';

const by = { by: '会计甲', at: '2026-03-01T08:00:00.000Z' };
const fresh: CaseStatePart = { state: 'found', stateHistory: [{ from: null, to: 'found', at: by.at, by: by.by, reason: '' }], closeReason: '' };

function walk(...states: CaseState[]): CaseStatePart {
  let c = fresh;
  for (const to of states) {
    const r = applyCaseTransition(c, to, { ...by, reason: 'r' });
    if (!r.ok) throw new Error(`${c.state} → ${to} refused`);
    c = r.value;
  }
  return c;
}

function invoiceIn(status: InvoiceStatus): StatusState {
  const path: Record<string, InvoiceStatus[]> = { lost: ['lost'], replacing: ['lost', 'replacing'], replaced: ['lost', 'replacing', 'replaced'], verified: ['verified'], voided: ['voided'], entered: [] };
  let s = initialStatus('x', by.at);
  for (const to of path[status] ?? []) {
    const r = applyTransition(s, to, { ...by, reason: 'r' });
    if (!r.ok) throw new Error('setup');
    s = r.value;
  }
  return s;
}

describe('case state machine', () => {
  it('moves forward one step at a time and appends each move to the history', () => {
    const c = walk('contacted', 'requested', 'reviewing', 'received', 'archived');
    expect(c.state).toBe('archived');
    expect(c.stateHistory.map((h) => [h.from, h.to])).toEqual([
      [null, 'found'], ['found', 'contacted'], ['contacted', 'requested'], ['requested', 'reviewing'], ['reviewing', 'received'], ['received', 'archived'],
    ]);
  });

  it('lets a clerk skip ahead (the copy arrived right after the first call)', () => {
    expect(applyCaseTransition(walk('contacted'), 'received', by)).toMatchObject({ ok: true, value: { state: 'received' } });
    expect(applyCaseTransition(fresh, 'archived', by)).toMatchObject({ ok: true, value: { state: 'archived' } });
  });

  it('never moves backwards, nor to the same state, nor out of an archived case', () => {
    expect(applyCaseTransition(walk('requested'), 'contacted', by)).toEqual({ ok: false, error: { code: 'case.illegal', params: { from: 'requested', to: 'contacted' } } });
    expect(applyCaseTransition(fresh, 'found', by).ok).toBe(false);
    expect(applyCaseTransition(walk('archived'), 'closed', { ...by, reason: 'x' }).ok).toBe(false);
    expect(allowedCaseMoves('archived')).toEqual([]);
  });

  it('closes any open state with a required reason, kept as closeReason', () => {
    for (const state of ['found', 'contacted', 'requested', 'reviewing', 'received'] as const) {
      const open: CaseStatePart = { ...fresh, state };
      expect(applyCaseTransition(open, 'closed', by)).toEqual({ ok: false, error: { code: 'case.reasonRequired', params: { from: state, to: 'closed' } } });
      expect(applyCaseTransition(open, 'closed', { ...by, reason: '  ' }).ok).toBe(false);
      expect(applyCaseTransition(open, 'closed', { ...by, reason: ' 供应商已注销 ' })).toMatchObject({ ok: true, value: { state: 'closed', closeReason: '供应商已注销' } });
    }
  });

  it('reopens only a closed case, only to found, and only with a reason', () => {
    const closed = walk('contacted', 'closed');
    expect(applyCaseTransition(closed, 'contacted', { ...by, reason: 'x' }).ok).toBe(false);
    expect(applyCaseTransition(closed, 'found', by)).toEqual({ ok: false, error: { code: 'case.reasonRequired', params: { from: 'closed', to: 'found' } } });
    const reopened = applyCaseTransition(closed, 'found', { ...by, reason: '供应商又联系上了' });
    expect(reopened).toMatchObject({ ok: true, value: { state: 'found', closeReason: '' } });
    expect(reopened.ok && reopened.value.stateHistory.at(-1)).toMatchObject({ from: 'closed', to: 'found', reason: '供应商又联系上了' });
  });

  it('open states are the ones still being worked on', () => {
    expect(CASE_STATES.filter(isOpenCase)).toEqual(['found', 'contacted', 'requested', 'reviewing', 'received']);
  });
});

describe('the invoice a case follows', () => {
  it('asks 补办中 while the copy is sought, 已补办 once it arrived, nothing of a closed case', () => {
    expect(CASE_STATES.map((s) => [s, invoiceStatusFor(s)])).toEqual([
      ['found', 'replacing'], ['contacted', 'replacing'], ['requested', 'replacing'], ['reviewing', 'replacing'],
      ['received', 'replaced'], ['archived', 'replaced'], ['closed', null],
    ]);
  });

  it('moves a lost invoice to 补办中 through the invoice status machine', () => {
    const r = followCase(invoiceIn('lost'), 'found', by);
    expect(r).toMatchObject({ kind: 'moved', from: 'lost', to: 'replacing', value: { status: 'replacing' } });
    expect(r.kind === 'moved' && r.value.statusHistory.at(-1)).toMatchObject({ from: 'lost', to: 'replacing', by: '会计甲' });
  });

  it('takes a lost invoice whose copy arrived through 补办中 to 已补办', () => {
    const r = followCase(invoiceIn('lost'), 'received', by);
    expect(r.kind === 'moved' && r.value.statusHistory.slice(-2).map((h) => h.to)).toEqual(['replacing', 'replaced']);
    expect(followCase(invoiceIn('replacing'), 'archived', by)).toMatchObject({ kind: 'moved', to: 'replaced' });
  });

  it('leaves an invoice alone when it is already there, when the case is closed, or when its machine refuses', () => {
    expect(followCase(invoiceIn('replacing'), 'contacted', by)).toEqual({ kind: 'unchanged' });
    expect(followCase(invoiceIn('lost'), 'closed', by)).toEqual({ kind: 'unchanged' });
    expect(followCase(invoiceIn('verified'), 'found', by)).toEqual({ kind: 'refused', error: { code: 'status.illegal', params: { from: 'verified', to: 'replacing' } } });
    expect(followCase(invoiceIn('entered'), 'received', by)).toMatchObject({ kind: 'refused' });
    expect(followCase(invoiceIn('voided'), 'received', by)).toMatchObject({ kind: 'refused' });
    // Never backwards: a replaced invoice stays replaced when its case is reopened.
    expect(followCase(invoiceIn('replaced'), 'found', by)).toEqual({ kind: 'refused', error: { code: 'status.illegal', params: { from: 'replaced', to: 'replacing' } } });
  });
});
