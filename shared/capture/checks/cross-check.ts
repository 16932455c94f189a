// The last step of capture: compare what the sources said, then turn the result into a prefilled form.
// Checks here only warn — blocking is validation's job at save time — and nothing is derived: a 数电 QR gives
// 价税合计 only, and 金额/税额 stay empty until another source (or the clerk) supplies them.
import { emptyDraft } from '../../domain/draft';
import type { FieldName, FieldSource, InvoiceDraft, Issue, LineDraft } from '../../domain/invoice';
import { fen, fenToDecimal, formatFen, sumFen } from '../../domain/money';
import { taxRateToPercent } from '../../domain/tax-rate';
import { validateDraft } from '../../domain/validate';
import { EXTRACTED_FIELD_NAMES, withWarnings, type CaptureWarning, type ExtractedInvoice, type ExtractedLine } from '../extracted';

/** 金额 × the invoice's single tax rate, in fen (rounded), or null without an amount or a numeric rate. */
function expectedTax(e: ExtractedInvoice): { fen: number; percent: string } | null {
  const { amount, taxRate } = e.fields;
  if (amount === undefined || taxRate === undefined) return null;
  const rate = Number(taxRate);
  if (!Number.isFinite(rate) || taxRate === '' || rate < 0 || rate > 0.17) return null;
  return { fen: Math.round(amount * rate), percent: taxRateToPercent(taxRate) };
}

/** Adds warnings for conflicting sources, amount + tax ≠ total, tax ≠ amount × rate, and line sums that differ from the header. */
export function crossCheck(extracted: ExtractedInvoice): ExtractedInvoice {
  const warnings: CaptureWarning[] = [];
  for (const c of extracted.conflicts) {
    const sources = [...new Set(c.values.map((v) => v.source))].join(' / ');
    warnings.push({ code: 'conflict', params: { field: c.field, sources } });
  }
  const { amount, tax, total, lines } = extracted.fields;
  if (amount !== undefined && tax !== undefined && total !== undefined && amount + tax !== total) {
    warnings.push({ code: 'totalMismatch', params: { expected: formatFen(fen(amount + tax)) } });
  }
  const rateTax = expectedTax(extracted);
  if (rateTax !== null && tax !== undefined && Math.abs(tax - rateTax.fen) > Math.max(6, Math.abs(rateTax.fen) / 200)) {
    warnings.push({ code: 'taxRateMismatch', params: { rate: rateTax.percent, expected: formatFen(fen(rateTax.fen)) } });
  }
  if (lines !== undefined && lines.length > 0) {
    const lineAmount = sumFen(lines.map((l) => l.amount));
    const lineTax = sumFen(lines.map((l) => l.tax));
    if (amount !== undefined && lineAmount !== amount) warnings.push({ code: 'linesSumMismatch', params: { field: 'amount', sum: formatFen(lineAmount) } });
    if (tax !== undefined && lineTax !== tax) warnings.push({ code: 'linesSumMismatch', params: { field: 'tax', sum: formatFen(lineTax) } });
  }
  return withWarnings(extracted, warnings);
}

/** Where a form field's prefilled value came from, for highlighting low-confidence and conflicting fields. */
export type DraftFieldSources = Partial<Record<FieldName, { readonly source: FieldSource; readonly confidence: number }>>;

/** A prefilled entry form with the provenance of each value and what validation and capture found. */
export interface CaptureDraft {
  readonly draft: InvoiceDraft;
  readonly fieldSources: DraftFieldSources;
  /** Validation findings on the prefilled draft (e.g. a fake tax id's check digit), as the form will show them. */
  readonly issues: readonly Issue[];
  readonly warnings: readonly CaptureWarning[];
}

/** Rate text as a clerk types it, so the form re-parses it to the same value. */
function rateText(rate: string): string {
  if (rate === 'exempt') return '免税';
  if (rate === 'nontaxable') return '不征税';
  return rate === '' ? '' : taxRateToPercent(rate);
}

/** One extracted line as form text. */
function lineDraft(l: ExtractedLine): LineDraft {
  return {
    name: l.name, spec: l.spec, unit: l.unit, qty: l.qty, unitPrice: l.unitPrice,
    amount: fenToDecimal(l.amount), taxRate: rateText(l.taxRate), tax: fenToDecimal(l.tax),
  };
}

const LINE_KEYS = ['name', 'spec', 'unit', 'qty', 'unitPrice', 'amount', 'taxRate', 'tax'] as const;

/**
 * Prefills the entry form from an extraction (`today` is YYYY-MM-DD, for validating the prefilled draft).
 * Unread fields stay blank and get no source, so the form shows them as still to type.
 */
export function toDraft(extracted: ExtractedInvoice, today: string): CaptureDraft {
  const f = extracted.fields;
  const base = emptyDraft(f.kind);
  const money = (v: number | undefined) => (v === undefined ? '' : fenToDecimal(fen(v)));
  const draft: InvoiceDraft = {
    ...base,
    code: f.code ?? '', number: f.number ?? '', issueDate: f.issueDate ?? '',
    buyerName: f.buyerName ?? '', buyerTaxId: f.buyerTaxId ?? '', sellerName: f.sellerName ?? '', sellerTaxId: f.sellerTaxId ?? '',
    amount: money(f.amount), tax: money(f.tax), total: money(f.total), taxRate: rateText(f.taxRate ?? ''),
    checkCode: f.checkCode ?? '', remarks: f.remarks ?? '',
    // Negative figures only appear on 红字 invoices; this reads the sign, it does not guess.
    isRed: (f.total ?? f.amount ?? 0) < 0,
    lines: (f.lines ?? []).map(lineDraft),
  };
  const fieldSources: Partial<Record<FieldName, { source: FieldSource; confidence: number }>> = {};
  for (const name of EXTRACTED_FIELD_NAMES) {
    const origin = extracted.sources[name];
    if (origin === undefined) continue;
    if (name === 'lines') {
      (f.lines ?? []).forEach((_, i) => { for (const key of LINE_KEYS) fieldSources[`lines.${i}.${key}`] = origin; });
    } else {
      fieldSources[name] = origin;
    }
  }
  const { issues } = validateDraft(draft, { today });
  return { draft, fieldSources, issues, warnings: extracted.warnings };
}
