/** Reconciliation: platform exports and bank statements against the ledger; Excel import and export of the ledger. */
import { lazy } from 'react';

export { RECONCILE_MESSAGES } from './messages';
/** The #/reconcile page (spreadsheet reading and matching load on first visit). */
export const ReconcilePage = lazy(() => import('./ReconcilePage').then((m) => ({ default: m.ReconcilePage })));
/** The #/sheets page: import an Excel ledger (preview, confirm, undo) and export the ledger, reports and cases. */
export const SheetsPage = lazy(() => import('./SheetsPage').then((m) => ({ default: m.SheetsPage })));
export { ownCompany } from './own-company';
export { useSessionReport } from './session-report';
/** The run whose report is on the reconcile page now (what Ctrl+K 打印 prints there), or null. */
export { reportRunOnScreen } from './session-report';
