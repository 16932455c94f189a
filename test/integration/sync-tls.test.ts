// The office network encrypted end to end (issue #13): the real server over HTTPS with a self-signed certificate on
// 127.0.0.1, PCs made of the app's own parts (SyncRepository on fake-indexeddb, the enrollment steps, the sync engine)
// whose TLS is checked through the desktop app's own pin store and verify proc (electron/main/server-pins.ts).
// Enrollment shows the fingerprint the server printed and pins it; sync works; the server restarted with another
// certificate is refused, with both fingerprints, and nothing is sent; plain HTTP to the LAN is refused unless allowed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import { SqliteStore } from '../../server/store/sqlite-store';
import { makeSelfSigned } from '../../server/tls/self-signed';
import { certificateFingerprint, type TlsMaterial } from '../../server/tls/tls-material';
import { createServerPins, type ServerPins } from '../../electron/main/server-pins';
import { InvoiceRepository } from '../../renderer/db/invoice-repository';
import { SyncRepository } from '../../renderer/db/sync-repository';
import { sampleContent } from '../../renderer/db/sync-fixtures';
import { makeTestDb } from '../../renderer/db/test-db';
import type { ServerCertificates } from '../../renderer/platform/server-certificates';
import { createEnrollment, type ServerIdentity } from '../../renderer/sync/enrollment';
import { createSyncEngine, type SyncEngine } from '../../renderer/sync/engine';
import { addCode } from './server-harness';
import { pinnedFetch } from './pinned-fetch';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const LOCAL = { dns: ['localhost'], ips: ['127.0.0.1'] };

/** A simulated desktop PC: its ledger, its secret store, its pins in its own userData, its TLS through them. */
function desktopPc(userDataDir: string) {
  const { db, ctx } = makeTestDb();
  const store = new SyncRepository(db, ctx.now, ctx.device, ctx);
  const invoices = new InvoiceRepository(db, ctx);
  const pins: ServerPins = createServerPins({ userDataDir, connect: (o, cb) => connect(o, cb), timeoutMs: 5000 });
  const { fetch, log } = pinnedFetch((request, callback) => { pins.verifyProc(request, callback); });
  const certificates: ServerCertificates = {
    probe: (url) => pins.probe({ url }),
    async pin(origin, fingerprint) {
      const r = await pins.pin({ origin, fingerprint });
      return r.ok ? { ok: true, value: null } : r;
    },
  };
  const secrets = new Map<string, string>();
  const enrollment = createEnrollment({
    store, certificates, fetch, restart: () => Promise.resolve(),
    secrets: { set: (name, value) => { if (value === null) secrets.delete(name); else secrets.set(name, value); return Promise.resolve('os'); } },
  });
  /** The sync engine as the app starts it (sync-service.ts), from what enrollment kept. */
  async function engine(): Promise<SyncEngine> {
    const settings = await store.settings();
    if (!settings) throw new Error('not enrolled');
    return createSyncEngine({
      store, serverUrl: settings.serverUrl, token: secrets.get('sync-token') ?? '', deviceId: settings.deviceId, fetch,
      pinnedFingerprint: settings.certFingerprint ?? null, requestTimeoutMs: 5000,
      certificateCheck: { mode: 'enforced', probe: async (url) => { const r = await pins.probe({ url }); return r.ok ? r.value.fingerprint : null; } },
    });
  }
  return { db, store, invoices, enrollment, engine, log, secrets };
}

