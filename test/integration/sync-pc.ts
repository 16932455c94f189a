// A simulated clerk's PC for the end-to-end sync tests: a fake-indexeddb ledger with the real InvoiceRepository,
// SyncRepository and sync engine, talking HTTP to the real server (directly or through the fault proxy).
import type { InvoiceId } from '../../shared/domain/invoice';
import { pullResponseSchema, type Conflict, type RecordChange } from '../../shared/sync/protocol';
import { InvoiceRepository } from '../../renderer/db/invoice-repository';
import { CaseRepository } from '../../renderer/db/case-repository';
import { ConflictRepository } from '../../renderer/db/conflict-repository';
import { PeriodCheckRepository } from '../../renderer/db/period-check-repository';
import { SyncRepository } from '../../renderer/db/sync-repository';
import { makeTestDb } from '../../renderer/db/test-db';
import { createSyncEngine, type SyncEngine } from '../../renderer/sync/engine';
import type { Device } from './server-harness';

const DAY = 86_400_000;

/** One simulated clerk's PC. Clocks are days apart: client time must never matter. */
export function makePc(d: number, serverUrl: string, deviceId: string, token: string, random: () => number) {
  const { db } = makeTestDb();
  let clock = Date.UTC(2026, 0, 1) + (d - 1) * 3 * DAY;
  let n = 0;
  const ctx = {
    user: `clerk-${d}`,
    actor: () => ({ login: `clerk-${d}`, role: 'admin' as const }),
    device: `pc-${d} · 0000000${d}`,
    now: () => new Date(clock).toISOString(),
    newId: () => `0000000${d}-0000-7000-8000-${String(++n).padStart(12, '0')}` as InvoiceId,
  };
  const invoices = new InvoiceRepository(db, ctx);
  const cases = new CaseRepository(db, ctx);
  const conflicts = new ConflictRepository(db, ctx, invoices);
  const periodChecks = new PeriodCheckRepository(db, ctx);
  const store = new SyncRepository(db, ctx.now);
  const engine: SyncEngine = createSyncEngine({
    store, serverUrl, token, deviceId, fetch: (input, init) => fetch(input, init), random, requestTimeoutMs: 5000,
  });
  return { d, db, invoices, cases, conflicts, periodChecks, store, engine, deviceId, tick: () => { clock += 1000; }, created: 0 };
}
export type Pc = ReturnType<typeof makePc>;

/** Everything the server holds, read through a plain device (records, conflicts, current version). */
export async function serverView(observer: Device): Promise<{ records: Map<string, RecordChange>; conflicts: Conflict[]; version: number }> {
  const records = new Map<string, RecordChange>();
  const conflicts = new Map<number, Conflict>();
  let since = 0;
  for (;;) {
    const page = pullResponseSchema.parse((await observer.pull(since, 1000)).body);
    for (const c of page.changes) records.set(c.entityId, c);
    for (const c of page.conflicts) conflicts.set(c.id, c);
    since = page.version;
    if (!page.hasMore) return { records, conflicts: [...conflicts.values()], version: since };
  }
}
