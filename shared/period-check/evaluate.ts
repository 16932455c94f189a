/*
 * The month-end completeness check (月末核对, issue #14), item by item, as a pure function of what the database
 * holds: every invoice of the month checked; no open warnings or unresolved duplicates; the month reconciled against
 * the tax platform's export with no open missing invoice left without a case; a backup verified after the last
 * change; the audit chain verified after the last change.
 */
import { hardKey, isDuplicateWarning } from '../domain/duplicates';
import type { InvoiceStatus } from '../domain/invoice';
import { STATUS_TRANSITIONS } from '../domain/status';
import { inPeriod } from '../reconcile/match/scope';
import type { Period } from '../reconcile/types';
import { monthPeriod } from '../domain/month';
import { MISSING_PREFIX } from '../reconcile/match/list-ledger';
import type { CheckExample, CheckItemResult, PeriodCheckInput, PeriodCheckResult, PeriodInvoice, PeriodRun } from './types';

/** How many failing records an item keeps as examples. */
export const MAX_EXAMPLES = 5;

/** Statuses that still wait for the check: those from which 已核对 is one step (已录入, and 已补办, checked again). */
export const AWAITING_CHECK: readonly InvoiceStatus[] = (Object.keys(STATUS_TRANSITIONS) as InvoiceStatus[])
  .filter((s) => STATUS_TRANSITIONS[s].includes('verified'));

/** Statuses that take an invoice out of the ledger's count (作废, 红冲): never a duplicate of anything. */
const VOID: readonly InvoiceStatus[] = ['voided', 'reversed'];

const byDateThenNumber = (a: PeriodInvoice, b: PeriodInvoice) => a.issueDate.localeCompare(b.issueDate) || a.number.localeCompare(b.number);

function example(inv: PeriodInvoice, problem: string): CheckExample {
  return { ref: inv.id, number: inv.number, seller: inv.seller.name, issueDate: inv.issueDate, total: inv.total, problem };
}

function item(id: CheckItemResult['id'], reason: CheckItemResult['reason'], count: number, examples: readonly CheckExample[], facts: CheckItemResult['facts']): CheckItemResult {
  return { id, pass: reason === 'ok' || reason === 'noChange', reason, count, examples: examples.slice(0, MAX_EXAMPLES), facts };
}

/** Item a: every invoice of the month checked. */
function checkedItem(invoices: readonly PeriodInvoice[]): CheckItemResult {
  const open = invoices.filter((i) => AWAITING_CHECK.includes(i.status)).sort(byDateThenNumber);
  return item('checked', open.length === 0 ? 'ok' : 'unchecked', open.length, open.map((i) => example(i, 'unchecked')), { invoices: invoices.length });
}

/**
 * Unresolved duplicates: an invoice flagged as a possible duplicate when it was saved, while it still waits for the
 * check (once checked, the auditor has decided it is a separate invoice); and any two live invoices with one hard
 * key (the same invoice twice, which only sync can produce), whatever their status.
 */
export function unresolvedDuplicates(invoices: readonly PeriodInvoice[]): PeriodInvoice[] {
  const live = invoices.filter((i) => !VOID.includes(i.status));
  const byHardKey = new Map<string, PeriodInvoice[]>();
  for (const inv of live) byHardKey.set(hardKey(inv), [...(byHardKey.get(hardKey(inv)) ?? []), inv]);
  const out = new Set<PeriodInvoice>();
  for (const g of byHardKey.values()) if (g.length > 1) for (const inv of g) out.add(inv);
  for (const inv of live) if (AWAITING_CHECK.includes(inv.status) && inv.warnings.some((w) => isDuplicateWarning(w.code))) out.add(inv);
  return [...out].sort(byDateThenNumber);
}

/** Item b: no open warnings (other than duplicates, on invoices still waiting for the check) and no unresolved duplicates. */
function cleanItem(invoices: readonly PeriodInvoice[]): CheckItemResult {
  const warned = invoices.filter((i) => AWAITING_CHECK.includes(i.status) && i.warnings.some((w) => !isDuplicateWarning(w.code))).sort(byDateThenNumber);
  const duplicates = unresolvedDuplicates(invoices);
  const failing = new Set([...warned, ...duplicates].map((i) => i.id));
  const examples = [...duplicates.map((i) => example(i, 'duplicate')), ...warned.filter((i) => !duplicates.includes(i)).map((i) => example(i, 'warning'))];
  return item('clean', failing.size === 0 ? 'ok' : 'open', failing.size, examples, { warnings: warned.length, duplicates: duplicates.length });
}

