/*
 * The home page's other tiles from plain records: follow-ups on missing-invoice cases, the cases chart and the last
 * reconciliation (the backup tile's rule is shared/backup/overdue.ts). "Today" is a parameter, so tests and the UI
 * share one clock.
 */
import { isOpenCase } from '../cases/case-machine';
import { followUpState } from '../cases/follow-ups';
import type { CaseContact, InvoiceCase } from '../cases/types';
import { MISSING_PREFIX } from '../reconcile/match/list-ledger';
import type { FindingNote, ReconcileRun } from '../reconcile/entities';

/** Follow-ups on open cases that need doing: due today, and past their date. */
export interface FollowUpCounts {
  readonly due: number;
  readonly overdue: number;
  /** Open cases (not archived or closed). */
  readonly openCases: number;
}

/** Counts the follow-ups due today or overdue on open cases (entries of deleted or finished cases do not count). */
export function countFollowUps(cases: readonly InvoiceCase[], contacts: readonly CaseContact[], today: string): FollowUpCounts {
  const open = new Set(cases.filter((c) => !c.deleted && isOpenCase(c.state)).map((c) => c.id));
  let due = 0, overdue = 0;
  for (const e of contacts) {
    if (e.deleted || !open.has(e.caseId)) continue;
    const s = followUpState(e, today);
    if (s === 'due') due += 1;
    else if (s === 'overdue') overdue += 1;
  }
  return { due, overdue, openCases: open.size };
}

/** One month of the missing-invoices chart. */
export interface CaseMonth {
  readonly month: string;
  /** Cases opened (a missing or lost invoice found). */
  readonly found: number;
  /** Cases whose invoice (or its copy) arrived: first reached 已收到 or 已入账归档. */
  readonly recovered: number;
  /** Cases closed without the invoice. */
  readonly closed: number;
}

/**
 * Cases found, recovered and closed per month. `monthOf` turns a stored ISO instant into the clerk's local YYYY-MM
 * (the caller's time zone), so a case opened at 07:30 Beijing time on the 1st counts in that month.
 */
export function caseMonths(cases: readonly InvoiceCase[], months: readonly string[], monthOf: (iso: string) => string): CaseMonth[] {
  const rows = new Map(months.map((m) => [m, { month: m, found: 0, recovered: 0, closed: 0 }]));
  for (const c of cases) {
    if (c.deleted) continue;
    const opened = rows.get(monthOf(c.createdAt));
    if (opened) opened.found += 1;
    const arrived = c.stateHistory.find((h) => h.to === 'received' || h.to === 'archived');
    const recovered = arrived ? rows.get(monthOf(arrived.at)) : undefined;
    if (recovered) recovered.recovered += 1;
    const closing = c.state === 'closed' ? c.stateHistory.findLast((h) => h.to === 'closed') : undefined;
    const closed = closing ? rows.get(monthOf(closing.at)) : undefined;
    if (closed) closed.closed += 1;
  }
  return months.map((m) => rows.get(m) ?? { month: m, found: 0, recovered: 0, closed: 0 });
}

/** The last reconciliation and what is still open in it. */
export interface ReconcileTile {
  readonly run: ReconcileRun;
  readonly findings: number;
  /** Findings without a "handled" note. */
  readonly open: number;
  /** Open 平台有台账无 (missing in the ledger) findings that no case follows. */
  readonly missingWithoutCase: number;
}

/** The newest run (by createdAt) and its open findings; null when nothing was ever reconciled. */
export function lastReconciliation(runs: readonly ReconcileRun[], notes: ReadonlyMap<string, FindingNote>): ReconcileTile | null {
  let run: ReconcileRun | null = null;
  for (const r of runs) if (!r.deleted && (run === null || r.createdAt > run.createdAt)) run = r;
  if (!run) return null;
  let open = 0, missingWithoutCase = 0;
  for (const key of run.findingKeys) {
    const note = notes.get(key);
    if (note?.handled) continue;
    open += 1;
    if (key.startsWith(MISSING_PREFIX) && !note?.caseId) missingWithoutCase += 1;
  }
  return { run, findings: run.findingKeys.length, open, missingWithoutCase };
}
