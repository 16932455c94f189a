import { Dexie } from 'dexie';
import type { InvoiceId } from '../../shared/domain/invoice';
import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import { filterListIndex } from '../../shared/search/list-filter';
import type { LedgerDb } from './db';
import type { InvoiceRow } from './rows';
import { loadListIndex } from './list-index';

/** Ids of the invoices matching `filter`, newest issue date first (ties: newest id first). */
export async function queryInvoiceIds(db: LedgerDb, filter: InvoiceFilter): Promise<InvoiceId[]> {
  return filterListIndex(await loadListIndex(db), filter) as InvoiceId[];
}

/**
 * The first `limit` ids of the unfiltered ledger and its size, straight from the [_deleted+issueDate] index
 * (a short reverse cursor) and the chunks' live counts, so the first screen does not wait for the list index.
 */
export async function queryLedgerHead(db: LedgerDb, limit: number): Promise<{ rows: InvoiceRow[]; count: number }> {
  const live = db.invoices.where('[_deleted+issueDate]').between([0, Dexie.minKey], [0, Dexie.maxKey]);
  const [rows, revs] = await Promise.all([live.reverse().limit(limit).toArray(), db.listRevs.toArray()]);
  return { rows, count: revs.reduce((sum, r) => sum + r.live, 0) };
}
