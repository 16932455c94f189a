// Restore + sync together (restore-sync.ts): after restoring an older backup nothing is lost and nothing applied twice.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { Invoice } from '../../shared/domain/invoice';
import { createSyncEngine } from '../sync/engine';
import { createFakeServer } from '../sync/fake-server';
import { LedgerDb } from './db';
import { InvoiceRepository } from './invoice-repository';
import { BlobFolder } from './restore-folder';
import { ledgerBackupApi } from './restore-api';
import { activeLedgerName, type PointerStorage } from './restore-pointer';
import { sampleContent } from './sync-fixtures';
import { SyncRepository } from './sync-repository';
import { makeTestDb } from './test-db';

type Server = ReturnType<typeof createFakeServer>;
const URL = 'http://office.test';

function memoryStorage(): PointerStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => { map.set(k, v); }, removeItem: (k) => { map.delete(k); } };
}

/** A PC: one IndexedDB factory, its active ledger, and an engine for a device id (null = not enrolled). */
function makePc(server: Server, onOpen: (db: LedgerDb) => void = () => undefined) {
  const factory = new IDBFactory();
  const { ctx } = makeTestDb();
  const storage = memoryStorage();
  const open = (name: string) => {
    const db = new LedgerDb(name, { indexedDB: factory, IDBKeyRange });
    onOpen(db);
    return db;
  };
  const ledger = () => {
    const db = open(activeLedgerName(storage));
    const store = new SyncRepository(db, ctx.now);
    const engineFor = (deviceId: string, token: string) =>
      createSyncEngine({ store, serverUrl: URL, allowPlainHttp: true, token, deviceId, fetch: server.fetch, random: () => 0.5, now: () => Date.parse(ctx.now()) });
    return { db, store, invoices: new InvoiceRepository(db, ctx), api: ledgerBackupApi(db, { ctx, now: ctx.now, appVersion: 't', openDb: open, storage }), engineFor };
  };
  return { ctx, ledger };
}

async function enroll(l: ReturnType<ReturnType<typeof makePc>['ledger']>, server: Server, deviceId: string) {
  const token = server.enroll(deviceId);
  await l.store.saveSettings({ serverUrl: URL, deviceId, deviceName: deviceId, enrolledAt: '2026-01-01T00:00:00.000Z' });
  return l.engineFor(deviceId, token);
}

/** A fake server and one PC whose current ledger is enrolled as device A. */
async function enrolledPc() {
  const server = createFakeServer();
  const pc = makePc(server);
  const before = pc.ledger();
  return { server, pc, before, engine: await enroll(before, server, 'A') };
}

async function create(l: { invoices: InvoiceRepository }, n: number): Promise<Invoice> {
  const r = await l.invoices.create(sampleContent(n), { warnings: [] });
  if (!r.ok) throw new Error('setup');
  return r.invoice;
}

async function backup(l: { api: ReturnType<typeof ledgerBackupApi> }): Promise<BlobFolder> {
  const folder = new BlobFolder();
  expect((await l.api.exportTo(folder)).ok).toBe(true);
  return folder;
}

const logOf = (server: Server, device: string) => server.state.log.filter((e) => e.device === device).map((e) => `${String(e.id)}:${e.status}`);
const numbers = async (db: LedgerDb) => (await db.invoices.toArray()).map((r) => r.number).sort();
const serverNumbers = (server: Server) => [...server.state.records.values()].map((r) => r.data.number).sort();

