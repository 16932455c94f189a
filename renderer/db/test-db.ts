import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { InvoiceId } from '../../shared/domain/invoice';
import { LedgerDb } from './db';
import type { WriteContext } from './write-context';

/** A fresh in-memory database and a deterministic write context, for tests. */
export function makeTestDb(): { db: LedgerDb; ctx: WriteContext & { tick: () => void } } {
  const db = new LedgerDb(`test-${Math.random().toString(36).slice(2)}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  let clock = Date.UTC(2026, 0, 1);
  let n = 0;
  const ctx = {
    user: 'tester',
    now: () => new Date(clock).toISOString(),
    newId: () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}` as InvoiceId,
    tick: () => { clock += 1000; },
  };
  return { db, ctx };
}
