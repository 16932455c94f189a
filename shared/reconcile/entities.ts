/*
 * Reconciliation records that are kept, audited and synced like invoices (issue #11): saved column mappings,
 * reconciliation runs, the clerk's notes on findings, confirmed or rejected bank matches, and ledger imports.
 */
import type { RecordMeta } from '../sync/entities';
import type { FindingType, Period, ReconcileSummary, SheetKind } from './types';

export type { RecordMeta };

/** A saved column mapping (synced entity 'mapping', table `mappings`): field → the header text it reads. */
export interface ColumnMapping extends RecordMeta {
  readonly name: string;
  readonly kind: SheetKind;
  /** Field name (see the preset's fields) → header text as it appears in the file. */
  readonly columns: Readonly<Record<string, string>>;
  /** Preferred sheet name ('' = first sheet with a recognisable header). */
  readonly sheet: string;
}

/** A source file of a run. */
export interface RunSource {
  readonly kind: SheetKind;
  readonly name: string;
  readonly sha256: string;
  readonly rows: number;
}

/** A saved reconciliation run (synced entity 'reconcileRun', table `runs`). */
export interface ReconcileRun extends RecordMeta {
  readonly period: Period;
  readonly direction: 'in' | 'out';
  readonly sources: readonly RunSource[];
  readonly summary: ReconcileSummary;
  /** Keys of every finding of this run (the next run shows what is new). */
  readonly findingKeys: readonly string[];
}

/** The clerk's note on a finding (synced entity 'findingNote', table `findings`); id = the finding's key. */
export interface FindingNote extends RecordMeta {
  readonly type: FindingType;
  readonly handled: boolean;
  readonly note: string;
  /** A case opened from this finding. */
  readonly caseId: string | null;
}

/** A bank match the clerk decided (synced entity 'match', table `matches`): never made automatically. */
export interface BankMatch extends RecordMeta {
  /** The payment's stable key (see shared/reconcile/match keys). */
  readonly paymentKey: string;
  readonly invoiceIds: readonly string[];
  readonly decision: 'confirmed' | 'rejected';
  readonly score: number;
  readonly date: string;
  readonly amount: number;
  readonly counterparty: string;
}

/** One audited ledger import (synced entity 'importBatch', table `imports`); undone together to the recycle bin. */
export interface ImportBatch extends RecordMeta {
  readonly fileName: string;
  readonly sha256: string;
  readonly invoiceIds: readonly string[];
  readonly undone: boolean;
}
