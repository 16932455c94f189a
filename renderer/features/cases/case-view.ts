// Small pure helpers the case screens share: which cases a filter shows, how they sort, how a total reads.
import { isOpenCase } from '../../../shared/cases/case-machine';
import type { CaseInvoiceRef, InvoiceCase } from '../../../shared/cases/types';
import type { Invoice } from '../../../shared/domain/invoice';
import { formatFen } from '../../../shared/domain/money';

/**
 * Which cases the list shows: those being worked on, those of them with a follow-up due today or overdue (the home
 * page's tile), finished ones (archived or closed), or all.
 */
export type CaseListFilter = 'open' | 'due' | 'closed' | 'all';

/** The list's choices, in the order the select offers them. */
export const CASE_LIST_FILTERS: readonly CaseListFilter[] = ['open', 'due', 'closed', 'all'];

/** The cases a filter shows: those with due follow-ups first, then newest first. */
export function visibleCases(all: readonly InvoiceCase[], filter: CaseListFilter, due: ReadonlySet<string>): InvoiceCase[] {
  const shown = all.filter((c) => {
    if (c.deleted) return false;
    switch (filter) {
      case 'all': return true;
      case 'open': return isOpenCase(c.state);
      case 'due': return isOpenCase(c.state) && due.has(c.id);
      case 'closed': return !isOpenCase(c.state);
    }
  });
  return shown.sort((a, b) => Number(due.has(b.id)) - Number(due.has(a.id)) || b.createdAt.localeCompare(a.createdAt));
}

/** A reference's total for display, or an empty string when unknown. */
export function refTotal(ref: CaseInvoiceRef): string {
  return ref.total === null ? '' : formatFen(ref.total);
}

/** The reference a case opened from a ledger invoice keeps. */
export function refFromInvoice(inv: Invoice): CaseInvoiceRef {
  return { kind: inv.kind, code: inv.code, number: inv.number, issueDate: inv.issueDate, seller: inv.seller, total: inv.total };
}