describe('sync over HTTPS with the certificate pinned at enrollment', () => {
  let dir: string;
  let store: SqliteStore;
  let first: TlsMaterial;
  let second: TlsMaterial;
  let server: RunningServer;
  let port = 0;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fapiao-sync-tls-'));
    store = SqliteStore.open(dir);
    [first, second] = await Promise.all([makeSelfSigned(LOCAL), makeSelfSigned(LOCAL)]);
    for (const code of ['CODE-A', 'CODE-B', 'CODE-C']) await addCode(store, code);
    server = await startServer({ store, host: '127.0.0.1', port: 0, version: 'tls-test', tls: first });
    port = Number(new URL(server.url).port);
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrolls by the printed fingerprint, syncs, and refuses the server once its certificate changed', async () => {
    const printed = certificateFingerprint(first.cert); // what `npm run server` prints on start
    const a = desktopPc(join(dir, 'pc-a'));
    const b = desktopPc(join(dir, 'pc-b'));

    // Nothing pinned yet: the self-signed certificate is not trusted (Chromium's own verdict refuses it).
    const unpinned = await a.enrollment.enrollDevice({ kind: 'browser', url: server.url }, 'CODE-A', 'PC A');
    expect(unpinned).toEqual({ ok: false, error: { kind: 'unreachable' } });
    expect(a.log.sent).toEqual([]);

    // Step 1 shows what the server presents; the admin compares it with the printed one and confirms.
    const identity = await a.enrollment.identifyServer(server.url);
    expect(identity).toMatchObject({ ok: true, value: { kind: 'probed', certificate: { fingerprint: printed, origin: server.url } } });
    if (!identity.ok) return;
    const enrolledA = await a.enrollment.enrollDevice(identity.value, 'CODE-A', 'PC A');
    expect(enrolledA).toMatchObject({ ok: true, value: { certFingerprint: printed } });
    const idB = await b.enrollment.identifyServer(server.url);
    if (!idB.ok) throw new Error('probe B');
    expect(await b.enrollment.enrollDevice(idB.value, 'CODE-B', 'PC B')).toMatchObject({ ok: true });
    expect(a.secrets.get('sync-token')).toMatch(/.{20,}/);
    expect(JSON.stringify(await a.db.meta.toArray())).not.toContain(a.secrets.get('sync-token'));

    // Sync works over the pinned connection, both ways.
    const engineA = await a.engine();
    const created = await a.invoices.create(sampleContent(1), { warnings: [] });
    if (!created.ok) throw new Error('create');
    expect(await engineA.syncNow()).toMatchObject({ ok: true, value: { pushed: 1 } });
    expect(await (await b.engine()).syncNow()).toMatchObject({ ok: true });
    expect(await b.invoices.get(created.invoice.id)).toMatchObject({ number: created.invoice.number });

    // The server restarts with another certificate on the same address.
    await server.close();
    server = await startServer({ store, host: '127.0.0.1', port, version: 'tls-test', tls: second });
    const replaced = certificateFingerprint(second.cert);
    await a.invoices.create(sampleContent(2), { warnings: [] });
    const sentBefore = a.log.sent.length;
    const r = await (await a.engine()).syncNow();
    expect(r).toEqual({ ok: false, error: { kind: 'certificateChanged', pinned: printed, presented: replaced } });
    expect(a.log.sent.length).toBe(sentBefore);
    expect(a.log.refused.length).toBeGreaterThan(0);
    expect(await a.store.pendingCount()).toBe(1);

    // Only an admin who compared the new fingerprint trusts it; then sync resumes.
    expect(await a.enrollment.trustPresentedCertificate(replaced)).toEqual({ ok: true, value: null });
    expect(await (await a.engine()).syncNow()).toMatchObject({ ok: true, value: { pushed: 1 } });
  });

  it('a browser that trusts the new certificate still stops: the server reports another fingerprint than the pinned one', async () => {
    await server.close();
    server = await startServer({ store, host: '127.0.0.1', port, version: 'tls-test', tls: second });
    const { db, ctx } = makeTestDb();
    const pcStore = new SyncRepository(db, ctx.now, ctx.device, ctx);
    // The admin installed both certificates in the browser (so it trusts either), then enrolled.
    const browserA = pinnedFetch((_r, cb) => { cb(-3); }, { ca: [first.cert, second.cert] });
    const secrets = new Map<string, string>();
    const enrollment = createEnrollment({
      store: pcStore, certificates: null, fetch: browserA.fetch, restart: () => Promise.resolve(),
      secrets: { set: (name, value) => { if (value !== null) secrets.set(name, value); return Promise.resolve('browser'); } },
    });
    const identity = await enrollment.identifyServer(server.url);
    const serving = certificateFingerprint(second.cert);
    expect(identity).toEqual({ ok: true, value: { kind: 'reported', url: server.url, fingerprint: serving } satisfies ServerIdentity });
    if (!identity.ok) return;
    expect(await enrollment.enrollDevice(identity.value, 'CODE-C', 'browser PC')).toMatchObject({ ok: true });

    await server.close();
    server = await startServer({ store, host: '127.0.0.1', port, version: 'tls-test', tls: first });
    const settings = await pcStore.settings();
    const engine = createSyncEngine({
      store: pcStore, serverUrl: server.url, token: secrets.get('sync-token') ?? '', deviceId: settings?.deviceId ?? '',
      fetch: browserA.fetch, pinnedFingerprint: settings?.certFingerprint ?? null, requestTimeoutMs: 5000,
    });
    await new InvoiceRepository(db, ctx).create(sampleContent(3), { warnings: [] });
    const sent = browserA.log.sent.length;
    expect(await engine.syncNow()).toEqual({ ok: false, error: { kind: 'certificateChanged', pinned: serving, presented: certificateFingerprint(first.cert) } });
    expect(browserA.log.sent.slice(sent)).toEqual(['GET /api/v1/health']);
  });
});

