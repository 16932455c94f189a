import { describe, expect, it } from 'vitest';
import type { InvoiceStatus } from '../domain/invoice';
import { fen } from '../domain/money';
import { AWAITING_CHECK, evaluatePeriodCheck, unresolvedDuplicates } from './evaluate';
import type { CheckItemId, CheckItemResult, PeriodCheckInput, PeriodInvoice, PeriodRun } from './types';

let n = 0;
function inv(status: InvoiceStatus, over: Partial<PeriodInvoice> = {}): PeriodInvoice {
  n++;
  return {
    id: `inv-${String(n)}`, code: '', number: String(25110000000000000000n + BigInt(n)), issueDate: '2026-03-10',
    seller: { name: `供应商${String(n)}`, taxId: `91110000MA0000${String(n).padStart(4, '0')}` }, total: fen(10_000 + n), status, warnings: [], ...over,
  };
}

const run = (over: Partial<PeriodRun> = {}): PeriodRun => ({
  id: 'run-1', createdAt: '2026-04-02T09:00:00.000Z', createdBy: 'wang', period: { from: '2026-03-01', to: '2026-03-31' },
  direction: 'in', sources: [{ kind: 'platform' }], findingKeys: [], deleted: false, ...over,
});

/** A month that passes every item; each test breaks one thing. */
const good: PeriodCheckInput = {
  month: '2026-03',
  invoices: [inv('verified'), inv('booked'), inv('voided')],
  runs: [run()],
  findingNotes: new Map(),
  caseFindingKeys: new Set(),
  lastChange: { seq: 40, at: '2026-04-02T09:00:00.000Z' },
  backup: { lastBackupAt: '2026-04-02T10:00:00.000Z', lastVerified: { at: '2026-04-02T10:05:00.000Z', ok: true } },
  audit: { at: '2026-04-02T10:10:00.000Z', by: 'li', headSeq: 42, brokenSeq: null },
};

function itemOf(input: PeriodCheckInput, id: CheckItemId): CheckItemResult {
  const found = evaluatePeriodCheck(input).items.find((i) => i.id === id);
  if (!found) throw new Error(id);
  return found;
}

