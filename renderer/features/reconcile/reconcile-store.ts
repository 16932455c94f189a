/*
 * UI state of the reconciliation page (docs/architecture.md#ui-state-and-durable-data). The company's tax id and name and the direction are kept
 * per PC (localStorage): the data layer has no settings record for them yet. The Excel page's import uses the
 * company's name and tax id too (a purchase ledger without buyer columns). The period starts at the current month.
 * Source files, the report on screen and its filters live for the session only.
 */
import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { ReconcileOutput } from '../../../shared/reconcile/match';
import type { MappingOverride, SheetProblem } from '../../../shared/reconcile/sheet';
import type { RunSource } from '../../../shared/reconcile/entities';
import type { BankRow, FindingType, LedgerInvoice, Period, PlatformRow } from '../../../shared/reconcile/types';
import { addMonths, isMonth, monthPeriod as periodOfMonth } from '../../../shared/domain/month';
import type { FileFacts, ReadOk } from '../../workers/sheet-protocol';

/** A platform list or bank statement the clerk picked. */
export interface SourceFile {
  readonly id: string;
  readonly role: 'platform' | 'bank';
  readonly name: string;
  readonly state: 'reading' | 'ready' | 'failed';
  readonly facts: FileFacts | null;
  readonly read: ReadOk | null;
  readonly problem: SheetProblem | null;
  /** The mapping the file was last read with (null = the preset's own header matching). */
  readonly mapping: MappingOverride | null;
  /** The saved mapping's name when one was applied. */
  readonly mappingName: string | null;
  readonly editing: boolean;
}

/** A payment of the statements, for naming it in the report (file and row). */
export interface PaymentRef {
  readonly file: string;
  readonly row: BankRow;
}

/** The report on screen: the run's facts and findings, and what the run was compared with. */
export interface Report {
  readonly runId: string;
  readonly period: Period;
  /** The ledger dates read for the run (the period with a margin, see ledgerWindow). */
  readonly ledgerWindow: Period;
  readonly direction: 'in' | 'out';
  readonly sources: readonly RunSource[];
  readonly output: ReconcileOutput;
  readonly newKeys: ReadonlySet<string>;
  readonly firstRun: boolean;
  readonly ranAt: string;
  readonly ranBy: string;
  readonly ledgerById: ReadonlyMap<string, LedgerInvoice>;
  /** Payments of the statements by paymentKey. */
  readonly payments: ReadonlyMap<string, PaymentRef>;
  /** Platform list rows by invoice key (file and row, for links and for opening a case). */
  readonly platform: ReadonlyMap<string, { readonly file: string; readonly row: PlatformRow }>;
}

/** Report filters. */
export interface ReportFilter {
  readonly type: FindingType | '';
  readonly onlyNew: boolean;
  readonly handled: 'all' | 'open' | 'handled';
}

interface ReconcileUiState {
  readonly companyTaxId: string;
  readonly companyName: string;
  readonly direction: 'in' | 'out';
  readonly periodMode: 'month' | 'range';
  readonly month: string;
  readonly from: string;
  readonly to: string;
  readonly files: readonly SourceFile[];
  readonly running: boolean;
  readonly error: string | null;
  readonly report: Report | null;
  readonly filter: ReportFilter;
  readonly set: (patch: Partial<Pick<ReconcileUiState, 'companyTaxId' | 'companyName' | 'direction' | 'periodMode' | 'month' | 'from' | 'to' | 'running' | 'error' | 'report' | 'filter'>>) => void;
  readonly addFile: (file: SourceFile) => void;
  readonly updateFile: (id: string, patch: Partial<SourceFile>) => void;
  readonly removeFile: (id: string) => void;
}

/** The first and last day of a YYYY-MM month. */
export function monthPeriod(month: string): Period | null {
  return isMonth(month) ? periodOfMonth(month) : null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Months of ledger read on each side of the period (a payment may come 90 days after its invoice). */
export const LEDGER_MARGIN_MONTHS = 3;

/**
 * The ledger a run compares with: the period plus LEDGER_MARGIN_MONTHS whole months on each side, so an invoice
 * the ledger dates in a neighbouring month is a date mismatch rather than a missing invoice, and last month's
 * invoices can be suggested for this month's payments (the matching looks invoices up in all it is given).
 */
export function ledgerWindow(period: Period, months = LEDGER_MARGIN_MONTHS): Period {
  return { from: `${addMonths(period.from.slice(0, 7), -months)}-01`, to: periodOfMonth(addMonths(period.to.slice(0, 7), months)).to };
}

/** The period the settings describe, or null when it is not a valid one. */
export function chosenPeriod(s: Pick<ReconcileUiState, 'periodMode' | 'month' | 'from' | 'to'>): Period | null {
  if (s.periodMode === 'month') return monthPeriod(s.month);
  return DATE.test(s.from) && DATE.test(s.to) && s.from <= s.to ? { from: s.from, to: s.to } : null;
}

const thisMonth = () => {
  const d = new Date();
  return `${String(d.getFullYear())}-${String(d.getMonth() + 1).padStart(2, '0')}`;
};

/** The reconciliation page's state. */
export const useReconcileUi = create<ReconcileUiState>()(
  persist(
    (set) => ({
      companyTaxId: '',
      companyName: '',
      direction: 'in',
      periodMode: 'month',
      month: thisMonth(),
      from: '',
      to: '',
      files: [],
      running: false,
      error: null,
      report: null,
      filter: { type: '', onlyNew: false, handled: 'all' },
      set: (patch) => { set(patch); },
      addFile: (file) => { set((s) => ({ files: [...s.files, file] })); },
      updateFile: (id, patch) => { set((s) => ({ files: s.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) })); },
      removeFile: (id) => { set((s) => ({ files: s.files.filter((f) => f.id !== id) })); },
    }),
    { name: 'fapiao.reconcile', partialize: (s) => ({ companyTaxId: s.companyTaxId, companyName: s.companyName, direction: s.direction }) },
  ),
);
