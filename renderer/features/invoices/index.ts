/** The invoices feature: ledger list, entry form, detail with status and history. */
export { LedgerPage } from './list/LedgerPage';
export { InvoiceForm, type CaptureContext } from './form/InvoiceForm';
export { InvoiceDetail } from './detail/InvoiceDetail';
export { StoredOriginal } from './detail/AttachmentsPanel';
/** The ledger page's current filter (the Excel page exports "the current filter"). */
export { useFilterStore } from './list/filter-store';
export { toFilter, type FilterForm } from './list/filter-form';
/** Opens the ledger filtered (home tiles, the month-end check, the manual). */
export { openLedger } from './list/open-ledger';
/** The filter's conditions in words (the list's 当前筛选条件, the Excel export's note, the printed ledger's heading). */
export { filterConditions, filterWords, type FilterCondition } from './list/filter-words';
