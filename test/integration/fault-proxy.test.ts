import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_FAULTS, seededRandom, startFaultProxy, type FaultKind, type FaultRates } from './fault-proxy';

let upstream: Server;
let target: string;
let hits = 0;

beforeAll(async () => {
  upstream = createServer((req, res) => {
    hits += 1;
    req.resume();
    req.on('end', () => { res.end(JSON.stringify({ hit: hits })); });
  });
  await new Promise<void>((r) => { upstream.listen(0, '127.0.0.1', r); });
  target = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => { upstream.close(() => { r(); }); }));

const only = (kind: FaultKind): FaultRates => ({ ...NO_FAULTS, [kind]: 1 });

/** Sends one request through the proxy: the status, or 'dropped' when the connection was cut. */
async function send(url: string): Promise<number | 'dropped'> {
  try {
    const res = await fetch(`${url}/x`, { method: 'POST', body: 'hello' });
    await res.text();
    return res.status;
  } catch {
    return 'dropped';
  }
}

describe('fault proxy', () => {
  it('replays the same random sequence for the same seed', () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const c = seededRandom(43);
    const seqA = Array.from({ length: 5 }, a);
    expect(Array.from({ length: 5 }, b)).toEqual(seqA);
    expect(Array.from({ length: 5 }, c)).not.toEqual(seqA);
  });

  it.each([
    ['dropBefore', 'dropped', 0],
    ['dropAfter', 'dropped', 1],
    ['badGateway', 502, 0],
    ['delay', 200, 1],
    ['duplicate', 200, 2],
  ] as const)('%s: the client sees %s and the server gets %i request(s)', async (kind, seen, reached) => {
    const proxy = await startFaultProxy({ target, seed: 1, rates: only(kind), maxDelayMs: 20 });
    const before = hits;
    expect(await send(proxy.url)).toBe(seen);
    expect(hits - before).toBe(reached);
    expect(proxy.counts[kind]).toBe(1);
    expect(proxy.faults()).toBe(1);
    expect(proxy.upstreamRequests).toBe(reached);
    await proxy.close();
  });

  it('mixes faults by rate, counts each, and forwards cleanly once the rates are zero', async () => {
    const proxy = await startFaultProxy({ target, seed: 7, rates: { dropBefore: 0.1, dropAfter: 0.1, badGateway: 0.1, delay: 0.1, duplicate: 0.1 }, maxDelayMs: 5 });
    for (let i = 0; i < 60; i += 1) await send(proxy.url);
    const { clean, ...faults } = proxy.counts;
    expect(clean + proxy.faults()).toBe(60);
    expect(Object.values(faults).every((n) => n > 0)).toBe(true);
    proxy.setRates(NO_FAULTS);
    const faultsBefore = proxy.faults();
    for (let i = 0; i < 5; i += 1) expect(await send(proxy.url)).toBe(200);
    expect(proxy.faults()).toBe(faultsBefore);
    await proxy.close();
  });
});
