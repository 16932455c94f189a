import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import type { InvoiceId } from '../../shared/domain/invoice';
import { LedgerDb } from './db';
import type { WriteContext } from './write-context';
import type { Actor } from '../../shared/auth/roles';

/** A fresh in-memory database and a deterministic write context acting as `actor` (an admin by default), for tests. */
export function makeTestDb(actor: Actor | null = { login: 'tester', role: 'admin' }): { db: LedgerDb; ctx: WriteContext & { tick: () => void } } {
  const db = new LedgerDb(`test-${Math.random().toString(36).slice(2)}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  let clock = Date.UTC(2026, 0, 1);
  let n = 0;
  const ctx = {
    user: actor?.login ?? '',
    actor: () => actor,
    device: 'test-pc · 00000000',
    now: () => new Date(clock).toISOString(),
    newId: () => `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}` as InvoiceId,
    tick: () => { clock += 1000; },
  };
  return { db, ctx };
}
