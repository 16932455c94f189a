// HTTPS on the office server (issue #13): the server serves TLS itself, with certificate files or a self-signed
// certificate it makes once and keeps; health tells the fingerprint devices pin; plain HTTP only where it is safe.
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { get, type RequestOptions } from 'node:https';
import { tmpdir, type NetworkInterfaceInfo } from 'node:os';
import { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../server/app';
import { SqliteStore } from '../../server/store/sqlite-store';
import { certificateNames, ensureSelfSigned, makeSelfSigned } from '../../server/tls/self-signed';
import { resolveTls, TlsConfigError } from '../../server/tls/tls-config';
import type { TlsMaterial } from '../../server/tls/tls-material';
import { healthResponseSchema } from '../../shared/sync/protocol';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

const LOCAL = { dns: ['localhost'], ips: ['127.0.0.1'] };

/** GET /api/v1/health over HTTPS with Node's own TLS client and `tls` options (trust, pinning). */
function httpsHealth(url: string, tls: RequestOptions): Promise<{ status: number; body: unknown; peer: string }> {
  return new Promise((resolve, reject) => {
    const req = get(`${url}/api/v1/health`, { ...tls, agent: false }, (res) => {
      const peer = res.socket instanceof TLSSocket ? res.socket.getPeerCertificate().fingerprint256 : '';
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => { text += chunk; });
      res.on('end', () => { resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown, peer }); });
    });
    req.on('error', reject);
  });
}

/** Node's way of pinning: among the certificates trusted, the server must present exactly this one. */
const pinned = (fingerprint: string, trusted: readonly string[]): RequestOptions => ({
  ca: [...trusted],
  checkServerIdentity: (_host, cert) => (cert.fingerprint256 === fingerprint ? undefined : new Error(`certificate ${cert.fingerprint256} is not the pinned ${fingerprint}`)),
});

describe('the server over HTTPS', () => {
  let dir: string;
  let store: SqliteStore;
  let a: TlsMaterial;
  let b: TlsMaterial;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fapiao-tls-'));
    store = SqliteStore.open(dir);
    [a, b] = await Promise.all([makeSelfSigned(LOCAL), makeSelfSigned(LOCAL)]);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers health over HTTPS to a client that trusts or pins its certificate, with the fingerprint in the answer', async () => {
    const server = await startServer({ store, port: 0, version: 'tls', tls: a });
    try {
      const fingerprint = new X509Certificate(a.cert).fingerprint256;
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(server.tlsFingerprint).toBe(fingerprint);
      const trusted = await httpsHealth(server.url, { ca: a.cert });
      expect(trusted.status).toBe(200);
      expect(healthResponseSchema.parse(trusted.body)).toEqual({ ok: true, version: 'tls', epoch: await store.epoch(), tlsFingerprint: fingerprint });
      expect((await httpsHealth(server.url, pinned(fingerprint, [a.cert, b.cert]))).peer).toBe(fingerprint);
      // Nobody else's trust: an untrusted self-signed certificate, and a pin of another certificate, are refused.
      await expect(httpsHealth(server.url, {})).rejects.toThrow(/self[- ]signed/i);
      await expect(httpsHealth(server.url, pinned(new X509Certificate(b.cert).fingerprint256, [a.cert, b.cert]))).rejects.toThrow(/not the pinned/);
      // And no plain HTTP on the same port.
      const plain = await fetch(`${server.url.replace('https:', 'http:')}/api/v1/health`).then((r) => r.status, () => 'refused');
      expect(plain).not.toBe(200);
    } finally {
      await server.close();
    }
  });

  it('tells a changed certificate by its fingerprint', async () => {
    const first = await startServer({ store, port: 0, version: 'tls', tls: a });
    const seen = (await httpsHealth(first.url, { ca: a.cert })).body as { tlsFingerprint: string };
    await first.close();
    const second = await startServer({ store, port: 0, version: 'tls', tls: b });
    try {
      const now = (await httpsHealth(second.url, { ca: b.cert })).body as { tlsFingerprint: string };
      expect(now.tlsFingerprint).not.toBe(seen.tlsFingerprint);
      await expect(httpsHealth(second.url, pinned(seen.tlsFingerprint, [a.cert, b.cert]))).rejects.toThrow(/not the pinned/);
    } finally {
      await second.close();
    }
  });

  it('leaves the fingerprint out of health over plain HTTP', async () => {
    const server = await startServer({ store, port: 0, version: 'plain' });
    try {
      expect(server.url).toMatch(/^http:\/\//);
      expect(server.tlsFingerprint).toBeUndefined();
      expect(Object.keys(await (await fetch(`${server.url}/api/v1/health`)).json() as object).sort()).toEqual(['epoch', 'ok', 'version']);
    } finally {
      await server.close();
    }
  });
});

