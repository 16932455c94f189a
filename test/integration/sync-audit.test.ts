// The audit push end to end (issue #13): a PC built from the app's own ledger, repositories and sync engine pushes
// its audit chain to the real server after each cycle; the server keeps it append-only and refuses a chain edited
// on the PC after it was pushed, which the PC reports as audit_broken with the entry and the reason.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import type { SyncStore } from '../../server/store/store';
import { hashEntry, type AuditEntry } from '../../shared/audit/audit-chain';
import type { InvoiceId } from '../../shared/domain/invoice';
import { InvoiceRepository } from '../../renderer/db/invoice-repository';
import { sampleContent } from '../../renderer/db/sync-fixtures';
import { SyncRepository } from '../../renderer/db/sync-repository';
import { makeTestDb } from '../../renderer/db/test-db';
import { createSyncEngine } from '../../renderer/sync/engine';
import { addCode, backends, Device } from './server-harness';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

describe.each(backends())('audit push to the real server on $name', (backend) => {
  let store: SyncStore;
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let codes = 0;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    server = await startServer({ store, port: 0, version: 'sync-audit' });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await cleanup();
  });

  /** A clerk's PC enrolled with the server: its ledger, invoice repository and sync engine. */
  async function pc() {
    codes += 1;
    await addCode(store, `SYNC-AUDIT-${String(codes)}`);
    const enrolled = await Device.enroll(server.url, `SYNC-AUDIT-${String(codes)}`);
    const made = makeTestDb({ login: 'li', role: 'admin' });
    const { db } = made;
    let n = 0;
    // Ids of their own per PC: each PC pulls the others' invoices.
    const ctx = { ...made.ctx, newId: () => `0000000${String(codes)}-0000-7000-8000-${String(++n).padStart(12, '0')}` as InvoiceId };
    const sync = new SyncRepository(db, ctx.now, ctx.device);
    const engine = createSyncEngine({ store: sync, serverUrl: server.url, token: enrolled.token, deviceId: enrolled.deviceId, fetch: (i, init) => fetch(i, init), random: () => 0.5, requestTimeoutMs: 5000 });
    const invoices = new InvoiceRepository(db, ctx);
    const create = async (n: number) => {
      const r = await invoices.create(sampleContent(n), { warnings: [] });
      if (!r.ok) throw new Error('setup');
      return r.invoice;
    };
    return { db, sync, engine, create, deviceId: enrolled.deviceId };
  }
  const held = async (deviceId: string) => (await store.auditPage(deviceId, 0, 10_000)).map((e) => ({ seq: e.seq, hash: e.hash, entry: e.entry }));
  const local = (db: Awaited<ReturnType<typeof pc>>['db']) => db.audit.orderBy('seq').toArray();

  it('stores the whole chain after a cycle, then only what is new, entry for entry with user and device', async () => {
    const a = await pc();
    await a.create(0);
    await a.create(1);
    expect(await a.engine.syncNow()).toMatchObject({ ok: true });
    const mine = await local(a.db);
    expect((await held(a.deviceId)).map((e) => [e.seq, e.hash])).toEqual(mine.map((e) => [e.seq, e.hash]));
    expect((await held(a.deviceId))[0]?.entry).toMatchObject({ user: 'li', device: 'test-pc · 00000000', action: 'create' });
    expect(await a.sync.auditPushedSeq()).toBe(2);

    await a.create(2);
    expect(await a.engine.syncNow()).toMatchObject({ ok: true });
    expect((await held(a.deviceId)).map((e) => e.seq)).toEqual([1, 2, 3]);
  });

  it('refuses a chain rewritten after it was pushed: the PC reports the entry and why, the records still sync', async () => {
    const a = await pc();
    await a.create(10);
    await a.create(11);
    expect(await a.engine.syncNow()).toMatchObject({ ok: true });
    // The last entry the server holds is rewritten and rehashed on the PC, and the app goes on chaining after it.
    const mine = await local(a.db);
    const last = mine.at(-1)!;
    const forged: AuditEntry = { ...last, user: 'mallory' };
    await a.db.audit.put({ ...forged, hash: hashEntry(forged, forged.seq, last.prevHash) });
    const inv = await a.create(12);
    const r = await a.engine.syncNow();
    // Each push starts with the last entry the server holds: it is no longer the same.
    expect(r).toEqual({ ok: false, error: { kind: 'auditBroken', seq: last.seq, reason: 'fork', lastSeq: last.seq } });
    expect(a.engine.getStatus().lastError).toMatchObject({ kind: 'auditBroken', seq: last.seq, reason: 'fork' });
    expect(await a.sync.pendingCount()).toBe(0);
    expect((await a.db.invoices.get(inv.id))?.version).toBeGreaterThan(0);
    expect((await held(a.deviceId)).map((e) => e.hash)).toEqual(mine.map((e) => e.hash));

    // Sent again from the start (the PC lost its place): the rewritten entry itself is named, as a fork.
    await a.sync.markAuditPushed(0);
    expect(await a.engine.syncNow()).toEqual({ ok: false, error: { kind: 'auditBroken', seq: last.seq, reason: 'fork', lastSeq: last.seq } });
  });
});
