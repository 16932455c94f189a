import { create } from 'zustand';
import { persist } from 'zustand/middleware';
import type { InvoiceDraft } from '../../../../shared/domain/invoice';
import { emptyDraft } from '../../../../shared/domain/validate';

interface DraftState {
  /** The new-invoice draft, kept across reloads so typing is never lost before it is saved. */
  readonly draft: InvoiceDraft;
  readonly setDraft: (draft: InvoiceDraft) => void;
  readonly reset: (keep?: Partial<InvoiceDraft>) => void;
}

/** The new-invoice form's typed text (UI state: it is not a record until saved). */
export const useNewDraft = create<DraftState>()(
  persist(
    (set) => ({
      draft: emptyDraft(),
      setDraft: (draft) => { set({ draft }); },
      reset: (keep) => { set({ draft: { ...emptyDraft(), ...keep } }); },
    }),
    { name: 'fapiao.newDraft' },
  ),
);
