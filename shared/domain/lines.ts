// Line-item arithmetic (docs/invoice-rules.md#amounts), with the tolerances the issuing software itself applies:
// quantity × unit price within 0.01 of the amount, amount × rate within 0.06 of the tax, and the
// accumulated tax rounding of all lines within 1.27. All products are exact (BigInt decimals).
import {
  addDecimal, compareAbs, decimalFromFen, decimalToFen, mulDecimal, parseDecimal, subDecimal,
  type Decimal,
} from './decimal';
import type { FieldName, InvoiceLine, Issue, LineDraft } from './invoice';
import { issue } from './issue-codes';
import { fen, formatFen, type Fen } from './money';
import { readMoneyField } from './money-field';
import { normalizeText } from './normalize';
import { taxRateDecimal, validateTaxRate } from './tax-rate';

/** Tolerances in yuan, as exact decimals. */
const AMOUNT_TOLERANCE: Decimal = { units: 1n, scale: 2 };
const LINE_TAX_TOLERANCE_FEN = 6;
const TAX_DRIFT_TOLERANCE: Decimal = { units: 127n, scale: 2 };

/** Validated line items and their sums (null when some amount or tax could not be read). */
export interface LinesResult {
  readonly lines: readonly InvoiceLine[];
  readonly amountSum: Fen | null;
  readonly taxSum: Fen | null;
}

/** True when a line has nothing typed in it (the form's spare empty row). */
export function isBlankLine(line: LineDraft): boolean {
  const texts = [line.name, line.spec, line.unit, line.qty, line.unitPrice, line.amount, line.taxRate, line.tax];
  return texts.every((v) => normalizeText(v) === '');
}

/** Quantity and price text as stored: ASCII digits, no spaces or thousands separators. */
function decimalText(text: string): string {
  return normalizeText(text).replace(/[\s,]/g, '');
}

/** Reads an optional quantity or unit price; undefined when blank, null (with an error pushed) when unreadable. */
function readDecimalField(
  text: string, field: FieldName, code: 'line.qtyFormat' | 'line.priceFormat', issues: Issue[],
): Decimal | null | undefined {
  const t = decimalText(text);
  if (t === '') return undefined;
  const d = parseDecimal(t);
  if (d === null) issues.push(issue(field, 'error', code));
  return d;
}

/** One line's findings: its content (null if amount or tax is unreadable) and its exact tax rounding error. */
interface LineOutcome {
  readonly line: InvoiceLine | null;
  readonly amount: Fen | null;
  readonly tax: Fen | null;
  readonly drift: Decimal | null;
}

/** Validates one non-blank line; `i` is its row in the form so issues point at the right cell. */
function validateLine(draft: LineDraft, i: number, issueDate: string, issues: Issue[]): LineOutcome {
  const f = (key: keyof InvoiceLine): FieldName => `lines.${i}.${key}`;
  const name = normalizeText(draft.name);
  if (name === '') issues.push(issue(f('name'), 'warning', 'line.nameMissing'));
  const amount = readMoneyField(draft.amount, f('amount'), issues, { allowStars: false, required: true }).value;
  const taxField = readMoneyField(draft.tax, f('tax'), issues, { allowStars: true, required: true });
  const tax = taxField.value;
  const rateResult = validateTaxRate(draft.taxRate, f('taxRate'), issueDate);
  issues.push(...rateResult.issues);
  // "***" in the tax column is how exempt lines are printed; the rate column then often says 0%.
  const rate = rateResult.rate === '' && taxField.isStarred ? 'exempt' : rateResult.rate;
  const qty = readDecimalField(draft.qty, f('qty'), 'line.qtyFormat', issues);
  const unitPrice = readDecimalField(draft.unitPrice, f('unitPrice'), 'line.priceFormat', issues);

  if (qty && unitPrice && amount !== null) {
    const product = mulDecimal(qty, unitPrice);
    if (compareAbs(subDecimal(product, decimalFromFen(amount)), AMOUNT_TOLERANCE) > 0) {
      issues.push(issue(f('amount'), 'warning', 'line.amount', { expected: formatFen(fen(decimalToFen(product))) }));
    }
  }
  const rateValue = rate === null ? null : taxRateDecimal(rate);
  let drift: Decimal | null = null;
  if (amount !== null && tax !== null && rateValue !== null) {
    const exact = mulDecimal(decimalFromFen(amount), rateValue);
    const expected = decimalToFen(exact);
    if (Math.abs(expected - tax) > LINE_TAX_TOLERANCE_FEN) {
      issues.push(issue(f('tax'), 'warning', 'line.tax', { expected: formatFen(fen(expected)) }));
    }
    drift = subDecimal(decimalFromFen(tax), exact);
  } else if (tax !== null && tax !== 0 && (rate === 'exempt' || rate === 'nontaxable')) {
    issues.push(issue(f('tax'), 'warning', 'line.tax', { expected: formatFen(fen(0)) }));
  }
  const line: InvoiceLine | null = amount === null || tax === null ? null : {
    name, spec: normalizeText(draft.spec), unit: normalizeText(draft.unit),
    qty: qty ? decimalText(draft.qty) : '', unitPrice: unitPrice ? decimalText(draft.unitPrice) : '',
    amount, taxRate: rate ?? '', tax,
  };
  return { line, amount, tax, drift };
}

/** Validates the line items, pushing issues; blank rows are skipped but issues keep each row's index. */
export function validateLines(drafts: readonly LineDraft[], issueDate: string, issues: Issue[]): LinesResult {
  const lines: InvoiceLine[] = [];
  let amountSum: number | null = 0;
  let taxSum: number | null = 0;
  let drift: Decimal = { units: 0n, scale: 0 };
  for (const [i, draft] of drafts.entries()) {
    if (isBlankLine(draft)) continue;
    const outcome = validateLine(draft, i, issueDate, issues);
    if (outcome.line) lines.push(outcome.line);
    amountSum = outcome.amount === null || amountSum === null ? null : amountSum + outcome.amount;
    taxSum = outcome.tax === null || taxSum === null ? null : taxSum + outcome.tax;
    if (outcome.drift) drift = addDecimal(drift, outcome.drift);
  }
  if (compareAbs(drift, TAX_DRIFT_TOLERANCE) > 0) {
    const shown = formatFen(fen(decimalToFen(drift)));
    issues.push(issue('tax', 'warning', 'lines.taxDrift', { drift: shown }));
  }
  return {
    lines,
    amountSum: amountSum === null ? null : fen(amountSum),
    taxSum: taxSum === null ? null : fen(taxSum),
  };
}
