import { describe, expect, it } from 'vitest';
import type { ServerCertificate } from '../../shared/ipc';
import { formatFingerprint } from '../../shared/sync/server-address';
import { SyncRepository } from '../db/sync-repository';
import { makeTestDb } from '../db/test-db';
import type { ServerCertificates } from '../platform/server-certificates';
import { createEnrollment } from './enrollment';
import { createFakeServer } from './fake-server';

const FP = formatFingerprint('ab'.repeat(32));
const NEW_FP = formatFingerprint('ef'.repeat(32));

/** The fake server with an enrollment endpoint and a health answer that reports `reported()`. */
function office(reported: () => string | undefined = () => undefined) {
  const server = createFakeServer();
  const sent: string[] = [];
  let n = 0;
  const fetch: typeof globalThis.fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    sent.push(`${init?.method ?? 'GET'} ${url}`);
    if (url.endsWith('/api/v1/devices')) {
      const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { enrollmentCode: string };
      if (body.enrollmentCode !== 'CODE-1') return new Response(JSON.stringify({ error: { code: 'bad_enrollment', message: 'm' } }), { status: 401 });
      n += 1;
      return new Response(JSON.stringify({ deviceId: `dev-${String(n)}`, token: server.enroll(`dev-${String(n)}`) }), { status: 201 });
    }
    const res = await server.fetch(input, init);
    const fp = reported();
    if (!url.endsWith('/health') || fp === undefined) return res;
    return new Response(JSON.stringify({ ...(await res.json() as object), tlsFingerprint: fp }), { status: 200 });
  };
  return { sent, fetch };
}

/** A desktop's probe and pin over a certificate the test changes at will. */
function desktop(fingerprint: () => string) {
  const pins: [string, string][] = [];
  const certificate = (url: string): ServerCertificate => ({
    origin: url.replace(/\/+$/, ''), fingerprint: fingerprint(), subject: 'fapiao-server', issuer: 'fapiao-server',
    validFrom: '2026-01-01T00:00:00.000Z', validTo: '2036-01-01T00:00:00.000Z',
  });
  const certificates: ServerCertificates = {
    probe: (url) => Promise.resolve({ ok: true, value: certificate(url) }),
    pin: (origin, fp) => { pins.push([origin, fp]); return Promise.resolve({ ok: true, value: null }); },
  };
  return { certificates, pins };
}

function pc(over: { fetch: typeof fetch; certificates?: ServerCertificates | null; actor?: Parameters<typeof makeTestDb>[0] }) {
  const { db, ctx } = makeTestDb(over.actor);
  const store = new SyncRepository(db, ctx.now, ctx.device, ctx);
  const secrets = new Map<string, string>();
  let restarts = 0;
  const enrollment = createEnrollment({
    store, fetch: over.fetch, certificates: over.certificates ?? null, now: () => '2026-03-01T00:00:00.000Z',
    secrets: { set: (name, value) => { if (value === null) secrets.delete(name); else secrets.set(name, value); return Promise.resolve('os'); } },
    restart: () => { restarts++; return Promise.resolve(); },
  });
  return { db, store, secrets, enrollment, restarts: () => restarts };
}

