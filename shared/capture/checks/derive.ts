// The one value capture computes instead of reading: 税额 = 价税合计 − 金额, when both were read and the tax
// was not (OCR often loses the small tax figure). It is marked as computed — the less trusted source of its
// two inputs at half that confidence, and a taxDerived warning — and only kept when it is a plausible tax.
import { fen, formatFen } from '../../domain/money';
import { withWarnings, type ExtractedInvoice, type FieldOrigin } from '../extracted';

/** The highest VAT rate ever printed (17%, before 2018), so a larger "tax" is a misread amount or total. */
const MAX_RATE = 0.17;

/** Adds tax = total − amount when tax is missing and the difference is a plausible tax; otherwise unchanged. */
export function deriveTax(e: ExtractedInvoice): ExtractedInvoice {
  const { amount, tax, total } = e.fields;
  const a = e.sources.amount;
  const t = e.sources.total;
  if (tax !== undefined || amount === undefined || total === undefined || !a || !t) return e;
  const value = total - amount;
  // Same sign as the amount (红字 invoices are negative throughout) and no more than the top rate allows.
  const plausible = (amount >= 0 ? value >= 0 : value <= 0) && Math.abs(value) <= Math.abs(amount) * MAX_RATE + 6;
  if (!plausible) return e;
  const weaker = a.confidence <= t.confidence ? a : t;
  const origin: FieldOrigin = { source: weaker.source, confidence: Math.round(weaker.confidence * 50) / 100 };
  const derived: ExtractedInvoice = { ...e, fields: { ...e.fields, tax: fen(value) }, sources: { ...e.sources, tax: origin } };
  return withWarnings(derived, [{ code: 'taxDerived', params: { field: 'tax', tax: formatFen(fen(value)) } }]);
}
