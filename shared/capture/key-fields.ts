// The fields without which the clerk would have to type a lot: the pipeline tries the next route while any is missing.
import type { ExtractedFieldName, ExtractedInvoice } from './extracted';

/** Fields without which the clerk would have to type a lot: when any is missing, OCR is tried. */
export const KEY_FIELDS: readonly ExtractedFieldName[] = ['number', 'issueDate', 'total', 'sellerName', 'sellerTaxId', 'buyerName'];

/** Key fields still missing after all routes so far. */
export function missingKeyFields(e: ExtractedInvoice): ExtractedFieldName[] {
  return KEY_FIELDS.filter((f) => e.fields[f] === undefined || e.fields[f] === '');
}

/** True when at least one key field was read. */
export function hasAnyKeyField(e: ExtractedInvoice): boolean {
  return missingKeyFields(e).length < KEY_FIELDS.length;
}
