import { InvoiceRepository } from '../db/invoice-repository';
import { SyncRepository } from '../db/sync-repository';
import { makeTestDb } from '../db/test-db';
import { createSyncEngine, type SyncEngineOptions } from './engine';
import type { createFakeServer } from './fake-server';

/** A simulated clerk's PC for tests: its own database, repositories and a sync engine against `server`. */
export function makeDevice(server: ReturnType<typeof createFakeServer>, deviceId: string, extra: Partial<SyncEngineOptions> = {}) {
  const { db, ctx } = makeTestDb();
  const invoices = new InvoiceRepository(db, ctx);
  const store = new SyncRepository(db, ctx.now, ctx.device);
  const token = server.enroll(deviceId);
  const engine = createSyncEngine({ store, serverUrl: 'http://office.test', allowPlainHttp: true, token, deviceId, fetch: server.fetch, random: () => 0.5, now: () => Date.parse(ctx.now()), ...extra });
  return { db, ctx, invoices, store, engine, deviceId };
}
