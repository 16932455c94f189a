import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { describe, expect, it } from 'vitest';
import { pullResponseSchema, pushResponseSchema } from '../../shared/sync/protocol';
import { addCode, backends, Device, mutation } from './server-harness';

const BATCH = 1000;

/** Starts `node --import tsx server/main.ts` as ONE child process (the tsx CLI would put a second process between us and SIGKILL) on a free port; resolves with its URL once it listens. */
function startChild(env: Record<string, string>): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    env: { ...process.env, ...env, HOST: '127.0.0.1', PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error('server did not start within 60 s')); }, 60_000);
    let stderr = '';
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.once('exit', (code) => { reject(new Error(`server exited with ${String(code)}: ${stderr}`)); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      const match = /listening on (http:\/\/\S+)/.exec(line);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve({ child, url: match[1] });
      }
    });
  });
}

/** Sends `signal` and resolves once the process is gone. */
function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((r) => child.once('exit', () => { r(); }));
  child.kill(signal);
  return gone;
}

function batch(from: number, entity: string) {
  return Array.from({ length: BATCH }, (_, k) => mutation(from + k, `${entity}-${(from + k) % 50}`, { changes: { total: from + k, remarks: `m${from + k}` } }));
}

describe.each(backends())('sync server killed with SIGKILL mid-push on $name', (backend) => {
  it('loses nothing: a push commits whole or not at all, and resending after the restart completes it', async () => {
    const fresh = await backend.fresh();
    try {
      await addCode(fresh.store, 'CRASH-TEST');
      let server = await startChild(fresh.env);
      const enrolled = await Device.enroll(server.url, 'CRASH-TEST');
      const entity = `crash-${backend.name}`;
      for (const from of [1, 1 + BATCH]) {
        const res = await new Device(server.url, enrolled.deviceId, enrolled.token, enrolled.epoch).push(batch(from, entity));
        expect(res.status).toBe(200);
      }
      // Third batch on a server that pauses 2 ms after each mutation inside its transaction (~2 s open):
      // the SIGKILL lands while about half of the batch is written but not committed.
      await stop(server.child, 'SIGTERM');
      server = await startChild({ ...fresh.env, FAPIAO_TEST_PUSH_PAUSE_MS: '2' });
      const inFlight = new Device(server.url, enrolled.deviceId, enrolled.token, enrolled.epoch).push(batch(1 + 2 * BATCH, entity))
        .then((r) => r.status, () => 'dropped' as const);
      await new Promise((r) => setTimeout(r, 700));
      await stop(server.child, 'SIGKILL');
      const heard = await inFlight;

      server = await startChild(fresh.env);
      try {
        const device = new Device(server.url, enrolled.deviceId, enrolled.token, enrolled.epoch);
        const log = await fresh.store.mutationLog();
        const committed = log.filter((l) => l.deviceId === enrolled.deviceId).length;
        console.log(`SIGKILL on ${backend.name}: client heard ${String(heard)}, server had committed ${committed} of ${3 * BATCH} mutations`);
        expect(heard).toBe('dropped');
        expect(committed).toBe(2 * BATCH);

        // The device never saw an ack for batch 3 (or saw it and resends anyway): resending is always safe.
        const resent = pushResponseSchema.parse((await device.push(batch(1 + 2 * BATCH, entity))).body);
        expect(resent.lastMutationId).toBe(3 * BATCH);
        expect(new Set(resent.results.map((r) => r.status))).toEqual(new Set(['applied']));
        expect(pushResponseSchema.parse((await device.push(batch(1 + 2 * BATCH, entity))).body).results.every((r) => r.status === 'duplicate')).toBe(true);
        expect(pushResponseSchema.parse((await device.push(batch(1 + 3 * BATCH, entity))).body).lastMutationId).toBe(4 * BATCH);

        const ids = (await fresh.store.mutationLog()).filter((l) => l.deviceId === enrolled.deviceId).map((l) => l.mutationId);
        expect(ids).toEqual(Array.from({ length: 4 * BATCH }, (_, k) => k + 1));
        const pulled = pullResponseSchema.parse((await device.pull(0, 5000)).body);
        const rec = pulled.changes.find((c) => c.entityId === `${entity}-0`);
        expect(rec?.data).toEqual({ total: 4 * BATCH, remarks: `m${4 * BATCH}` });
      } finally {
        await stop(server.child, 'SIGTERM');
      }
    } finally {
      await fresh.store.close();
      await fresh.cleanup();
    }
  }, 180_000);
});