describe('enrollment', () => {
  it('refuses plain HTTP to the LAN before sending anything; loopback and an allowed LAN enroll at once', async () => {
    const { sent, fetch } = office();
    const p = pc({ fetch });
    expect(await p.enrollment.identifyServer('http://192.168.1.10:8787')).toEqual({ ok: false, error: { kind: 'plainHttp', host: '192.168.1.10' } });
    expect(await p.enrollment.identifyServer('ftp://x')).toEqual({ ok: false, error: { kind: 'badUrl' } });
    expect(sent).toEqual([]);
    expect(await p.enrollment.identifyServer('http://127.0.0.1:8787/')).toEqual({ ok: true, value: { kind: 'plain', url: 'http://127.0.0.1:8787' } });
    expect(await p.enrollment.setPlainHttpAllowed(true)).toEqual({ ok: true, value: null });
    const lan = await p.enrollment.identifyServer('http://192.168.1.10:8787');
    expect(lan).toEqual({ ok: true, value: { kind: 'plain', url: 'http://192.168.1.10:8787' } });
    if (!lan.ok) return;
    expect(await p.enrollment.enrollDevice(lan.value, ' CODE-1 ', ' 财务甲 ')).toMatchObject({ ok: true, value: { deviceId: 'dev-1', deviceName: '财务甲' } });
    expect(await p.store.settings()).toEqual({ serverUrl: 'http://192.168.1.10:8787', deviceId: 'dev-1', deviceName: '财务甲', enrolledAt: '2026-03-01T00:00:00.000Z' });
  });

  it('desktop: shows the probed certificate, pins it before sending the code, keeps the token as a secret only', async () => {
    const { fetch } = office();
    const { certificates, pins } = desktop(() => FP);
    const p = pc({ fetch, certificates });
    const id = await p.enrollment.identifyServer('https://192.168.1.10:8787');
    expect(id).toMatchObject({ ok: true, value: { kind: 'probed', certificate: { fingerprint: FP, subject: 'fapiao-server' } } });
    if (!id.ok) return;
    expect(pins).toEqual([]);
    const r = await p.enrollment.enrollDevice(id.value, 'CODE-1', 'pc');
    expect(r).toMatchObject({ ok: true, value: { certFingerprint: FP } });
    expect(pins).toEqual([['https://192.168.1.10:8787', FP]]);
    expect(p.secrets.get('sync-token')).toBe('token-dev-1');
    expect(JSON.stringify(await p.db.meta.toArray())).not.toContain('token-dev-1');
    expect(p.restarts()).toBe(1);
  });

  it('a wrong code keeps nothing but the pin the admin confirmed', async () => {
    const { fetch } = office();
    const p = pc({ fetch, certificates: desktop(() => FP).certificates });
    const id = await p.enrollment.identifyServer('https://192.168.1.10:8787');
    if (!id.ok) throw new Error('setup');
    expect(await p.enrollment.enrollDevice(id.value, 'WRONG', 'pc')).toEqual({ ok: false, error: { kind: 'badEnrollment' } });
    expect(await p.store.settings()).toBeNull();
    expect(p.secrets.size).toBe(0);
  });

  it('browser: compares what the server reports, again just before sending the code', async () => {
    let reported = FP;
    const { sent, fetch } = office(() => reported);
    const p = pc({ fetch });
    const id = await p.enrollment.identifyServer('https://192.168.1.10:8787');
    expect(id).toEqual({ ok: true, value: { kind: 'reported', url: 'https://192.168.1.10:8787', fingerprint: FP } });
    if (!id.ok) return;
    reported = NEW_FP;
    expect(await p.enrollment.enrollDevice(id.value, 'CODE-1', 'pc')).toEqual({ ok: false, error: { kind: 'certificateChanged', pinned: FP, presented: NEW_FP } });
    expect(sent.some((s) => s.includes('/devices'))).toBe(false);
    reported = FP;
    expect(await p.enrollment.enrollDevice(id.value, 'CODE-1', 'pc')).toMatchObject({ ok: true, value: { certFingerprint: FP } });
  });

  it('browser: a server that reports no certificate (behind a proxy) is left to the browser, nothing pinned', async () => {
    const { fetch } = office(() => undefined);
    const p = pc({ fetch });
    const id = await p.enrollment.identifyServer('https://fapiao.office.lan');
    expect(id).toEqual({ ok: true, value: { kind: 'browser', url: 'https://fapiao.office.lan' } });
    if (!id.ok) return;
    const r = await p.enrollment.enrollDevice(id.value, 'CODE-1', 'pc');
    expect(r.ok).toBe(true);
    expect(await p.store.settings()).not.toHaveProperty('certFingerprint');
  });

  it('trusts a changed certificate only when the server presents exactly the one the admin compared', async () => {
    let serving = FP;
    const { fetch } = office();
    const { certificates, pins } = desktop(() => serving);
    const p = pc({ fetch, certificates });
    const id = await p.enrollment.identifyServer('https://192.168.1.10:8787');
    if (!id.ok) throw new Error('setup');
    await p.enrollment.enrollDevice(id.value, 'CODE-1', 'pc');
    serving = NEW_FP;
    const third = formatFingerprint('12'.repeat(32));
    expect(await p.enrollment.trustPresentedCertificate(third)).toEqual({ ok: false, error: { kind: 'certificateChanged', pinned: third, presented: NEW_FP } });
    expect(await p.enrollment.trustPresentedCertificate(NEW_FP)).toEqual({ ok: true, value: null });
    expect(await p.store.settings()).toMatchObject({ certFingerprint: NEW_FP, deviceId: 'dev-1' });
    expect(pins.at(-1)).toEqual(['https://192.168.1.10:8787', NEW_FP]);
  });

  it('a clerk cannot allow plain HTTP or enroll once users exist: refused with the role needed', async () => {
    const { fetch } = office();
    const p = pc({ fetch, actor: { login: 'li', role: 'clerk' } });
    await p.db.users.add({ id: 'u1', login: 'li' } as never);
    expect(await p.enrollment.setPlainHttpAllowed(true)).toEqual({ ok: false, error: { kind: 'notAllowed', needs: ['admin'] } });
    expect(await p.store.allowPlainHttp()).toBe(false);
    const r = await p.enrollment.enrollDevice({ kind: 'plain', url: 'http://127.0.0.1:8787' }, 'CODE-1', 'pc');
    expect(r).toEqual({ ok: false, error: { kind: 'notAllowed', needs: ['admin'] } });
    expect(await p.store.settings()).toBeNull();
  });
});
