import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { navigate } from '../../app/router';
import type { CaseListFilter } from './case-view';

interface CasesFilterState {
  readonly filter: CaseListFilter;
  readonly setFilter: (filter: CaseListFilter) => void;
}

/** The case list's 显示案件 choice (UI state; kept for the session so returning from a case keeps the list). */
export const useCasesFilter = create<CasesFilterState>()(
  persist((set) => ({ filter: 'open', setFilter: (filter) => { set({ filter }); } }), {
    name: 'fapiao.casesFilter', storage: createJSONStorage(() => sessionStorage),
  }),
);

/** Opens the case list showing `filter` (the home page's follow-ups tile opens the due ones). */
export function openCases(filter: CaseListFilter): void {
  useCasesFilter.getState().setFilter(filter);
  navigate({ name: 'cases' });
}
