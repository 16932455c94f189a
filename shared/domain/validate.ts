// The one place that turns a typed draft into invoice content. Errors block saving (the draft is kept);
// warnings travel with the record (docs/invoice-rules.md#how-sure-each-rule-is).
import { parseIssueDate } from './date';
import { decimalFromFen, decimalToFen, mulDecimal } from './decimal';
import { normalizeDraft } from './draft';
import { INVOICE_KINDS, type InvoiceContent, type InvoiceDraft, type InvoiceKind, type Issue } from './invoice';
import { validateCheckCode, validateCode, validateNumber } from './invoice-code';
import { hasErrors, issue } from './issue-codes';
import { validateLines } from './lines';
import { fen, formatFen, type Fen } from './money';
import { readMoneyField } from './money-field';
import { validateTaxId } from './tax-id';
import { taxRateDecimal, taxRateToPercent, validateTaxRate } from './tax-rate';

export { draftFromContent, emptyDraft, normalizeDraft } from './draft';

/** No VAT invoice predates the 1994 tax reform. */
export const EARLIEST_ISSUE_DATE = '1994-01-01';

/** Tolerance between header tax and amount × header rate, in fen (the line rule's 0.06). */
const HEADER_TAX_TOLERANCE_FEN = 6;

/** What validation needs from outside: today's date (YYYY-MM-DD), passed in so tests control the clock. */
export interface ValidationContext {
  readonly today: string;
}

/** The outcome: content exactly when no issue is an error, plus every issue found. */
export interface ValidationResult {
  readonly content: InvoiceContent | null;
  readonly issues: readonly Issue[];
}

/** Reads the issue date; returns YYYY-MM-DD or '' after pushing an issue. */
function checkIssueDate(text: string, today: string, issues: Issue[]): string {
  const parsed = parseIssueDate(text);
  if (!parsed.ok) {
    issues.push(issue('issueDate', 'error', parsed.error.kind === 'empty' ? 'required' : 'issueDate.format'));
    return '';
  }
  if (parsed.value > today) issues.push(issue('issueDate', 'error', 'issueDate.future', { today }));
  if (parsed.value < EARLIEST_ISSUE_DATE) {
    issues.push(issue('issueDate', 'error', 'issueDate.tooOld', { earliest: EARLIEST_ISSUE_DATE }));
  }
  return parsed.value;
}

/** Header money rules: 金额 + 税额 = 价税合计 exactly, sign against 红字, tax against the header rate. */
function checkTotals(amount: Fen | null, tax: Fen | null, total: Fen | null, rate: string | null, isRed: boolean, issues: Issue[]): void {
  if (amount !== null && tax !== null && total !== null && amount + tax !== total) {
    issues.push(issue('total', 'error', 'total.mismatch', { expected: formatFen(fen(amount + tax)) }));
  }
  if (total !== null && !isRed && total < 0) issues.push(issue('total', 'error', 'total.negativeBlue'));
  if (total !== null && isRed && total > 0) issues.push(issue('total', 'warning', 'total.positiveRed'));
  if (rate === null || amount === null || tax === null) return;
  const rateValue = taxRateDecimal(rate);
  if (rateValue !== null) {
    const expected = decimalToFen(mulDecimal(decimalFromFen(amount), rateValue));
    if (Math.abs(expected - tax) > HEADER_TAX_TOLERANCE_FEN) {
      issues.push(issue('tax', 'warning', 'tax.rateMismatch', { expected: formatFen(fen(expected)), rate: taxRateToPercent(rate) }));
    }
  } else if ((rate === 'exempt' || rate === 'nontaxable') && tax !== 0) {
    issues.push(issue('tax', 'warning', 'tax.exemptNonZero'));
  }
}

/** Validates a draft as typed: normalises it, applies every rule of docs/invoice-rules.md, and builds content if nothing blocks. */
export function validateDraft(draft: InvoiceDraft, ctx: ValidationContext): ValidationResult {
  const d = normalizeDraft(draft);
  const issues: Issue[] = [];
  const isKnownKind = (INVOICE_KINDS as readonly string[]).includes(d.kind);
  if (!isKnownKind) issues.push(issue('kind', 'error', 'kind.invalid'));
  const kind: InvoiceKind = isKnownKind ? d.kind : 'other';

  const issueDate = checkIssueDate(d.issueDate, ctx.today, issues);
  issues.push(...validateCode(d.code, kind, issueDate));
  issues.push(...validateNumber(d.number, kind, issueDate));
  issues.push(...validateCheckCode(d.checkCode, kind));
  if (d.sellerName === '') issues.push(issue('sellerName', 'error', 'required'));
  // Individuals are recorded with the buyer name "个人", which is an ordinary non-empty name here.
  if (d.buyerName === '') issues.push(issue('buyerName', 'error', 'required'));
  issues.push(...validateTaxId(d.sellerTaxId, 'seller', { kind }));
  issues.push(...validateTaxId(d.buyerTaxId, 'buyer', { kind }));

  const amount = readMoneyField(d.amount, 'amount', issues, { allowStars: false, required: true }).value;
  const taxField = readMoneyField(d.tax, 'tax', issues, { allowStars: true, required: true });
  const total = readMoneyField(d.total, 'total', issues, { allowStars: false, required: true }).value;
  const rateResult = validateTaxRate(d.taxRate, 'taxRate', issueDate);
  issues.push(...rateResult.issues);
  const rate = rateResult.rate === '' && taxField.isStarred ? 'exempt' : rateResult.rate;
  checkTotals(amount, taxField.value, total, rate, d.isRed, issues);

  const lines = validateLines(d.lines, issueDate, issues);
  if (lines.amountSum !== null && amount !== null && lines.lines.length > 0 && lines.amountSum !== amount) {
    issues.push(issue('amount', 'error', 'lines.sum', { expected: formatFen(lines.amountSum) }));
  }
  if (lines.taxSum !== null && taxField.value !== null && lines.lines.length > 0 && lines.taxSum !== taxField.value) {
    issues.push(issue('tax', 'error', 'lines.sum', { expected: formatFen(lines.taxSum) }));
  }

  if (hasErrors(issues) || amount === null || taxField.value === null || total === null || rate === null) {
    return { content: null, issues };
  }
  const content: InvoiceContent = {
    kind, code: d.code, number: d.number, issueDate,
    seller: { name: d.sellerName, taxId: d.sellerTaxId }, buyer: { name: d.buyerName, taxId: d.buyerTaxId },
    lines: lines.lines, amount, tax: taxField.value, total, taxRate: rate,
    checkCode: d.checkCode, remarks: d.remarks, isRed: d.isRed,
  };
  return { content, issues };
}