/** True when a run read a platform export whose period covers the whole of `period`. */
function coversPeriod(run: PeriodRun, period: Period): boolean {
  return !run.deleted && run.sources.some((s) => s.kind === 'platform') && run.period.from <= period.from && run.period.to >= period.to;
}

/** The 发票号码 in a missing finding's key (`missingInLedger:n:<number>` or `missingInLedger:c:<code>:<number>`). */
function numberOfFinding(key: string): string {
  return key.slice(key.lastIndexOf(':') + 1);
}

/** Item c: the latest covering run of each direction, and no missing invoice of it open without a case. */
function reconciledItem(input: PeriodCheckInput, period: Period): CheckItemResult {
  const latest = new Map<string, PeriodRun>();
  for (const run of input.runs) {
    if (!coversPeriod(run, period)) continue;
    const seen = latest.get(run.direction);
    if (!seen || run.createdAt > seen.createdAt) latest.set(run.direction, run);
  }
  const runs = [...latest.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const newest = runs[0];
  if (!newest) return item('reconciled', 'noRun', 0, [], { runs: 0 });
  const missing = [...new Set(runs.flatMap((r) => r.findingKeys.filter((k) => k.startsWith(MISSING_PREFIX))))].sort();
  const open = missing.filter((k) => {
    const note = input.findingNotes.get(k);
    return note?.handled !== true && (note?.caseId ?? null) === null && !input.caseFindingKeys.has(k);
  });
  const examples = open.map((k): CheckExample => ({ ref: k, number: numberOfFinding(k), seller: '', issueDate: '', total: null, problem: 'missing' }));
  return item('reconciled', open.length === 0 ? 'ok' : 'missingOpen', open.length, examples, {
    runs: runs.length, runId: newest.id, runAt: newest.createdAt, runBy: newest.createdBy, runFrom: newest.period.from, runTo: newest.period.to, missing: missing.length,
  });
}

/** Item d: a backup made after the last change, and a verification after it that found the backup intact. */
function backupItem(input: PeriodCheckInput): CheckItemResult {
  const { lastBackupAt, lastVerified } = input.backup;
  const change = input.lastChange;
  const facts = { lastChangeAt: change?.at ?? null, lastBackupAt, verifiedAt: lastVerified?.at ?? null };
  if (!change) return item('backup', 'noChange', 0, [], facts);
  if (!lastVerified) return item('backup', 'neverVerified', 0, [], facts);
  if (lastBackupAt === null || lastBackupAt < change.at) return item('backup', 'noBackupAfterChange', 0, [], facts);
  if (lastVerified.at < change.at) return item('backup', 'verifiedBeforeChange', 0, [], facts);
  return item('backup', lastVerified.ok ? 'ok' : 'verifyFailed', 0, [], facts);
}

/** Item e: the audit chain verified intact up to (at least) the last change. */
function auditItem(input: PeriodCheckInput): CheckItemResult {
  const v = input.audit;
  const facts = { lastChangeAt: input.lastChange?.at ?? null, verifiedAt: v?.at ?? null, verifiedBy: v?.by ?? null, brokenSeq: v?.brokenSeq ?? null };
  if (!v) return item('audit', 'neverVerified', 0, [], facts);
  if (v.brokenSeq !== null) return item('audit', 'broken', 1, [], facts);
  if (input.lastChange && v.headSeq < input.lastChange.seq) return item('audit', 'verifiedBeforeChange', 0, [], facts);
  return item('audit', 'ok', 0, [], facts);
}

/** Evaluates the whole checklist for the input's month. */
export function evaluatePeriodCheck(input: PeriodCheckInput): PeriodCheckResult {
  const period = monthPeriod(input.month);
  const invoices = input.invoices.filter((i) => inPeriod(i.issueDate, period));
  const items = [checkedItem(invoices), cleanItem(invoices), reconciledItem(input, period), backupItem(input), auditItem(input)];
  return { month: input.month, period, items, pass: items.every((i) => i.pass) };
}
