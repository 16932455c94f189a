// The public API of the domain layer; other layers import from here.
export * from './invoice';
export * from './result';
export { fen, parseMoney, formatFen, fenToDecimal, sumFen, MAX_ABS_FEN, type Fen, type MoneyError } from './money';
export { normalizeText, normalizeDigits, normalizeMultilineText } from './normalize';
export { parseDecimal, formatDecimal, type Decimal } from './decimal';
export { parseIssueDate, type DateError } from './date';
export {
  USCC_CHARSET, usccCheckChar, orgCodeCheckChar, idCardCheckChar, validateTaxId, type TaxIdContext,
} from './tax-id';
export {
  describeInvoiceCode, isDigitalKind, validateCode, validateNumber, validateCheckCode, type InvoiceCodeInfo,
} from './invoice-code';
export { INVOICE_CODE_REGIONS } from './regions';
export {
  CURRENT_TAX_RATES, HISTORICAL_TAX_RATES, parseTaxRate, taxRateToPercent, validateTaxRate, type TaxRateError,
} from './tax-rate';
export { ISSUE_CODES, hasErrors, type IssueCode } from './issue-codes';
export { isBlankLine } from './lines';
export { DEFAULT_KIND, emptyDraft, emptyLineDraft, draftFromContent, normalizeDraft } from './draft';
export { EARLIEST_ISSUE_DATE, validateDraft, type ValidationContext, type ValidationResult } from './validate';
export {
  STATUS_TRANSITIONS, allowedTransitions, applyTransition, initialStatus, isReasonRequired,
  type StatusError, type StatusState, type TransitionInput,
} from './status';
export { hardKey, softKey, duplicateIssues, type DuplicateCandidate, type DuplicateKeySource } from './duplicates';
export { uuidv7, uuidv7Time, newInvoiceId } from './ids';
