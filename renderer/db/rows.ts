import type { Invoice } from '../../shared/domain/invoice';
import { hardKey, softKey } from '../../shared/domain/duplicates';

/** An invoice as stored in IndexedDB: the domain record plus its duplicate keys and list-index chunk. */
export interface InvoiceRow extends Invoice {
  readonly _hard: string;
  readonly _soft: string;
  /** Which listChunks record holds this invoice's list entry. */
  readonly _chunk: number;
  /** `deleted` as a number: IndexedDB cannot index booleans. */
  readonly _deleted: 0 | 1;
}

/** Derives the stored row from a domain invoice (the only place derived fields are computed). */
export function toRow(inv: Invoice, chunk: number): InvoiceRow {
  return { ...inv, _hard: hardKey(inv), _soft: softKey(inv), _chunk: chunk, _deleted: inv.deleted ? 1 : 0 };
}

/** Drops the derived fields again. */
export function fromRow(row: InvoiceRow): Invoice {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { _hard, _soft, _chunk, _deleted, ...inv } = row;
  return inv;
}
