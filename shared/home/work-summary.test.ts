import { describe, expect, it } from 'vitest';
import type { CaseContact, CaseState, InvoiceCase } from '../cases/types';
import type { FindingNote, ReconcileRun } from '../reconcile/entities';
import { caseMonths, countFollowUps, lastReconciliation } from './work-summary';

const meta = (id: string, createdAt = '2026-11-02T01:00:00.000Z') => ({ id, createdBy: 'li', createdAt, updatedBy: 'li', updatedAt: createdAt, version: 0, deleted: false });
const aCase = (id: string, state: CaseState, history: [CaseState, string][] = [], createdAt?: string): InvoiceCase => ({
  ...meta(id, createdAt), title: id, state, origin: 'manual', invoiceId: null, replacementId: null, findingKey: null, checklist: {}, attachments: [],
  closeReason: '', notes: '', ref: { kind: null, code: '', number: '1', issueDate: '2026-10-01', seller: { name: 's', taxId: '' }, total: null },
  stateHistory: history.map(([to, at]) => ({ from: null, to, at, by: 'li', reason: '' })),
});
const contact = (caseId: string, followUp: string, over: Partial<CaseContact> = {}): CaseContact => ({
  ...meta(`${caseId}-${followUp}`), caseId, date: '2026-11-01', channel: 'phone', person: '', summary: '', nextStep: '', followUp, followUpDone: false, ...over,
});

describe('countFollowUps', () => {
  it('counts due today and overdue on open cases only', () => {
    const cases = [aCase('a', 'contacted'), aCase('b', 'archived'), { ...aCase('c', 'found'), deleted: true }];
    const contacts = [
      contact('a', '2026-12-06'), contact('a', '2026-12-01'), contact('a', '2026-12-07'), contact('a', '2026-11-01', { followUpDone: true }),
      contact('a', '2026-11-02', { deleted: true }), contact('b', '2026-12-01'), contact('c', '2026-12-01'), contact('a', ''),
    ];
    expect(countFollowUps(cases, contacts, '2026-12-06')).toEqual({ due: 1, overdue: 1, openCases: 1 });
  });
});

describe('caseMonths', () => {
  it('counts cases found, recovered (first arrival) and closed in the local month', () => {
    const monthOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 7); // Beijing
    const cases = [
      aCase('a', 'archived', [['found', '2026-10-31T17:00:00.000Z'], ['received', '2026-11-20T02:00:00.000Z'], ['archived', '2026-12-01T02:00:00.000Z']], '2026-10-31T17:00:00.000Z'),
      aCase('b', 'closed', [['closed', '2026-12-02T02:00:00.000Z']], '2026-11-10T02:00:00.000Z'),
      aCase('c', 'found', [], '2026-05-10T02:00:00.000Z'),
    ];
    expect(caseMonths(cases, ['2026-11', '2026-12'], monthOf)).toEqual([
      { month: '2026-11', found: 2, recovered: 1, closed: 0 },
      { month: '2026-12', found: 0, recovered: 0, closed: 1 },
    ]);
  });
});

describe('lastReconciliation', () => {
  const run = (id: string, createdAt: string, findingKeys: string[]): ReconcileRun => ({
    ...meta(id, createdAt), period: { from: '2026-11-01', to: '2026-11-30' }, direction: 'in', sources: [], findingKeys,
    summary: { listRows: 0, ledgerRows: 0, missingInLedger: 0, missingOnList: 0, mismatched: 0, voidedButActive: 0, paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0, sequenceGaps: 0 },
  });
  const note = (key: string, handled: boolean, caseId: string | null): [string, FindingNote] => [key, { ...meta(key), type: 'missingInLedger', handled, note: '', caseId }];

  it('takes the newest run and counts findings not marked handled, and missing ones no case follows', () => {
    const runs = [run('old', '2026-10-01T00:00:00Z', ['missingInLedger:n:9']), run('new', '2026-12-01T00:00:00Z', ['missingInLedger:n:1', 'missingInLedger:n:2', 'missingInLedger:n:3', 'mismatched:n:4'])];
    const notes = new Map([note('missingInLedger:n:1', true, null), note('missingInLedger:n:2', false, 'case-1')]);
    expect(lastReconciliation(runs, notes)).toMatchObject({ run: { id: 'new' }, findings: 4, open: 3, missingWithoutCase: 1 });
    expect(lastReconciliation([], notes)).toBeNull();
  });
});
