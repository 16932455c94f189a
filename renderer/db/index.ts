/** The renderer's only door to IndexedDB: repositories for writes, hooks for live reads. */
import { useLiveQuery } from 'dexie-react-hooks';
import { uuidv7 } from '../../shared/domain/ids';
import type { Invoice, InvoiceId } from '../../shared/domain/invoice';
import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import type { AuditEntry } from '../../shared/audit/audit-chain';
import { LedgerDb, requestPersistentStorage, type SavedView } from './db';
import { InvoiceRepository } from './invoice-repository';
import { ViewsRepository } from './views-repository';
import { queryInvoiceIds } from './invoice-query';
import { fromRow } from './rows';
import type { WriteContext } from './write-context';

export type { SaveOutcome, SaveRefusal, StatusOutcome } from './invoice-repository';
export type { SavedView } from './db';

/** The placeholder user until sign-in exists. */
export const CURRENT_USER = 'clerk';

const db = new LedgerDb();
const ctx: WriteContext = {
  user: CURRENT_USER,
  now: () => new Date().toISOString(),
  newId: () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10))) as InvoiceId,
};

/** Invoice writes (record + audit + outbox in one transaction). */
export const invoices = new InvoiceRepository(db, ctx);
/** Saved list views. */
export const views = new ViewsRepository(db, ctx);
/** Asks for persistent storage once at start-up. */
export const persistStorage = requestPersistentStorage;

/** Ids matching a filter, in display order; undefined while loading. */
export function useInvoiceIds(filter: InvoiceFilter): InvoiceId[] | undefined {
  const key = JSON.stringify(filter);
  return useLiveQuery(() => queryInvoiceIds(db, filter), [key]);
}

/** The invoices with these ids (a window of the list), keyed by id. */
export function useInvoicesById(ids: readonly InvoiceId[]): Map<string, Invoice> | undefined {
  const key = ids.join(',');
  return useLiveQuery(async () => {
    const rows = await db.invoices.bulkGet([...ids]);
    const map = new Map<string, Invoice>();
    for (const r of rows) if (r) map.set(r.id, fromRow(r));
    return map;
  }, [key]);
}

/** One invoice (null when it does not exist; undefined while loading). */
export function useInvoice(id: string): Invoice | null | undefined {
  return useLiveQuery(async () => {
    const row = await db.invoices.get(id as InvoiceId);
    return row ? fromRow(row) : null;
  }, [id]);
}

/** Audit entries of one invoice, oldest first. */
export function useAuditFor(id: string): AuditEntry[] | undefined {
  return useLiveQuery(() => db.audit.where('entityId').equals(id).sortBy('seq'), [id]);
}

/** All audit entries in order, for chain verification. */
export async function readAuditChain(): Promise<AuditEntry[]> {
  return db.audit.orderBy('seq').toArray();
}

/** Saved views by name. */
export function useViews(): SavedView[] | undefined {
  return useLiveQuery(() => db.views.orderBy('name').toArray(), []);
}

/** Number of live invoices (for the empty state). */
export function useLedgerSize(): number | undefined {
  return useLiveQuery(() => db.invoices.where('_deleted').equals(0).count(), []);
}