describe('plain HTTP to the LAN', () => {
  let dir: string;
  let store: SqliteStore;
  let server: RunningServer;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fapiao-sync-plain-'));
    store = SqliteStore.open(dir);
    await addCode(store, 'CODE-P');
    server = await startServer({ store, host: '127.0.0.1', port: 0, version: 'plain-test' });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is refused before anything is sent, unless the admin allowed it', async () => {
    // The server as the office LAN would name it; the fetch resolves that name to where the test server listens.
    const lanUrl = server.url.replace('127.0.0.1', 'fapiao-server.lan');
    const sent: string[] = [];
    const lanFetch: typeof fetch = (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      sent.push(url);
      return fetch(url.replace('fapiao-server.lan', '127.0.0.1'), init);
    };
    const { db, ctx } = makeTestDb();
    const pcStore = new SyncRepository(db, ctx.now, ctx.device, ctx);
    const secrets = new Map<string, string>();
    const enrollment = createEnrollment({
      store: pcStore, certificates: null, fetch: lanFetch, restart: () => Promise.resolve(),
      secrets: { set: (name, value) => { if (value !== null) secrets.set(name, value); return Promise.resolve('os'); } },
    });
    expect(await enrollment.identifyServer(lanUrl)).toEqual({ ok: false, error: { kind: 'plainHttp', host: 'fapiao-server.lan' } });
    expect(await enrollment.enrollDevice({ kind: 'plain', url: lanUrl }, 'CODE-P', 'pc')).toEqual({ ok: false, error: { kind: 'plainHttp', host: 'fapiao-server.lan' } });
    expect(sent).toEqual([]);

    expect(await enrollment.setPlainHttpAllowed(true)).toEqual({ ok: true, value: null });
    const identity = await enrollment.identifyServer(lanUrl);
    expect(identity).toEqual({ ok: true, value: { kind: 'plain', url: lanUrl } });
    if (!identity.ok) return;
    expect(await enrollment.enrollDevice(identity.value, 'CODE-P', 'pc')).toMatchObject({ ok: true });
    const settings = await pcStore.settings();
    const engineFor = (allowPlainHttp: boolean) => createSyncEngine({
      store: pcStore, serverUrl: lanUrl, token: secrets.get('sync-token') ?? '', deviceId: settings?.deviceId ?? '', fetch: lanFetch, allowPlainHttp,
    });
    await new InvoiceRepository(db, ctx).create(sampleContent(4), { warnings: [] });
    expect(await engineFor(true).syncNow()).toMatchObject({ ok: true, value: { pushed: 1 } });

    // Switched off again: the next cycle sends nothing.
    const count = sent.length;
    expect(await engineFor(false).syncNow()).toEqual({ ok: false, error: { kind: 'plainHttp', host: 'fapiao-server.lan' } });
    expect(sent.length).toBe(count);
  });
});
