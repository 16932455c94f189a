/*
 * One reconciliation run: the platform list against the ledger (list-ledger.ts), the bank statement against the
 * ledger (bank.ts) and the paper number sequences (gaps.ts), for one period and one direction. Pure and
 * deterministic: the same input gives the same findings, keys and order (by type, then key).
 */
import type { BankMatch } from '../entities';
import { FINDING_TYPES, type BankRow, type Finding, type FindingType, type LedgerInvoice, type Period, type PlatformRow, type ReconcileSummary } from '../types';
import { matchBankToLedger } from './bank';
import { findSequenceGaps } from './gaps';
import { matchListToLedger } from './list-ledger';
import { directionFilter, type Direction } from './scope';

/** Everything one run looks at. companyTaxId '' takes every row regardless of direction. */
export interface ReconcileInput {
  readonly list: readonly PlatformRow[];
  readonly ledger: readonly LedgerInvoice[];
  readonly bank?: readonly BankRow[];
  readonly period: Period;
  readonly companyTaxId: string;
  readonly direction: Direction;
  /** Bank matches the clerk decided earlier: confirmed ones settle both sides, rejected ones drop a suggestion. */
  readonly decided?: readonly BankMatch[];
}

/** The counts and the findings of a run. */
export interface ReconcileOutput {
  readonly summary: ReconcileSummary;
  readonly findings: readonly Finding[];
}

const TYPE_ORDER = new Map<FindingType, number>(FINDING_TYPES.map((t, i) => [t, i]));

function byTypeThenKey(a: Finding, b: Finding): number {
  const t = (TYPE_ORDER.get(a.type) ?? 0) - (TYPE_ORDER.get(b.type) ?? 0);
  if (t !== 0) return t;
  return a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
}

/** Counts findings per summary field; listRows and ledgerRows are the rows read, before any filtering. */
export function summarize(input: Pick<ReconcileInput, 'list' | 'ledger'>, findings: readonly Finding[]): ReconcileSummary {
  const count = (type: FindingType) => findings.reduce((n, f) => (f.type === type ? n + 1 : n), 0);
  return {
    listRows: input.list.length,
    ledgerRows: input.ledger.length,
    missingInLedger: count('missingInLedger'),
    missingOnList: count('missingOnList'),
    mismatched: count('mismatched'),
    voidedButActive: count('voidedButActive'),
    paymentsWithoutInvoice: count('paymentWithoutInvoice'),
    invoicesWithoutPayment: count('invoiceWithoutPayment'),
    sequenceGaps: count('sequenceGap'),
  };
}

/** Runs every rule for the period and direction; findings sorted by type, then key. */
export function reconcile(input: ReconcileInput): ReconcileOutput {
  const belongs = directionFilter(input.companyTaxId, input.direction);
  const findings: Finding[] = [
    ...matchListToLedger({ list: input.list, ledger: input.ledger, period: input.period, belongs }),
    ...findSequenceGaps({ list: input.list, ledger: input.ledger, period: input.period, belongs }),
  ];
  if (input.bank) {
    findings.push(...matchBankToLedger({
      bank: input.bank, ledger: input.ledger, period: input.period, direction: input.direction, belongs, decided: input.decided ?? [],
    }));
  }
  findings.sort(byTypeThenKey);
  return { summary: summarize(input, findings), findings };
}
