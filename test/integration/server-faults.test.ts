import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import type { SyncStore } from '../../server/store/store';
import { pullResponseSchema, pushResponseSchema } from '../../shared/sync/protocol';
import { startFaultProxy, NO_FAULTS, type FaultProxy } from './fault-proxy';
import { addCode, backends, Device, mutation } from './server-harness';

// Real servers and databases on a shared CI machine: generous deadlines, no timing assertions.
vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

const SEED = Number(process.env['FAPIAO_FAULT_SEED'] ?? '20261127');

/**
 * A device that keeps its mutations until acked and retries whatever happens (the contract a sync engine must keep):
 * on a dropped connection, a 502 or a gap it sends again from the first unacknowledged id.
 */
async function pushUntilAcked(device: Device, total: number, batch: number, entity: (i: number) => string): Promise<number> {
  let acked = 0;
  let attempts = 0;
  while (acked < total) {
    attempts += 1;
    if (attempts > 2000) throw new Error('no progress after 2000 attempts');
    const ids = Array.from({ length: Math.min(batch, total - acked) }, (_, k) => acked + k + 1);
    try {
      const res = await device.push(ids.map((id) => mutation(id, entity(id), { changes: { total: id } })));
      if (res.status === 200) acked = pushResponseSchema.parse(res.body).lastMutationId;
      else if (res.status === 409 && typeof res.body['lastMutationId'] === 'number') acked = res.body['lastMutationId'];
    } catch {
      // Connection dropped: the server may or may not have committed; resending is safe.
    }
  }
  return attempts;
}

describe.each(backends())('sync server behind a fault proxy on $name', (backend) => {
  let store: SyncStore;
  let server: RunningServer;
  let proxy: FaultProxy;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    server = await startServer({ store, port: 0, version: 'test' });
    proxy = await startFaultProxy({
      target: server.url, seed: SEED, maxDelayMs: 30,
      rates: { dropBefore: 0.1, dropAfter: 0.15, badGateway: 0.1, delay: 0.1, duplicate: 0.15 },
    });
  });
  afterAll(async () => {
    await proxy.close();
    await server.close();
    await store.close();
    await cleanup();
  });

  it('applies every mutation exactly once through dropped connections, 502s, delays and duplicates', async () => {
    const devices: Device[] = [];
    for (let d = 0; d < 3; d += 1) {
      await addCode(store, `FAULT-${d}`);
      const direct = await Device.enroll(server.url, `FAULT-${d}`);
      devices.push(new Device(proxy.url, direct.deviceId, direct.token, direct.epoch));
    }
    const total = 60;
    const attempts = await Promise.all(devices.map((dev, d) => pushUntilAcked(dev, total, 7, (i) => `fault-${backend.name}-${d}-${i % 10}`)));
    proxy.setRates(NO_FAULTS);
    console.log(`fault proxy seed ${SEED} (${backend.name}): ${proxy.faults()} faults injected ${JSON.stringify(proxy.counts)}; push attempts ${attempts.join('/')}`);
    expect(proxy.faults()).toBeGreaterThan(10);

    const log = await store.mutationLog();
    for (const dev of devices) {
      const ids = log.filter((l) => l.deviceId === dev.deviceId).map((l) => l.mutationId);
      expect(ids).toEqual(Array.from({ length: total }, (_, k) => k + 1));
    }
    const pulled = pullResponseSchema.parse((await devices[0]!.pull(0, 5000)).body);
    // Each record's last write is the highest id that touched it (same device writes in order, no conflicts).
    for (let d = 0; d < devices.length; d += 1) {
      for (let r = 0; r < 10; r += 1) {
        const rec = pulled.changes.find((c) => c.entityId === `fault-${backend.name}-${d}-${r}`);
        expect(rec?.data['total']).toBe(50 + (r === 0 ? 10 : r));
      }
    }
    const versions = pulled.changes.map((c) => c.version);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
