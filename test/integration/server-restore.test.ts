import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { startServer } from '../../server/app';
import { SqliteStore } from '../../server/store/sqlite-store';
import type { WireMutation } from '../../shared/sync/protocol';
import type { InvoiceId } from '../../shared/domain/invoice';
import { sampleContent } from '../../renderer/db/sync-fixtures';
import { addCode, Device } from './server-harness';
import { checkInvariants } from './sync-model-invariants';
import { makePc, serverView, type Pc } from './sync-pc';

async function edit(pc: Pc, id: InvoiceId, patch: Record<string, unknown>): Promise<void> {
  pc.tick();
  const cur = (await pc.invoices.get(id))!;
  const r = await pc.invoices.update(id, { ...cur, ...patch }, [], cur.updatedAt);
  expect(r.ok).toBe(true);
}

describe('sync server restored from a backup (SQLite file copy + new-epoch), with the real sync engine', () => {
  it('devices notice the new epoch, re-send what the restored server lost, re-pull, and nothing is lost', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'fapiao-restore-'));
    const file = join(dir, 'sync.sqlite');
    const backup = join(dir, 'backup.sqlite');
    let store = SqliteStore.open(dir);
    let server = await startServer({ store, port: 0, version: 'restore' });
    const port = Number(new URL(server.url).port);
    try {
      const ids: Device[] = [];
      for (const name of ['A', 'B', 'observer']) {
        await addCode(store, `RESTORE-${name}`);
        ids.push(await Device.enroll(server.url, `RESTORE-${name}`, name));
      }
      const [da, db, observer] = ids as [Device, Device, Device];
      const a = makePc(0, server.url, da.deviceId, da.token, () => 0.5);
      const b = makePc(1, server.url, db.deviceId, db.token, () => 0.5);
      const first = await a.invoices.create(sampleContent(1), { warnings: [] });
      if (!first.ok) throw new Error('setup');
      expect((await a.engine.syncNow()).ok).toBe(true);
      expect((await b.engine.syncNow()).ok).toBe(true);

      // Nightly backup of the server database.
      const conn = new Database(file);
      conn.prepare('VACUUM INTO ?').run(backup);
      conn.close();

      // A day's work after the backup, all acknowledged by the server.
      a.tick();
      const second = await a.invoices.create(sampleContent(2), { warnings: [] });
      if (!second.ok) throw new Error('setup');
      await edit(a, first.invoice.id, { remarks: '备份之后 A' });
      expect((await a.engine.syncNow()).ok).toBe(true);
      expect((await b.engine.syncNow()).ok).toBe(true);
      await edit(b, first.invoice.id, { checkCode: '99999999999999999999' });
      expect((await b.engine.syncNow()).ok).toBe(true);
      expect((await a.engine.syncNow()).ok).toBe(true);

      // The server's disk dies; the admin restores last night's file and runs `new-epoch`.
      await server.close();
      await store.close();
      for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
      copyFileSync(backup, file);
      store = SqliteStore.open(dir);
      const epoch = await store.newEpoch();
      server = await startServer({ store, port, version: 'restore' });
      expect((await store.mutationLog()).length).toBe(1);

      for (let round = 0; round < 3; round += 1) {
        expect((await b.engine.syncNow()).ok).toBe(true);
        expect((await a.engine.syncNow()).ok).toBe(true);
      }
      observer.epoch = epoch;
      const view = await serverView(observer);
      expect(view.records.get(first.invoice.id)?.data).toMatchObject({ remarks: '备份之后 A', checkCode: '99999999999999999999' });
      expect(view.records.has(second.invoice.id)).toBe(true);
      const tally = await checkInvariants([a, b], view, await store.mutationLog(), (l) => l.payload as WireMutation);
      expect(tally.loggedOnce).toBe(4); // A: create, create, edit; B: edit
      expect((await a.store.cursor()).epoch).toBe(epoch);
    } finally {
      await server.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
