/**
 * 打印 (issue #14): the print preview (#/print/<doc>?<query>) with A4 sheets, page numbers and per-page totals,
 * 打印 and 存为 PDF; other features open it (openPrint, PrintButton) and add documents (registerPrintDocument).
 */
import { lazy } from 'react';
import { registerPrintDocument } from './document-registry';

export { PRINT_MESSAGES } from './messages';
export { openPrint, printQuery } from './open-print';
export { PrintButton } from './PrintButton';
/** The ledger print's parameters for a filter: `<PrintButton doc="ledger" params={filterParams(filter)} />`. */
export { filterParams } from '../../../shared/print/filter-params';
export { registerPrintDocument, type PrintDocumentDef, type PrintDocumentProps } from './document-registry';
export { PrintPages } from './PrintPages';
export { PrintedBy, PrintFields, PrintMessage, PrintSection, PrintTitle } from './PrintParts';
export { SignLines } from './docs/SignLines';
export type { PrintBlock, PrintColumn, PrintRow, PrintTable } from './print-types';
export type { Amounts } from '../../../shared/print/page-totals';

registerPrintDocument('ledger', { component: lazy(() => import('./docs/LedgerDocument').then((m) => ({ default: m.LedgerDocument }))) });
registerPrintDocument('invoice', { component: lazy(() => import('./docs/InvoiceDocument').then((m) => ({ default: m.InvoiceDocument }))) });
registerPrintDocument('case', { component: lazy(() => import('./docs/CaseDocument').then((m) => ({ default: m.CaseDocument }))) });
registerPrintDocument('reconcile', { component: lazy(() => import('./docs/ReconcileDocument').then((m) => ({ default: m.ReconcileDocument }))) });

/** The #/print/<doc> view, loaded on first visit. */
export const PrintView = lazy(() => import('./PrintView').then((m) => ({ default: m.PrintView })));