describe('the self-signed certificate', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'fapiao-tls-')); });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('covers the host given, localhost, 127.0.0.1, the machine name and its LAN IPv4 addresses', () => {
    const lan = {
      eth0: [
        { address: '192.168.1.20', family: 'IPv4', internal: false, netmask: '255.255.255.0', mac: '', cidr: null },
        { address: 'fe80::1', family: 'IPv6', internal: false, netmask: '', mac: '', cidr: null, scopeid: 2 },
      ],
      lo: [{ address: '127.0.0.1', family: 'IPv4', internal: true, netmask: '255.0.0.0', mac: '', cidr: null }],
    } as const;
    const interfaces = lan as unknown as NodeJS.Dict<NetworkInterfaceInfo[]>;
    expect(certificateNames('fapiao.office.lan', interfaces, 'FINANCE-PC')).toEqual({ dns: ['localhost', 'fapiao.office.lan', 'finance-pc'], ips: ['127.0.0.1', '192.168.1.20'] });
    expect(certificateNames('10.0.0.5', interfaces, 'pc')).toEqual({ dns: ['localhost', 'pc'], ips: ['127.0.0.1', '10.0.0.5', '192.168.1.20'] });
    expect(certificateNames('0.0.0.0', interfaces, 'pc').ips).toEqual(['127.0.0.1', '192.168.1.20']);
  });

  it('is made once with its key readable by the owner only, then reused; a new one has a new fingerprint', async () => {
    const tlsDir = join(dir, 'tls');
    const names = { dns: ['localhost', 'fapiao.office.lan'], ips: ['127.0.0.1', '192.168.1.20'] };
    const made = await ensureSelfSigned(tlsDir, names);
    expect(made.created).toBe(true);
    const x509 = new X509Certificate(made.material.cert);
    expect(x509.subjectAltName).toBe('DNS:localhost, DNS:fapiao.office.lan, IP Address:127.0.0.1, IP Address:192.168.1.20');
    expect(x509.checkPrivateKey(createPrivateKey(made.material.key))).toBe(true);
    expect(new Date(x509.validTo).getUTCFullYear()).toBeGreaterThanOrEqual(new Date().getUTCFullYear() + 9);
    if (process.platform !== 'win32') expect(statSync(join(tlsDir, 'key.pem')).mode & 0o777).toBe(0o600);

    const again = await ensureSelfSigned(tlsDir, { dns: ['other'], ips: [] });
    expect(again.created).toBe(false);
    expect(again.material).toEqual(made.material);

    unlinkSync(join(tlsDir, 'key.pem'));
    await expect(ensureSelfSigned(tlsDir, names)).rejects.toThrow(/key .* is missing/);
    unlinkSync(join(tlsDir, 'cert.pem'));
    const fresh = await ensureSelfSigned(tlsDir, names);
    expect(fresh.created).toBe(true);
    expect(new X509Certificate(fresh.material.cert).fingerprint256).not.toBe(x509.fingerprint256);
  });
});

describe('resolveTls', () => {
  let dir: string;
  let files: { cert: string; key: string; otherKey: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'fapiao-tls-'));
    const [own, other] = await Promise.all([makeSelfSigned(LOCAL), makeSelfSigned(LOCAL)]);
    files = { cert: join(dir, 'office.crt'), key: join(dir, 'office.key'), otherKey: join(dir, 'other.key') };
    writeFileSync(files.cert, own.cert);
    writeFileSync(files.key, own.key);
    writeFileSync(files.otherKey, other.key);
  });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('serves plain HTTP on loopback, HTTPS with a self-signed certificate elsewhere, or the files given', async () => {
    expect(await resolveTls({}, '127.0.0.1', join(dir, 'a'))).toEqual({ kind: 'http', why: 'loopback' });
    const lan = await resolveTls({}, '192.168.1.20', join(dir, 'b'));
    expect(lan).toMatchObject({ kind: 'https', source: 'created', certPath: join(dir, 'b', 'tls', 'cert.pem') });
    expect(await resolveTls({}, '192.168.1.20', join(dir, 'b'))).toMatchObject({ kind: 'https', source: 'stored', uncovered: [] });
    expect(await resolveTls({ TLS: 'on' }, 'localhost', join(dir, 'c'))).toMatchObject({ kind: 'https', source: 'created' });
    expect(await resolveTls({ TLS_CERT: files.cert, TLS_KEY: files.key }, '0.0.0.0', join(dir, 'd'))).toMatchObject({ kind: 'https', source: 'files', certPath: files.cert });
  });

  it('serves plain HTTP with TLS=off only on loopback, unless FAPIAO_ALLOW_PLAIN_HTTP=1', async () => {
    expect(await resolveTls({ TLS: 'off' }, '127.0.0.1', dir)).toEqual({ kind: 'http', why: 'off' });
    await expect(resolveTls({ TLS: 'off' }, '0.0.0.0', dir)).rejects.toThrow(/Refusing to serve plain HTTP on HOST=0\.0\.0\.0.*\n.*\n.*FAPIAO_ALLOW_PLAIN_HTTP=1/);
    expect(await resolveTls({ TLS: 'off', FAPIAO_ALLOW_PLAIN_HTTP: '1' }, '0.0.0.0', dir)).toEqual({ kind: 'http', why: 'off' });
  });

  it.each([
    [{ TLS_CERT: 'x' }, /both TLS_CERT and TLS_KEY/],
    [{ TLS: 'yes' }, /TLS must be "on", "off" or unset/],
    [{ TLS: 'off', TLS_CERT: 'a', TLS_KEY: 'b' }, /choose one/],
    [{ TLS_CERT: '/nonexistent/cert.pem', TLS_KEY: '/nonexistent/key.pem' }, /Cannot read TLS_CERT/],
  ])('refuses %j', async (env, message) => {
    await expect(resolveTls(env, '0.0.0.0', dir)).rejects.toThrow(message);
    await expect(resolveTls(env, '0.0.0.0', dir)).rejects.toBeInstanceOf(TlsConfigError);
  });

  it('refuses a key that is not the certificate\'s, and files that are not PEM', async () => {
    await expect(resolveTls({ TLS_CERT: files.cert, TLS_KEY: files.otherKey }, '0.0.0.0', dir)).rejects.toThrow(/is not the private key of the certificate/);
    await expect(resolveTls({ TLS_CERT: files.key, TLS_KEY: files.key }, '0.0.0.0', dir)).rejects.toThrow(/not a PEM certificate/);
    await expect(resolveTls({ TLS_CERT: files.cert, TLS_KEY: files.cert }, '0.0.0.0', dir)).rejects.toThrow(/not a PEM private key/);
  });
});
