import { describe, expect, it } from 'vitest';
import { formatFingerprint } from '../../shared/sync/server-address';
import { sampleContent } from '../db/sync-fixtures';
import { makeDevice } from './engine-harness';
import { createFakeServer } from './fake-server';
import { certificateMismatch } from './server-trust';

const PINNED = formatFingerprint('ab'.repeat(32));
const OTHER = formatFingerprint('cd'.repeat(32));

/** The fake server behind a fetch that records every request and adds `tlsFingerprint` to the health answer. */
function serverServing(fingerprint: () => string | undefined) {
  const server = createFakeServer();
  const sent: string[] = [];
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    sent.push(`${init?.method ?? 'GET'} ${new URL(url).pathname}`);
    const res = await server.fetch(input, init);
    const fp = fingerprint();
    if (!url.endsWith('/health') || fp === undefined) return res;
    return new Response(JSON.stringify({ ...(await res.json() as object), tlsFingerprint: fp }), { status: res.status });
  };
  return { server, sent, fetch };
}

describe('plain HTTP rule in the engine', () => {
  it('refuses http:// to a LAN address before sending anything, unless the admin allowed it', async () => {
    const { server, sent, fetch } = serverServing(() => undefined);
    const refused = makeDevice(server, 'A', { serverUrl: 'http://192.168.1.20:8787', allowPlainHttp: false, fetch });
    await refused.invoices.create(sampleContent(1), { warnings: [] });
    expect(await refused.engine.syncNow()).toEqual({ ok: false, error: { kind: 'plainHttp', host: '192.168.1.20' } });
    expect(sent).toEqual([]);
    expect(refused.engine.getStatus().lastError).toEqual({ kind: 'plainHttp', host: '192.168.1.20' });
    const allowed = makeDevice(server, 'B', { serverUrl: 'http://192.168.1.20:8787', allowPlainHttp: true, fetch });
    expect((await allowed.engine.syncNow()).ok).toBe(true);
    const loopback = makeDevice(server, 'C', { serverUrl: 'http://127.0.0.1:8787', allowPlainHttp: false, fetch });
    expect((await loopback.engine.syncNow()).ok).toBe(true);
  });
});

describe('pinned certificate, as a browser can check it (the health answer)', () => {
  it('syncs while the server reports the pinned certificate', async () => {
    const { server, fetch } = serverServing(() => PINNED);
    const a = makeDevice(server, 'A', { serverUrl: 'https://192.168.1.20:8787', pinnedFingerprint: PINNED, fetch });
    await a.invoices.create(sampleContent(1), { warnings: [] });
    expect(await a.engine.syncNow()).toMatchObject({ ok: true, value: { pushed: 1 } });
  });

  it('a changed certificate stops the cycle after the health check, naming both fingerprints; nothing is pushed', async () => {
    let serving = PINNED;
    const { server, sent, fetch } = serverServing(() => serving);
    const a = makeDevice(server, 'A', { serverUrl: 'https://192.168.1.20:8787', pinnedFingerprint: PINNED, fetch });
    serving = OTHER;
    await a.invoices.create(sampleContent(1), { warnings: [] });
    const r = await a.engine.syncNow();
    expect(r).toEqual({ ok: false, error: { kind: 'certificateChanged', pinned: PINNED, presented: OTHER } });
    expect(sent).toEqual(['GET /api/v1/health']);
    expect(await a.store.pendingCount()).toBe(1);
    // A person must act: no fast retry.
    expect(a.engine.getStatus()).toMatchObject({ consecutiveFailures: 1, lastError: { kind: 'certificateChanged' } });
  });

  it('a server that reports no certificate (behind a proxy) is left to the browser', async () => {
    const { server, fetch } = serverServing(() => undefined);
    const a = makeDevice(server, 'A', { serverUrl: 'https://fapiao.office.lan', pinnedFingerprint: PINNED, fetch });
    expect((await a.engine.syncNow()).ok).toBe(true);
  });
});

describe('pinned certificate, as the desktop app enforces it', () => {
  it('a refused connection is explained by probing: the new certificate is named, the pinned one too', async () => {
    const { server, sent, fetch } = serverServing(() => undefined);
    let refusing = false;
    // Chromium refuses the handshake when the verify proc says no: fetch fails like an unreachable server.
    const pinnedFetch: typeof globalThis.fetch = (input, init) => (refusing ? Promise.reject(new TypeError('Failed to fetch')) : fetch(input, init));
    let presented: string | null = PINNED;
    const probes: string[] = [];
    const a = makeDevice(server, 'A', {
      serverUrl: 'https://192.168.1.20:8787', pinnedFingerprint: PINNED, fetch: pinnedFetch,
      certificateCheck: { mode: 'enforced', probe: (url) => { probes.push(url); return Promise.resolve(presented); } },
    });
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(probes).toEqual([]);

    refusing = true;
    presented = OTHER;
    await a.invoices.create(sampleContent(1), { warnings: [] });
    const before = sent.length;
    expect(await a.engine.syncNow()).toEqual({ ok: false, error: { kind: 'certificateChanged', pinned: PINNED, presented: OTHER } });
    expect(sent.length).toBe(before);
    expect(probes).toEqual(['https://192.168.1.20:8787']);

    // Same certificate, server simply down: an ordinary unreachable failure. No answer to the probe either.
    presented = PINNED;
    expect(await a.engine.syncNow()).toEqual({ ok: false, error: { kind: 'unreachable' } });
    presented = null;
    expect(await a.engine.syncNow()).toEqual({ ok: false, error: { kind: 'unreachable' } });
  });

  it('compares fingerprints however they are written', () => {
    const chromium = `sha256/${Buffer.from('ab'.repeat(32), 'hex').toString('base64')}`;
    expect(certificateMismatch(PINNED, chromium)).toBeNull();
    expect(certificateMismatch(PINNED, OTHER)).toEqual({ kind: 'certificateChanged', pinned: PINNED, presented: OTHER });
    expect(certificateMismatch(null, OTHER)).toBeNull();
    expect(certificateMismatch(PINNED, undefined)).toBeNull();
  });
});
