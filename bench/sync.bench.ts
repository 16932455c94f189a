/*
 * `npm run bench -- sync` (issue #4): 10,000 queued mutations pushed and acknowledged through the real sync
 * engine (fake-indexeddb) to the real server in-process on SQLite over loopback HTTP, then a second device
 * pulling those 10,000 changes; both compared with 10,000 raw inserts into the same SQLite file.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { startServer } from '../server/app';
import { hashSecret, normalizeEnrollmentCode } from '../server/auth';
import { SqliteStore } from '../server/store/sqlite-store';
import type { OutboxMutation } from '../shared/sync/outbox';
import { sampleContent } from '../renderer/db/sync-fixtures';
import { SyncRepository } from '../renderer/db/sync-repository';
import { makeTestDb } from '../renderer/db/test-db';
import { createSyncEngine } from '../renderer/sync/engine';
import { realTimers } from '../renderer/sync/http';
import { SyncClient } from '../renderer/sync/sync-client';
import type { BenchRow } from './stats';

const COUNT = Number(process.env.BENCH_SYNC_MUTATIONS ?? 10_000);

function queued(i: number): OutboxMutation {
  const id = `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`;
  const content = { ...sampleContent(i), id, status: 'entered', tags: [], attachments: [], deleted: false, deletedAt: null };
  const baseValues = Object.fromEntries(Object.keys(content).map((k) => [k, null]));
  return { mutationId: i, entity: 'invoice', entityId: id, op: 'upsert', baseVersion: 0, changes: content, baseValues, state: 'pending', createdAt: new Date().toISOString() };
}

async function device(url: string, code: string, name: string) {
  const { db } = makeTestDb();
  const store = new SyncRepository(db);
  const enrolled = await new SyncClient({ fetch, timers: realTimers, timeoutMs: 30_000 }, url, '').enroll(code, name);
  if (!enrolled.ok) throw new Error(`enroll failed: ${JSON.stringify(enrolled.error)}`);
  const { deviceId, token } = enrolled.value;
  const pushTimes: number[] = [];
  // Marks when push requests start and end, so push time is told apart from the pull in the same cycle.
  const timedFetch: typeof fetch = async (input, init) => {
    const isPush = (typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).endsWith('/sync/push');
    if (isPush) pushTimes.push(performance.now());
    const res = await fetch(input, init);
    const body = await res.arrayBuffer();
    if (isPush) pushTimes.push(performance.now());
    return new Response(body, { status: res.status, headers: res.headers });
  };
  const engine = createSyncEngine({ store, serverUrl: url, token, deviceId, fetch: timedFetch, requestTimeoutMs: 60_000 });
  return { db, store, engine, pushTimes };
}

/** Push and pull timings against the in-process server, and the raw-insert baseline. */
export async function syncBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fapiao-sync-bench-'));
  const store = SqliteStore.open(dir);
  const server = await startServer({ store, port: 0, version: 'bench' });
  try {
    const now = new Date().toISOString();
    for (const code of ['BENCH-A', 'BENCH-B']) await store.addEnrollmentCode(hashSecret(normalizeEnrollmentCode(code)), now);
    const a = await device(server.url, 'BENCH-A', 'bench A');
    const b = await device(server.url, 'BENCH-B', 'bench B');

    const rows = Array.from({ length: COUNT }, (_, i) => queued(i + 1));
    await a.db.outbox.bulkAdd(rows);
    await a.db.meta.put({ key: 'nextMutationId', value: COUNT + 1 });
    const t0 = performance.now();
    const pushed = await a.engine.syncNow();
    const cycleMs = performance.now() - t0;
    if (!pushed.ok) throw new Error(`push failed: ${JSON.stringify(pushed.error)}`);
    if ((await a.store.pendingCount()) !== 0) throw new Error('mutations left unacknowledged');
    const pushMs = (a.pushTimes.at(-1) ?? 0) - (a.pushTimes[0] ?? 0);
    let httpMs = 0;
    for (let i = 0; i + 1 < a.pushTimes.length; i += 2) httpMs += (a.pushTimes[i + 1] ?? 0) - (a.pushTimes[i] ?? 0);
    console.error(`sync bench: ${a.pushTimes.length / 2} pushes, ${httpMs.toFixed(0)} ms of it waiting for the server`);

    const t1 = performance.now();
    const pulled = await b.engine.syncNow();
    const pullMs = performance.now() - t1;
    if (!pulled.ok || pulled.value.pulled !== COUNT) throw new Error(`pull got ${pulled.ok ? pulled.value.pulled : JSON.stringify(pulled.error)}`);

    const raw = new Database(join(dir, 'sync.sqlite'));
    raw.exec('CREATE TABLE bench_raw (id TEXT PRIMARY KEY, data TEXT NOT NULL)');
    const insert = raw.prepare('INSERT INTO bench_raw (id, data) VALUES (?, ?)');
    const t2 = performance.now();
    raw.transaction(() => { for (const r of rows) insert.run(r.entityId, JSON.stringify(r.changes)); })();
    const rawMs = performance.now() - t2;
    raw.close();

    console.error(`sync bench: push ${pushMs.toFixed(0)} ms (whole cycle incl. pulling them back ${cycleMs.toFixed(0)} ms), pull ${pullMs.toFixed(0)} ms, raw insert ${rawMs.toFixed(1)} ms`);
    return [
      { bench: 'sync', metric: `push+ack ${COUNT} mutations (SQLite, loopback)`, value: pushMs, unit: 'ms', target: 10_000 },
      { bench: 'sync', metric: `pull ${COUNT} changes into a fresh device`, value: pullMs, unit: 'ms', target: 10_000 },
      { bench: 'sync', metric: `raw insert ${COUNT} rows, same SQLite file`, value: rawMs, unit: 'ms' },
      { bench: 'sync', metric: 'push ÷ raw insert', value: pushMs / rawMs, unit: '×' },
      { bench: 'sync', metric: 'pull ÷ raw insert', value: pullMs / rawMs, unit: '×' },
    ];
  } finally {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
