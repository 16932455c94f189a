/** The invoices feature: ledger list, entry form, detail with status and history. */
export { LedgerPage } from './list/LedgerPage';
export { InvoiceForm, type CaptureContext } from './form/InvoiceForm';
export { InvoiceDetail } from './detail/InvoiceDetail';
