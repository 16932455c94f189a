/*
 * The notes a case starts with when it is opened for a missing invoice: what the platform list says the invoice
 * covered, item by item, so the clerk can tell the supplier which invoice is meant without opening the export.
 */
import type { InvoiceLine } from '../domain/invoice';
import { formatFen } from '../domain/money';
import { taxRateToPercent } from '../domain/tax-rate';
import { DOMAIN_MESSAGES } from '../i18n/domain-messages';
import { translate, type Locale } from '../i18n/translate';
import { lineDigest } from './line-summary';
import { linesText, reportText } from './report-messages';

/** Items listed one per line; the rest are counted. */
export const CASE_NOTE_LINES = 20;

function rateText(rate: string, locale: Locale): string {
  if (rate === 'exempt' || rate === 'nontaxable') return translate(DOMAIN_MESSAGES, locale, `taxRate.${rate}`);
  return taxRateToPercent(rate);
}

/** One item: name, spec, quantity with unit, amount, rate and tax (empty parts left out). */
function lineText(l: InvoiceLine, i: number, locale: Locale): string {
  const parts = [
    l.name, l.spec, [l.qty, l.unit].filter((x) => x !== '').join(' '),
    reportText(locale, 'report.caseNotes.amount', { amount: formatFen(l.amount) }),
    l.taxRate === '' ? '' : reportText(locale, 'report.caseNotes.rate', { rate: rateText(l.taxRate, locale) }),
    reportText(locale, 'report.caseNotes.tax', { tax: formatFen(l.tax) }),
  ];
  return `${String(i + 1)}. ${parts.filter((p) => p.trim() !== '').join(' ')}`;
}

/** The case notes for an invoice's platform line items ('' when the list had none for it). */
export function caseNotesForLines(lines: readonly InvoiceLine[] | undefined, locale: Locale): string {
  const digest = lineDigest(lines);
  if (!lines || !digest) return '';
  const out = [reportText(locale, 'report.caseNotes.heading', { items: linesText(digest, locale) })];
  lines.slice(0, CASE_NOTE_LINES).forEach((l, i) => { out.push(lineText(l, i, locale)); });
  if (lines.length > CASE_NOTE_LINES) out.push(reportText(locale, 'report.caseNotes.more', { count: lines.length - CASE_NOTE_LINES }));
  return out.join('\n');
}
