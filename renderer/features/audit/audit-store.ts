import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';
import { EMPTY_AUDIT_FORM, type AuditFilterForm } from './audit-filter-form';

interface AuditUiState {
  readonly form: AuditFilterForm;
  /** 0-based page of the filtered list. */
  readonly page: number;
  readonly setForm: (form: AuditFilterForm) => void;
  readonly setPage: (page: number) => void;
  readonly clear: () => void;
}

/** The audit page's filter and page (UI state; kept for the session so coming back keeps the place). */
export const useAuditUi = create<AuditUiState>()(
  persist(
    (set) => ({
      form: EMPTY_AUDIT_FORM,
      page: 0,
      setForm: (form) => { set({ form, page: 0 }); },
      setPage: (page) => { set({ page: Math.max(0, page) }); },
      clear: () => { set({ form: EMPTY_AUDIT_FORM, page: 0 }); },
    }),
    { name: 'fapiao.audit', storage: createJSONStorage(() => sessionStorage) },
  ),
);
