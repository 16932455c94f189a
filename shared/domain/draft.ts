import { parseIssueDate } from './date';
import type { InvoiceContent, InvoiceDraft, InvoiceKind, LineDraft } from './invoice';
import { fenToDecimal, parseMoney } from './money';
import { normalizeDigits, normalizeMultilineText, normalizeName, normalizeText } from './normalize';
import { parseTaxRate, taxRateToPercent } from './tax-rate';

/** The kind a new form starts with: 数电普票 is what most clerks receive today. */
export const DEFAULT_KIND: InvoiceKind = 'digital_normal';

/** A blank entry form. */
export function emptyDraft(kind: InvoiceKind = DEFAULT_KIND): InvoiceDraft {
  return {
    kind, code: '', number: '', issueDate: '', buyerName: '', buyerTaxId: '', sellerName: '', sellerTaxId: '',
    amount: '', tax: '', total: '', taxRate: '', checkCode: '', remarks: '', isRed: false, lines: [],
  };
}

/** A blank line item. */
export function emptyLineDraft(): LineDraft {
  return { name: '', spec: '', unit: '', qty: '', unitPrice: '', amount: '', taxRate: '', tax: '' };
}

/** Shows a stored rate the way clerks type it ("13%", "免税"), so it re-parses to the same value. */
function rateText(rate: string): string {
  if (rate === 'exempt') return '免税';
  if (rate === 'nontaxable') return '不征税';
  return taxRateToPercent(rate);
}

/** Turns validated content back into form text (money as "1234.50"), e.g. to edit a saved invoice. */
export function draftFromContent(content: InvoiceContent): InvoiceDraft {
  return {
    kind: content.kind, code: content.code, number: content.number, issueDate: content.issueDate,
    buyerName: content.buyer.name, buyerTaxId: content.buyer.taxId,
    sellerName: content.seller.name, sellerTaxId: content.seller.taxId,
    amount: fenToDecimal(content.amount), tax: fenToDecimal(content.tax), total: fenToDecimal(content.total),
    taxRate: rateText(content.taxRate), checkCode: content.checkCode, remarks: content.remarks, isRed: content.isRed,
    lines: content.lines.map((l) => ({
      name: l.name, spec: l.spec, unit: l.unit, qty: l.qty, unitPrice: l.unitPrice,
      amount: fenToDecimal(l.amount), taxRate: rateText(l.taxRate), tax: fenToDecimal(l.tax),
    })),
  };
}

/** Tidies money text to "1234.50" when it parses; otherwise keeps what was typed so the clerk can fix it. */
function moneyText(text: string): string {
  const t = normalizeText(text);
  // "***" marks exempt tax on the invoice face; keep it so the form shows what the paper shows.
  if (/^\*+$/.test(t)) return t;
  const parsed = parseMoney(t);
  return parsed.ok ? fenToDecimal(parsed.value) : t;
}

/** Tidies rate text to "13%" / "免税" when it parses. */
function rateField(text: string): string {
  const parsed = parseTaxRate(text);
  return parsed.ok ? rateText(parsed.value) : normalizeText(text);
}

/** Tidies a decimal quantity or price: ASCII digits, no spaces or separators. */
function numberText(text: string): string {
  return normalizeText(text).replace(/[\s,]/g, '');
}

/** Applies the normalisers to pasted or OCR'd text (full-width forms, spaces, dates, money); idempotent. */
export function normalizeDraft(draft: InvoiceDraft): InvoiceDraft {
  const date = parseIssueDate(draft.issueDate);
  return {
    kind: draft.kind,
    code: normalizeDigits(draft.code),
    number: normalizeDigits(draft.number),
    issueDate: date.ok ? date.value : normalizeText(draft.issueDate),
    buyerName: normalizeName(draft.buyerName),
    buyerTaxId: normalizeDigits(draft.buyerTaxId),
    sellerName: normalizeName(draft.sellerName),
    sellerTaxId: normalizeDigits(draft.sellerTaxId),
    amount: moneyText(draft.amount),
    tax: moneyText(draft.tax),
    total: moneyText(draft.total),
    taxRate: rateField(draft.taxRate),
    checkCode: normalizeDigits(draft.checkCode),
    remarks: normalizeMultilineText(draft.remarks),
    isRed: draft.isRed,
    lines: draft.lines.map((l) => ({
      name: normalizeText(l.name), spec: normalizeText(l.spec), unit: normalizeText(l.unit),
      qty: numberText(l.qty), unitPrice: numberText(l.unitPrice),
      amount: moneyText(l.amount), taxRate: rateField(l.taxRate), tax: moneyText(l.tax),
    })),
  };
}
