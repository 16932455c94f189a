/*
 * UI state of the Excel page (UI state only, docs/architecture.md#ui-state-and-durable-data): the files picked for a ledger import, each with its
 * own preview, progress and result, so one bad file never hides the others. The bytes stay outside the store.
 */
import { create } from 'zustand';
import type { Party } from '../../../shared/domain/invoice';
import type { MappingOverride, SheetProblem } from '../../../shared/reconcile/sheet';
import type { FileFacts, LedgerPreviewOk } from '../../workers/sheet-protocol';

/** One picked file and where its import stands. */
export interface ImportFile {
  readonly id: string;
  readonly name: string;
  readonly state: 'reading' | 'preview' | 'failed' | 'committing' | 'done';
  readonly sha256: string;
  /** Why the whole file could not be used. */
  readonly problem: SheetProblem | null;
  readonly read: LedgerPreviewOk['read'] | null;
  /** The preview: counts, the rows to look at, and the id its invoices are kept under in the worker. */
  readonly preview: Omit<LedgerPreviewOk, 'read'> | null;
  readonly progress: { readonly done: number; readonly total: number } | null;
  /** After the commit: how many were imported, or why nothing was. */
  readonly imported: number | null;
  readonly commitError: string | null;
  /** Sheets and header cells of the file, for the column-mapping editor. */
  readonly facts: FileFacts | null;
  /** The mapping the file was last read with (null = the ledger preset's own header matching). */
  readonly mapping: MappingOverride | null;
  readonly mappingName: string | null;
  readonly editing: boolean;
  /** The buyer filled into rows without one (the clerk said: the buyer is the company), or null. */
  readonly buyer: Party | null;
}

interface SheetsUiState {
  readonly files: readonly ImportFile[];
  readonly add: (file: ImportFile) => void;
  readonly update: (id: string, patch: Partial<ImportFile>) => void;
  readonly remove: (id: string) => void;
}

/** The Excel page's import queue. */
export const useSheetsUi = create<SheetsUiState>()((set) => ({
  files: [],
  add: (file) => { set((s) => ({ files: [...s.files, file] })); },
  update: (id, patch) => { set((s) => ({ files: s.files.map((f) => (f.id === id ? { ...f, ...patch } : f)) })); },
  remove: (id) => { set((s) => ({ files: s.files.filter((f) => f.id !== id) })); },
}));
