import { create } from 'zustand';

/** What the open document tells the toolbar (UI state only). */
export interface PrintInfo {
  readonly title: string;
  readonly fileName: string;
  /** null while the pages are being measured. */
  readonly pageCount: number | null;
}

interface PrintState {
  readonly info: PrintInfo | null;
  readonly setInfo: (info: PrintInfo | null) => void;
}

/** The print view's current document: set by <PrintPages>, read by the toolbar. */
export const usePrintStore = create<PrintState>()((set) => ({
  info: null,
  setInfo: (info) => { set({ info }); },
}));
