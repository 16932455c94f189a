import type { Invoice } from '../../shared/domain/invoice';
import { hardKey, softKey } from '../../shared/domain/duplicates';
import { nameTerms } from '../../shared/search/terms';

/**
 * An invoice as stored in IndexedDB: the domain record plus derived index fields.
 * IndexedDB cannot index booleans and cannot search substrings, hence the 0/1 flags and name terms.
 */
export interface InvoiceRow extends Invoice {
  readonly _deleted: 0 | 1;
  readonly _hasAttachment: 0 | 1;
  readonly _terms: readonly string[];
  readonly _hard: string;
  readonly _soft: string;
}

/** Derives the stored row from a domain invoice (the only place index fields are computed). */
export function toRow(inv: Invoice): InvoiceRow {
  return {
    ...inv,
    _deleted: inv.deleted ? 1 : 0,
    _hasAttachment: inv.attachments.length > 0 ? 1 : 0,
    _terms: [...nameTerms('s', inv.seller.name), ...nameTerms('b', inv.buyer.name)],
    _hard: hardKey(inv),
    _soft: softKey(inv),
  };
}

/** Drops the derived index fields again. */
export function fromRow(row: InvoiceRow): Invoice {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { _deleted, _hasAttachment, _terms, _hard, _soft, ...inv } = row;
  return inv;
}
