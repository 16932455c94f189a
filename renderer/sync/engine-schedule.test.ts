import { describe, expect, it } from 'vitest';
import { sampleContent } from '../db/sync-fixtures';
import type { Connectivity, SyncEngine } from './engine';
import { makeDevice } from './engine-harness';
import { createFakeClock } from './fake-clock';
import { createFakeServer } from './fake-server';

/** Lets the cycle a timer started run to its end (Dexie and the fake server work on real microtasks). */
async function idle(engine: SyncEngine): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    await new Promise((r) => setTimeout(r, 1));
    if (engine.getStatus().phase !== 'syncing') return;
  }
  throw new Error('engine still syncing');
}

function setup(options: { online?: boolean } = {}) {
  const server = createFakeServer();
  const clock = createFakeClock();
  let online = options.online ?? true;
  let listener: ((o: boolean) => void) | null = null;
  const connectivity: Connectivity = { isOnline: () => online, subscribe: (fn) => { listener = fn; return () => { listener = null; }; } };
  const d = makeDevice(server, 'A', { timers: clock.timers, now: clock.now, connectivity, requestTimeoutMs: 1000, debounceMs: 2000, periodMs: 60_000, backoffBaseMs: 1000, backoffMaxMs: 300_000 });
  const goOnline = () => { online = true; listener?.(true); };
  const settle = () => idle(d.engine);
  return { server, clock, d, goOnline, settle };
}

describe('sync engine scheduling (fake clock)', () => {
  it('gives up on a request that does not answer within the timeout', async () => {
    const { server, clock, d } = setup();
    server.inject('hang', '/health');
    const result = d.engine.syncNow();
    while (clock.armed().length === 0) await new Promise((r) => setTimeout(r, 1));
    await clock.advance(1000);
    expect(await result).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('backs off exponentially with jitter after failures and returns to the period after success', async () => {
    const { server, clock, d, settle } = setup();
    for (let i = 0; i < 4; i++) server.inject('http502', '/health');
    d.engine.start();
    await clock.advance(0, settle);
    const delays: number[] = [];
    for (let i = 0; i < 4; i++) {
      const wait = clock.armed();
      expect(wait).toHaveLength(1);
      delays.push(wait[0]!);
      await clock.advance(wait[0]!, settle);
    }
    expect(delays).toEqual([750, 1500, 3000, 6000]);
    expect(d.engine.getStatus()).toMatchObject({ lastError: null, consecutiveFailures: 0 });
    expect(clock.armed()).toEqual([60_000]);
    d.engine.stop();
    expect(clock.armed()).toEqual([]);
  });

  it('does not touch the network while offline, and syncs as soon as it comes back', async () => {
    const { server, clock, d, goOnline, settle } = setup({ online: false });
    await d.invoices.create(sampleContent(), { warnings: [] });
    d.engine.start();
    await clock.advance(3600_000, settle);
    expect(server.requests).toBe(0);
    expect(d.engine.getStatus()).toMatchObject({ online: false, lastError: { kind: 'offline' }, pending: 1 });
    expect(clock.armed()).toHaveLength(1);
    goOnline();
    await clock.advance(0, settle);
    expect(d.engine.getStatus()).toMatchObject({ online: true, lastError: null, pending: 0 });
    expect(server.state.log).toHaveLength(1);
    d.engine.stop();
  });

  it('pushes a local change after the quiet period, not before', async () => {
    const { server, clock, d, settle } = setup();
    d.engine.start();
    await clock.advance(0, settle);
    expect(clock.armed()).toEqual([60_000]);
    await d.invoices.create(sampleContent(), { warnings: [] });
    while (d.engine.getStatus().pending === 0) await new Promise((r) => setTimeout(r, 1));
    expect(clock.armed()).toEqual([2000]);
    await clock.advance(1999, settle);
    expect(server.state.log).toHaveLength(0);
    await clock.advance(1, settle);
    expect(server.state.log).toHaveLength(1);
    d.engine.stop();
  });

  it('shows the last successful sync from before a restart as soon as it starts', async () => {
    const { d } = setup();
    await d.store.markSuccess('2026-01-01T08:00:00.000Z');
    d.engine.start();
    while (d.engine.getStatus().lastSuccessAt === null) await new Promise((r) => setTimeout(r, 1));
    expect(d.engine.getStatus().lastSuccessAt).toBe('2026-01-01T08:00:00.000Z');
    d.engine.stop();
  });

  it('tells subscribers about every status change', async () => {
    const { d } = setup();
    const phases: string[] = [];
    const off = d.engine.subscribe((s) => phases.push(s.phase));
    await d.engine.syncNow();
    off();
    expect(phases).toContain('syncing');
    expect(phases.at(-1)).toBe('stopped');
  });
});
