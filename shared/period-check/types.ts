/*
 * The month-end completeness check's shapes (月末核对, issue #14): what the evaluation reads about a period and
 * what it concludes, item by item. Results are plain data: they are saved and synced as they are (record.ts).
 */
import type { InvoiceStatus, Issue } from '../domain/invoice';
import type { Fen } from '../domain/money';
import type { Period, SheetKind } from '../reconcile/types';
import type { Month } from '../domain/month';

/** The checklist, in the order the clerk works through it. */
export const CHECK_ITEMS = ['checked', 'clean', 'reconciled', 'backup', 'audit'] as const;
/** One item of the checklist. */
export type CheckItemId = (typeof CHECK_ITEMS)[number];

/** Why each item passes or fails; the UI words each one (month-end messages `monthEnd.reason.<item>.<reason>`). */
export const CHECK_REASONS = {
  checked: ['ok', 'unchecked'],
  clean: ['ok', 'open'],
  reconciled: ['ok', 'noRun', 'missingOpen'],
  backup: ['ok', 'noChange', 'neverVerified', 'verifyFailed', 'noBackupAfterChange', 'verifiedBeforeChange'],
  audit: ['ok', 'neverVerified', 'broken', 'verifiedBeforeChange'],
} as const satisfies Readonly<Record<CheckItemId, readonly string[]>>;
/** A reason of any item. */
export type CheckReason = (typeof CHECK_REASONS)[CheckItemId][number];

/** Something that fails an item, as the clerk recognises it (an invoice, or a finding of a reconciliation). */
export interface CheckExample {
  /** The record it is about: an invoice id, or a finding's key. */
  readonly ref: string;
  /** 发票号码 ('' when unknown). */
  readonly number: string;
  /** The seller's name ('' when unknown). */
  readonly seller: string;
  /** 开票日期 ('' when unknown). */
  readonly issueDate: string;
  /** 价税合计 in fen (null when unknown). */
  readonly total: number | null;
  /** What is wrong with it, when one item covers several kinds: 'warning', 'duplicate', 'missing'. */
  readonly problem: string;
}

/** A fact shown beside an item (a time, a login, a count). */
export type CheckFact = string | number | null;

/** One item's result: pass or fail, why, how many things fail it and the first few of them. */
export interface CheckItemResult {
  readonly id: CheckItemId;
  readonly pass: boolean;
  readonly reason: CheckReason;
  /** How many things fail the item (0 when it passes). */
  readonly count: number;
  /** The first few of them (at most MAX_EXAMPLES). */
  readonly examples: readonly CheckExample[];
  /** What the item looked at: times, logins and counts, named per item. */
  readonly facts: Readonly<Record<string, CheckFact>>;
}

/** The whole check: the month, its dates, every item, and whether all pass. */
export interface PeriodCheckResult {
  readonly month: Month;
  readonly period: Period;
  readonly items: readonly CheckItemResult[];
  readonly pass: boolean;
}

/** An invoice of the period as the check reads it (live ones only: the recycle bin is not the ledger). */
export interface PeriodInvoice {
  readonly id: string;
  readonly code: string;
  readonly number: string;
  readonly issueDate: string;
  readonly seller: { readonly name: string; readonly taxId: string };
  readonly total: Fen;
  readonly status: InvoiceStatus;
  readonly warnings: readonly Issue[];
}

/** A saved reconciliation run as the check reads it. */
export interface PeriodRun {
  readonly id: string;
  readonly createdAt: string;
  readonly createdBy: string;
  readonly period: Period;
  readonly direction: 'in' | 'out';
  readonly sources: readonly { readonly kind: SheetKind }[];
  readonly findingKeys: readonly string[];
  readonly deleted: boolean;
}

/** The latest change to the ledger's records (the end of the audit trail, ignoring events that change nothing). */
export interface LastChange {
  readonly seq: number;
  readonly at: string;
}

/** Everything the evaluation needs; the renderer reads it from the database. */
export interface PeriodCheckInput {
  readonly month: Month;
  readonly invoices: readonly PeriodInvoice[];
  readonly runs: readonly PeriodRun[];
  /** The clerk's notes on findings, by finding key. */
  readonly findingNotes: ReadonlyMap<string, { readonly handled: boolean; readonly caseId: string | null }>;
  /** Finding keys that have a case (not deleted). */
  readonly caseFindingKeys: ReadonlySet<string>;
  readonly lastChange: LastChange | null;
  /** This PC's last backup and last verification of a backup. */
  readonly backup: { readonly lastBackupAt: string | null; readonly lastVerified: { readonly at: string; readonly ok: boolean } | null };
  /** The last verification of the audit chain (null when never verified). */
  readonly audit: { readonly at: string; readonly by: string; readonly headSeq: number; readonly brokenSeq: number | null } | null;
}
