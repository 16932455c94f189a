import { describe, expect, it } from 'vitest';
import type { WireMutation } from '../../shared/sync/protocol';
import { invalidReason } from './validate';

const m = (changes: Record<string, unknown>, op: WireMutation['op'] = 'upsert'): WireMutation => ({
  id: 1, entity: 'invoice', entityId: 'inv-1', op, baseVersion: 0, changes, baseValues: {},
});

describe('invalidReason', () => {
  it('accepts a well-typed invoice change, including fields the server does not know', () => {
    expect(invalidReason(m({ id: 'inv-1', total: 52600, kind: 'vat_special', seller: { name: '某公司', taxId: '91110000' }, futureField: 1 }))).toBeUndefined();
    expect(invalidReason(m({ deleted: true, deletedAt: '2026-01-01T00:00:00Z' }, 'delete'))).toBeUndefined();
  });

  it.each([
    [{ total: '526.00' }, /total/],
    [{ amount: 1.5 }, /amount/],
    [{ kind: 'receipt' }, /kind/],
    [{ status: 'gone' }, /status/],
    [{ attachments: ['not-a-hash'] }, /attachments/],
    [{ version: 3 }, /version/],
    [{ id: 'inv-2' }, /id/],
  ])('rejects %j with a reason naming the field', (changes, reason) => {
    expect(invalidReason(m(changes))).toMatch(reason);
  });

  it('rejects a delete that un-deletes', () => {
    expect(invalidReason(m({ deleted: false }, 'delete'))).toMatch(/deleted/);
  });
});

describe('invalidReason for the entities of issue #11', () => {
  const of = (entity: WireMutation['entity'], changes: Record<string, unknown>): WireMutation => ({ ...m(changes), entity, entityId: 'e-1' });

  it('accepts well-typed cases, contact entries, matches, mappings, runs, notes and import batches', () => {
    expect(invalidReason(of('case', { id: 'e-1', state: 'contacted', checklist: { original: true }, invoiceId: null, ref: { kind: null, code: '', number: '12345678', issueDate: '', seller: { name: '', taxId: '' }, total: null } }))).toBeUndefined();
    expect(invalidReason(of('caseContact', { caseId: 'c-1', channel: 'phone', followUp: '2026-03-05', followUpDone: false }))).toBeUndefined();
    expect(invalidReason(of('match', { paymentKey: 'payment:2026-03-01:100:某公司:#0', invoiceIds: ['i-1'], decision: 'confirmed', score: 0.9, amount: 100 }))).toBeUndefined();
    expect(invalidReason(of('mapping', { name: '工行', kind: 'bank', columns: { date: '交易日期' }, sheet: '' }))).toBeUndefined();
    expect(invalidReason(of('reconcileRun', { period: { from: '2026-03-01', to: '2026-03-31' }, direction: 'in', summary: { listRows: 3 }, findingKeys: ['c:1:2'] }))).toBeUndefined();
    expect(invalidReason(of('findingNote', { type: 'missingInLedger', handled: true, note: '已补', caseId: null, later: 1 }))).toBeUndefined();
    expect(invalidReason(of('importBatch', { fileName: '台账.xlsx', sha256: 'a'.repeat(64), invoiceIds: ['i-1'], undone: false }))).toBeUndefined();
  });

  it.each([
    ['case', { state: 'lost' }, /state/],
    ['case', { checklist: { original: 'yes' } }, /checklist\.original/],
    ['case', { attachments: ['x'] }, /attachments/],
    ['caseContact', { channel: 'fax' }, /channel/],
    ['match', { decision: 'maybe' }, /decision/],
    ['match', { amount: 1.5 }, /amount/],
    ['mapping', { kind: 'payroll' }, /kind/],
    ['reconcileRun', { direction: 'both' }, /direction/],
    ['findingNote', { type: 'nope' }, /type/],
    ['importBatch', { sha256: 'ABC' }, /sha256/],
    ['importBatch', { version: 2 }, /version/],
  ] as const)('rejects a %s with %j, naming the field', (entity, changes, reason) => {
    expect(invalidReason(of(entity, changes))).toMatch(reason);
  });
});
