// 税率/征收率 (docs/invoice-rules.md#tax-rates). Rates arrive as "13%", "13.00%", "0.13", "0.060000", "6", "免税", "***";
// they are stored as the shortest exact decimal text ("0.13") or "exempt" / "nontaxable".
import { compareDecimal, formatDecimal, mulDecimal, parseDecimal, type Decimal } from './decimal';
import type { FieldName, Issue } from './invoice';
import { issue } from './issue-codes';
import { normalizeText } from './normalize';
import { err, ok, type Result } from './result';

/** Why rate text could not be read. */
export interface TaxRateError {
  readonly kind: 'empty' | 'format' | 'range';
}

/** Rates and 征收率 in use today. */
export const CURRENT_TAX_RATES: readonly string[] = ['0.13', '0.09', '0.06', '0.05', '0.03', '0.01', '0.015', '0.005', '0'];

/** Rates abolished by the 2018 and 2019 reforms, with the last day they applied. */
export const HISTORICAL_TAX_RATES: Readonly<Record<string, string>> = {
  '0.17': '2018-04-30',
  '0.11': '2018-04-30',
  '0.16': '2019-03-31',
  '0.1': '2019-03-31',
};

const EXEMPT_WORDS = new Set(['免税', '免征', '免征增值税', '***', '**', '*']);
const NONTAXABLE_WORDS = new Set(['不征税', '不征收', '不征增值税']);
const ONE: Decimal = { units: 1n, scale: 0 };
const PERCENT: Decimal = { units: 1n, scale: 2 };

/** Reads rate text into "0.13" / "exempt" / "nontaxable". A bare number ≥ 1 without "%" is read as percent ("6" → 0.06). */
export function parseTaxRate(text: string): Result<string, TaxRateError> {
  const t = normalizeText(text).replace(/\s+/g, '');
  if (t === '') return err({ kind: 'empty' });
  if (EXEMPT_WORDS.has(t)) return ok('exempt');
  if (NONTAXABLE_WORDS.has(t)) return ok('nontaxable');
  const isPercent = t.endsWith('%');
  const d = parseDecimal(isPercent ? t.slice(0, -1) : t);
  if (d === null) return err({ kind: 'format' });
  const rate = isPercent || compareDecimal(d, ONE) >= 0 ? mulDecimal(d, PERCENT) : d;
  if (rate.units < 0n || compareDecimal(rate, ONE) > 0) return err({ kind: 'range' });
  return ok(formatDecimal(rate));
}

/** The numeric value of a normalised rate, or null for "exempt", "nontaxable" and "". */
export function taxRateDecimal(rate: string): Decimal | null {
  return rate === 'exempt' || rate === 'nontaxable' ? null : parseDecimal(rate);
}

/** Shows a normalised numeric rate as percent ("0.13" → "13%"); non-numeric rates are returned unchanged. */
export function taxRateToPercent(rate: string): string {
  const d = taxRateDecimal(rate);
  return d === null ? rate : `${formatDecimal(mulDecimal(d, { units: 100n, scale: 0 }))}%`;
}

/** Parses a rate field and adds warnings for abolished or unusual rates; `rate` is null when it could not be read. */
export function validateTaxRate(text: string, field: FieldName, issueDate: string): { rate: string | null; issues: Issue[] } {
  const parsed = parseTaxRate(text);
  if (!parsed.ok) {
    if (parsed.error.kind === 'empty') return { rate: '', issues: [] };
    const code = parsed.error.kind === 'range' ? 'taxRate.range' : 'taxRate.format';
    return { rate: null, issues: [issue(field, 'error', code)] };
  }
  const rate = parsed.value;
  if (rate === 'exempt' || rate === 'nontaxable' || CURRENT_TAX_RATES.includes(rate)) return { rate, issues: [] };
  const until = HISTORICAL_TAX_RATES[rate];
  if (until !== undefined) {
    // ISO dates compare correctly as strings.
    const isLate = /^\d{4}-\d{2}-\d{2}$/.test(issueDate) && issueDate > until;
    const issues = isLate ? [issue(field, 'warning', 'taxRate.historical', { rate: taxRateToPercent(rate), until })] : [];
    return { rate, issues };
  }
  return { rate, issues: [issue(field, 'warning', 'taxRate.unusual', { rate: taxRateToPercent(rate) })] };
}
