// Reconciliation matching: the platform list, the ledger and the bank statement compared (pure functions).
export { reconcile, summarize, type ReconcileInput, type ReconcileOutput } from './reconcile';
export { listPeriod, inPeriod, directionFilter, type Direction } from './scope';
export { newSince, paymentKey, paymentKeys, invoiceKey } from './keys';
export { nameCore, nameSimilarity, plainName } from './names';
export { differingFields } from './list-ledger';
export { MAX_GAP, REGULAR_MIN } from './gaps';
export { MIN_SCORE, PAY_AFTER_DAYS, PAY_BEFORE_DAYS } from './suggest';
export { clearMatches, CLEAR_MARGIN, CLEAR_SCORE, type ClearMatch } from './clear-matches';
export { ledgerInvoicesFromSheet, type LedgerRowProblem } from './ledger-from-sheet';