describe('evaluatePeriodCheck', () => {
  it('passes a month where everything is done, with the five items in order and the month’s dates', () => {
    const r = evaluatePeriodCheck(good);
    expect(r.pass).toBe(true);
    expect(r.period).toEqual({ from: '2026-03-01', to: '2026-03-31' });
    expect(r.items.map((i) => [i.id, i.pass, i.reason, i.count])).toEqual([
      ['checked', true, 'ok', 0], ['clean', true, 'ok', 0], ['reconciled', true, 'ok', 0], ['backup', true, 'ok', 0], ['audit', true, 'ok', 0],
    ]);
  });

  it('a: fails on invoices of the month still 已录入 or 已补办 (checked again), with examples, and ignores other months', () => {
    expect(AWAITING_CHECK).toEqual(['entered', 'replaced']);
    const entered = inv('entered', { issueDate: '2026-03-31' });
    const replaced = inv('replaced', { issueDate: '2026-03-02' });
    const april = inv('entered', { issueDate: '2026-04-01' });
    const a = itemOf({ ...good, invoices: [...good.invoices, entered, replaced, april, inv('lost'), inv('reimbursed')] }, 'checked');
    expect(a).toMatchObject({ pass: false, reason: 'unchecked', count: 2 });
    expect(a.examples.map((e) => e.ref)).toEqual([replaced.id, entered.id]);
    expect(a.examples[0]).toMatchObject({ number: replaced.number, seller: replaced.seller.name, issueDate: '2026-03-02', total: replaced.total });
    expect(evaluatePeriodCheck({ ...good, invoices: [entered] }).pass).toBe(false);
  });

  it('a: keeps at most five examples but counts them all', () => {
    const a = itemOf({ ...good, invoices: Array.from({ length: 8 }, () => inv('entered')) }, 'checked');
    expect(a.count).toBe(8);
    expect(a.examples).toHaveLength(5);
  });

  it('b: fails on warnings of invoices waiting for the check, not on those already checked', () => {
    const warning = { field: 'checkCode' as const, severity: 'warning' as const, code: 'checkCode.missing' };
    const open = inv('entered', { warnings: [warning] });
    const b = itemOf({ ...good, invoices: [open, inv('verified', { warnings: [warning] })] }, 'clean');
    expect(b).toMatchObject({ pass: false, reason: 'open', count: 1, facts: { warnings: 1, duplicates: 0 } });
    expect(b.examples).toEqual([expect.objectContaining({ ref: open.id, problem: 'warning' })]);
  });

  it('b: fails on the same invoice twice (hard key) even when both are checked', () => {
    const one = inv('verified');
    const two = inv('booked', { number: one.number, seller: { name: '别名', taxId: 'x' }, total: fen(1) });
    const b = itemOf({ ...good, invoices: [one, two] }, 'clean');
    expect(b).toMatchObject({ pass: false, count: 2, facts: { duplicates: 2 } });
    expect(new Set(b.examples.map((e) => e.problem))).toEqual(new Set(['duplicate']));
  });

  it('b: fails on an invoice flagged as a possible duplicate while it waits for the check; checked or voided ones are resolved', () => {
    const flag = { field: 'total' as const, severity: 'warning' as const, code: 'duplicate.soft' };
    const one = inv('verified');
    const likely = inv('entered', { seller: one.seller, total: one.total, warnings: [flag] });
    expect(unresolvedDuplicates([one, likely]).map((i) => i.id)).toEqual([likely.id]);
    expect(itemOf({ ...good, invoices: [one, likely] }, 'clean')).toMatchObject({ pass: false, count: 1, facts: { warnings: 0, duplicates: 1 } });
    expect(unresolvedDuplicates([one, { ...likely, status: 'verified' }])).toEqual([]);
    expect(unresolvedDuplicates([one, { ...likely, status: 'voided' }])).toEqual([]);
  });

  it('b: an invoice both warned and flagged as a duplicate counts once', () => {
    const one = inv('entered', { warnings: [{ field: 'total', severity: 'warning', code: 'duplicate.soft' }, { field: 'checkCode', severity: 'warning', code: 'checkCode.missing' }] });
    const b = itemOf({ ...good, invoices: [one, inv('entered')] }, 'clean');
    expect(b.count).toBe(1);
    expect(b.facts).toEqual({ warnings: 1, duplicates: 1 });
    expect(b.examples).toEqual([expect.objectContaining({ ref: one.id, problem: 'duplicate' })]);
  });

  it('c: fails without a run over a platform export covering the whole month', () => {
    for (const runs of [
      [],
      [run({ sources: [{ kind: 'bank' }] })],
      [run({ period: { from: '2026-03-02', to: '2026-03-31' } })],
      [run({ period: { from: '2026-03-01', to: '2026-03-30' } })],
      [run({ deleted: true })],
    ]) expect(itemOf({ ...good, runs }, 'reconciled')).toMatchObject({ pass: false, reason: 'noRun', count: 0 });
    expect(itemOf({ ...good, runs: [run({ period: { from: '2026-01-01', to: '2026-06-30' } })] }, 'reconciled').pass).toBe(true);
  });

  it('c: fails on a missing invoice of the latest run that is neither handled nor has a case', () => {
    const keys = ['missingInLedger:n:25330000000000000001', 'missingInLedger:c:044031900111:00012345', 'missingInLedger:n:25330000000000000003', 'missingInLedger:n:25330000000000000004', 'mismatched:n:1'];
    const input = {
      ...good,
      runs: [run({ id: 'old', createdAt: '2026-04-01T00:00:00.000Z', findingKeys: ['missingInLedger:n:999'] }), run({ findingKeys: keys })],
      findingNotes: new Map([[keys[2] ?? '', { handled: true, caseId: null }], [keys[3] ?? '', { handled: false, caseId: 'case-9' }]]),
    };
    const c = itemOf(input, 'reconciled');
    expect(c).toMatchObject({ pass: false, reason: 'missingOpen', count: 2, facts: { runId: 'run-1', runBy: 'wang', missing: 4 } });
    expect(c.examples.map((e) => e.number)).toEqual(['00012345', '25330000000000000001']);
    const withCase = itemOf({ ...input, caseFindingKeys: new Set([keys[0] ?? '', keys[1] ?? '']) }, 'reconciled');
    expect(withCase).toMatchObject({ pass: true, reason: 'ok', count: 0 });
  });

  it('c: reads the latest run of each direction', () => {
    const outRun = run({ id: 'out', direction: 'out', findingKeys: ['missingInLedger:n:7'] });
    expect(itemOf({ ...good, runs: [run(), outRun] }, 'reconciled')).toMatchObject({ pass: false, count: 1 });
    const outAgain = run({ id: 'out2', direction: 'out', createdAt: '2026-04-03T00:00:00.000Z' });
    expect(itemOf({ ...good, runs: [run(), outRun, outAgain] }, 'reconciled')).toMatchObject({ pass: true, facts: { runId: 'out2', runs: 2 } });
  });

  it('d: fails unless a backup after the last change was verified intact after it', () => {
    const at = (lastBackupAt: string | null, verified: { at: string; ok: boolean } | null) => itemOf({ ...good, backup: { lastBackupAt, lastVerified: verified } }, 'backup');
    expect(at(null, null)).toMatchObject({ pass: false, reason: 'neverVerified' });
    expect(at('2026-04-01T00:00:00.000Z', { at: '2026-04-03T00:00:00.000Z', ok: true })).toMatchObject({ pass: false, reason: 'noBackupAfterChange' });
    expect(at('2026-04-03T00:00:00.000Z', { at: '2026-04-01T00:00:00.000Z', ok: true })).toMatchObject({ pass: false, reason: 'verifiedBeforeChange' });
    expect(at('2026-04-03T00:00:00.000Z', { at: '2026-04-03T01:00:00.000Z', ok: false })).toMatchObject({ pass: false, reason: 'verifyFailed' });
    expect(at('2026-04-03T00:00:00.000Z', { at: '2026-04-03T01:00:00.000Z', ok: true })).toMatchObject({ pass: true, reason: 'ok', facts: { lastChangeAt: '2026-04-02T09:00:00.000Z' } });
    expect(itemOf({ ...good, lastChange: null, backup: { lastBackupAt: null, lastVerified: null } }, 'backup')).toMatchObject({ pass: true, reason: 'noChange' });
  });

  it('e: fails when the chain was never verified, is broken, or was verified before the last change', () => {
    expect(itemOf({ ...good, audit: null }, 'audit')).toMatchObject({ pass: false, reason: 'neverVerified' });
    expect(itemOf({ ...good, audit: { ...good.audit!, brokenSeq: 17 } }, 'audit')).toMatchObject({ pass: false, reason: 'broken', count: 1, facts: { brokenSeq: 17 } });
    expect(itemOf({ ...good, audit: { ...good.audit!, headSeq: 39 } }, 'audit')).toMatchObject({ pass: false, reason: 'verifiedBeforeChange' });
    expect(itemOf({ ...good, audit: { ...good.audit!, headSeq: 40 } }, 'audit')).toMatchObject({ pass: true, facts: { verifiedBy: 'li' } });
    expect(evaluatePeriodCheck({ ...good, audit: null }).pass).toBe(false);
  });
});
