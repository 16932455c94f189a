// Invoice fields from a PDF's text layer and Info dictionary (docs/invoice-rules.md#electronic-invoice-files). The caller runs pdf.js and
// passes the text items (see TextItem for the coordinate convention) and `getMetadata().info`.
// Genuine 数电 PDFs may carry the key fields in the Info dictionary (Custom: InvoiceNumber, IssueTime, …):
// those are read first and trusted more than the face, whose text order and spacing vary by generator.
import { ExtractionBuilder, mergeExtractions, withWarnings, type ExtractedInvoice } from '../extracted';
import { dateValue, moneyValue, numberValue, taxIdValue, textValue } from '../fields/field-values';
import { extractFromLines } from '../fields/layout-fields';
import { groupIntoLines, type TextItem } from '../text/text-items';

/** Confidence of fields from the PDF Info dictionary (written by the tax platform's generator). */
export const PDF_INFO_CONFIDENCE = 0.95;
/** Confidence of fields read from the text layer by label and position. */
export const PDF_TEXT_CONFIDENCE = 0.8;

/** A string value of the Info dictionary, looking inside pdf.js's `Custom` record too. */
function infoString(info: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const custom = info['Custom'];
  const nested = typeof custom === 'object' && custom !== null ? (custom as Record<string, unknown>)[key] : undefined;
  const value = info[key] ?? nested;
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined;
}

/** Reads the invoice keys some generators put into the PDF Info dictionary. */
export function extractFromPdfInfo(info: Readonly<Record<string, unknown>>): ExtractedInvoice {
  const b = new ExtractionBuilder({ source: 'pdf-text', confidence: PDF_INFO_CONFIDENCE });
  b.set('number', numberValue(infoString(info, 'InvoiceNumber')));
  b.set('issueDate', dateValue(infoString(info, 'IssueTime')));
  b.set('amount', moneyValue(infoString(info, 'TotalAmWithoutTax')));
  b.set('tax', moneyValue(infoString(info, 'TotalTaxAm'), true));
  b.set('total', moneyValue(infoString(info, 'TotalTax-includedAmount')));
  b.set('buyerTaxId', taxIdValue(infoString(info, 'BuyerIdNum')));
  b.set('sellerTaxId', taxIdValue(infoString(info, 'SellerIdNum')));
  b.set('buyerName', textValue(infoString(info, 'BuyerName')));
  b.set('sellerName', textValue(infoString(info, 'SellerName')));
  return b.build();
}

/**
 * Extracts invoice fields from pdf.js text items and the Info dictionary; the Info values take precedence
 * and disagreements with the printed face are kept as conflicts. A PDF without text says so (`pdfNoText`).
 */
export function extractFromPdfText(items: readonly TextItem[], info: Readonly<Record<string, unknown>> = {}): ExtractedInvoice {
  const lines = groupIntoLines(items);
  const face = extractFromLines(lines, { source: 'pdf-text', confidence: PDF_TEXT_CONFIDENCE, isOcr: false });
  const merged = mergeExtractions(extractFromPdfInfo(info), face);
  return lines.length === 0 ? withWarnings(merged, [{ code: 'pdfNoText' }]) : merged;
}