describe('restoring an older backup on an enrolled PC', () => {
  it('keeps the mutation counter: a change made after the restore reaches the server (no duplicate)', async () => {
    const { server, pc, before, engine } = await enrolledPc();
    await create(before, 1);
    expect((await engine.syncNow()).ok).toBe(true);
    const folder = await backup(before);
    const meta = new TextDecoder().decode((await folder.read('meta.ndjson')) ?? new Uint8Array());
    expect(meta).toContain('"deviceId":"A"');
    expect(meta).not.toContain('token-A'); // the device's password never goes into an export
    await create(before, 2);
    await create(before, 3);
    expect((await engine.syncNow()).ok).toBe(true);
    expect((await before.api.restoreFrom(folder)).ok).toBe(true);

    const after = pc.ledger();
    expect(await after.store.settings()).toMatchObject({ deviceId: 'A', serverUrl: URL });
    expect((await after.store.cursor()).cursor).toBe(0);
    await create(after, 4);
    const again = after.engineFor('A', 'token-A');
    expect((await again.syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual(['1:applied', '2:applied', '3:applied', '4:applied']);
    // Re-pulled from the start: the ledger equals the server, the restored-away invoices included.
    expect(await numbers(after.db)).toEqual(serverNumbers(server));
    expect(serverNumbers(server)).toHaveLength(4);
    expect(await after.store.pendingCount()).toBe(0);
  });

  it('carries unsent changes of the replaced ledger: no gap in the ids, nothing lost', async () => {
    const { server, pc, before, engine } = await enrolledPc();
    await create(before, 1);
    expect((await engine.syncNow()).ok).toBe(true);
    const folder = await backup(before);
    await create(before, 2); // id 2, never sent before the restore
    expect((await before.api.restoreFrom(folder)).ok).toBe(true);

    const after = pc.ledger();
    await create(after, 3);
    expect((await after.engineFor('A', 'token-A').syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual(['1:applied', '2:applied', '3:applied']);
    expect(await numbers(after.db)).toEqual(serverNumbers(server));
    expect(serverNumbers(server)).toHaveLength(3);
  });

  it('restores again when a change is saved in the current ledger while the restored outbox is being written', async () => {
    const server = createFakeServer();
    let during: (() => Promise<void>) | null = null;
    const pc = makePc(server, (db) => {
      if (!db.name.includes('restored')) return;
      const put = db.meta.bulkPut.bind(db.meta);
      // The last write of a restore, after the current ledger's sync state was read.
      db.meta.bulkPut = (async (rows: Parameters<typeof put>[0]) => {
        const edit = during;
        during = null;
        if (edit) await edit();
        return put(rows);
      }) as unknown as typeof db.meta.bulkPut;
    });
    const before = pc.ledger();
    const engine = await enroll(before, server, 'A');
    await create(before, 1);
    expect((await engine.syncNow()).ok).toBe(true);
    const folder = await backup(before);
    during = async () => {
      await create(before, 2); // id 2, and the server gets it at once
      expect((await engine.syncNow()).ok).toBe(true);
    };
    expect((await before.api.restoreFrom(folder)).ok).toBe(true);
    expect(during).toBeNull();

    const after = pc.ledger();
    await create(after, 3);
    expect((await after.engineFor('A', 'token-A').syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual(['1:applied', '2:applied', '3:applied']);
    expect(serverNumbers(server)).toHaveLength(3);
    expect(await numbers(after.db)).toEqual(serverNumbers(server));
  });

  it('sends a restored pending change once when the server already has that same mutation', async () => {
    const { server, pc, before, engine } = await enrolledPc();
    await create(before, 1);
    const folder = await backup(before); // mutation 1 pending in the backup
    expect((await engine.syncNow()).ok).toBe(true);
    expect((await before.api.restoreFrom(folder)).ok).toBe(true);

    const after = pc.ledger();
    expect(await after.store.pendingCount()).toBe(0);
    expect((await after.engineFor('A', 'token-A').syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual(['1:applied']);
    expect(await after.db.conflicts.count()).toBe(0);
  });

  it('re-sends a restored change the server never got under a new id', async () => {
    const { server, pc, before, engine } = await enrolledPc();
    const inv = await create(before, 1);
    const folder = await backup(before); // holds mutation 1 pending
    // The replaced ledger then lost that change some other way (e.g. an earlier restore) and used id 1 for another.
    await before.db.outbox.clear();
    await before.db.invoices.clear();
    await before.db.meta.put({ key: 'nextMutationId', value: 1 });
    await create(before, 2);
    expect((await engine.syncNow()).ok).toBe(true);
    expect((await before.api.restoreFrom(folder)).ok).toBe(true);

    const after = pc.ledger();
    expect((await after.engineFor('A', 'token-A').syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual(['1:applied', '2:applied']);
    expect(serverNumbers(server)).toContain(inv.number);
    expect(await numbers(after.db)).toEqual(serverNumbers(server));
  });
});

describe('restoring onto a PC that is not enrolled', () => {
  it('drops the backup\'s device identity and renumbers its unsent changes for the new device', async () => {
    const server = createFakeServer();
    const old = makePc(server).ledger();
    const engine = await enroll(old, server, 'A');
    await create(old, 1);
    expect((await engine.syncNow()).ok).toBe(true);
    await create(old, 2);
    await create(old, 3); // mutations 2 and 3 unsent in the backup
    const folder = await backup(old);
    expect((await engine.syncNow()).ok).toBe(true);
    await create(old, 4); // the old PC went on after the backup
    expect((await engine.syncNow()).ok).toBe(true);

    const fresh = makePc(server);
    expect((await fresh.ledger().api.restoreFrom(folder)).ok).toBe(true);
    const restored = fresh.ledger();
    expect(await restored.store.settings()).toBeNull();
    expect(await restored.store.cursor()).toMatchObject({ epoch: null, cursor: 0 });
    expect((await restored.db.outbox.toArray()).map((m) => [m.mutationId, m.state])).toEqual([[1, 'pending'], [2, 'pending']]);
    expect(await restored.db.meta.get('nextMutationId')).toEqual({ key: 'nextMutationId', value: 3 });
    const engineB = await enroll(restored, server, 'B');
    expect((await engineB.syncNow()).ok).toBe(true);
    expect(logOf(server, 'B')).toEqual(['1:applied', '2:applied']);
    expect(await numbers(restored.db)).toEqual(serverNumbers(server));
    expect(serverNumbers(server)).toHaveLength(4);
    expect(await restored.db.conflicts.count()).toBe(0);
  });
});
