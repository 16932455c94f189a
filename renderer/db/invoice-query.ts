import type { InvoiceId } from '../../shared/domain/invoice';
import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import { filterListIndex } from '../../shared/search/list-filter';
import type { LedgerDb } from './db';
import { loadListIndex } from './list-index';

/** Ids of the invoices matching `filter`, newest issue date first (ties: newest id first). */
export async function queryInvoiceIds(db: LedgerDb, filter: InvoiceFilter): Promise<InvoiceId[]> {
  return filterListIndex(await loadListIndex(db), filter) as InvoiceId[];
}
