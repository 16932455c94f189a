import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { EMPTY_FILTER_FORM, type FilterForm } from './filter-form';

interface FilterState {
  readonly form: FilterForm;
  readonly setForm: (form: FilterForm) => void;
  readonly clear: () => void;
}

/** The ledger's filter bar (UI state; kept for the session so returning from a detail keeps the list). */
export const useFilterStore = create<FilterState>()(
  persist(
    (set) => ({
      form: EMPTY_FILTER_FORM,
      setForm: (form) => { set({ form }); },
      clear: () => { set({ form: EMPTY_FILTER_FORM }); },
    }),
    {
      name: 'fapiao.filter',
      storage: createJSONStorage(() => sessionStorage),
      // A form kept from before a field was added lacks it: fill it in empty.
      merge: (kept, current) => ({ ...current, form: { ...EMPTY_FILTER_FORM, ...(kept as Partial<FilterState> | undefined)?.form } }),
    },
  ),
);
