import type { PrintDoc } from '../../../shared/print/print-doc';
import type { InvoiceFilter } from '../../../shared/search/invoice-filter';
import { filterParams } from '../../../shared/print/filter-params';
import type { Route } from '../../app/router';

/** What 打印 in the palette prints on a screen: a print document, the page itself, or nothing. */
export type PrintTarget =
  | { readonly kind: 'document'; readonly doc: PrintDoc; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'page' }
  | null;

/**
 * The screen's own 打印 button, reached from the palette: the ledger prints its current filter, an invoice, a case
 * or a saved month-end check its document, the reconcile page the report on screen; the home page and the print
 * preview print themselves. Other screens have nothing to print (null).
 */
export function printTarget(route: Route, ledgerFilter: InvoiceFilter, reportRun: string | null): PrintTarget {
  switch (route.name) {
    case 'ledger': return { kind: 'document', doc: 'ledger', params: filterParams(ledgerFilter) };
    case 'detail': case 'edit': return { kind: 'document', doc: 'invoice', params: { id: route.id } };
    case 'case': return { kind: 'document', doc: 'case', params: { id: route.id } };
    case 'monthEndCheck': return { kind: 'document', doc: 'monthEnd', params: { id: route.id } };
    case 'reconcile': return reportRun ? { kind: 'document', doc: 'reconcile', params: { run: reportRun } } : null;
    case 'home': case 'print': return { kind: 'page' };
    default: return null;
  }
}
