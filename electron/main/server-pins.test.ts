import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { connect, createServer, type Server } from 'node:tls';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createServerPins, enforcePins, probeCertificate, VERIFY, type PinSession, type ServerPins, type TlsConnect } from './server-pins';

// Self-signed certificates made with the openssl command line (the same kind the office server makes on first start).
function selfSigned(dir: string, name: string): { key: string; cert: string; fingerprint: string; chromium: string } {
  const keyFile = path.join(dir, `${name}.key`);
  const certFile = path.join(dir, `${name}.crt`);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-days', '30',
    '-subj', `/CN=${name}`, '-keyout', keyFile, '-out', certFile], { stdio: 'ignore' });
  const cert = readFileSync(certFile, 'utf8');
  const x509 = new X509Certificate(cert);
  return {
    key: readFileSync(keyFile, 'utf8'), cert, fingerprint: x509.fingerprint256,
    chromium: `sha256/${createHash('sha256').update(x509.raw).digest('base64')}`,
  };
}

let dir = '';
const servers: (Server | HttpServer | TcpServer)[] = [];
beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'fapiao-pins-')); });
afterEach(async () => {
  for (const s of servers.splice(0)) await new Promise((r) => { s.close(r); if ('closeAllConnections' in s) s.closeAllConnections(); });
  await rm(dir, { recursive: true, force: true });
});

async function listen(server: Server | HttpServer | TcpServer): Promise<number> {
  servers.push(server);
  await new Promise<void>((r) => { server.listen(0, '127.0.0.1', r); });
  return (server.address() as AddressInfo).port;
}

function pinsIn(userDataDir: string, onChange?: () => void): ServerPins {
  return createServerPins({ userDataDir, connect: (options, onSecure) => connect(options, onSecure), timeoutMs: 3000, ...(onChange ? { onChange } : {}) });
}

const verdict = (pins: ServerPins, hostname: string, fingerprint: string) => {
  let code = 1;
  pins.verifyProc({ hostname, certificate: { fingerprint } }, (c) => { code = c; });
  return code;
};

describe('server certificate pins', () => {
  it('probe a self-signed server without trusting it and answer what the admin compares', async () => {
    const office = selfSigned(dir, 'fapiao-office');
    const port = await listen(createServer({ key: office.key, cert: office.cert }, (s) => s.end()));
    const r = await probeCertificate(`https://127.0.0.1:${String(port)}/`, (o, cb) => connect(o, cb));
    expect(r).toEqual({
      ok: true,
      value: expect.objectContaining({ origin: `https://127.0.0.1:${String(port)}`, fingerprint: office.fingerprint, subject: 'fapiao-office', issuer: 'fapiao-office' }) as unknown,
    });
    if (r.ok) expect(Date.parse(r.value.validTo) - Date.parse(r.value.validFrom)).toBeGreaterThan(29 * 86_400_000);
  });

  it('say why a probe found nothing: not https, nobody listening, plain HTTP, no answer', async () => {
    const tcp: TlsConnect = (o, cb) => connect(o, cb);
    expect(await probeCertificate('http://127.0.0.1:1', tcp)).toMatchObject({ ok: false, error: { kind: 'notHttps' } });
    expect(await probeCertificate('nonsense', tcp)).toMatchObject({ ok: false, error: { kind: 'badUrl' } });
    const closed = await listen(createHttpServer());
    await new Promise((r) => { servers.pop()?.close(r); });
    expect(await probeCertificate(`https://127.0.0.1:${String(closed)}`, tcp)).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    const plain = await listen(createHttpServer((_q, res) => res.end('hi')));
    expect(await probeCertificate(`https://127.0.0.1:${String(plain)}`, tcp)).toMatchObject({ ok: false, error: { kind: 'noCertificate' } });
    // Accepts the connection and never answers the TLS hello.
    const mute = await listen(createTcpServer((socket) => { socket.on('error', () => undefined); socket.on('close', () => undefined); setTimeout(() => socket.destroy(), 600); }));
    expect(await probeCertificate(`https://127.0.0.1:${String(mute)}`, tcp, 300)).toMatchObject({ ok: false, error: { kind: 'timeout' } });
  });

  it('pin only a certificate a probe saw, keep it across restarts, and decide by it', async () => {
    const office = selfSigned(dir, 'office');
    const other = selfSigned(dir, 'other');
    const port = await listen(createServer({ key: office.key, cert: office.cert }, (s) => s.end()));
    const origin = `https://127.0.0.1:${String(port)}`;
    let changes = 0;
    const pins = pinsIn(dir, () => { changes++; });
    expect(verdict(pins, '127.0.0.1', office.chromium)).toBe(VERIFY.chromium);
    expect(await pins.pin({ origin, fingerprint: office.fingerprint })).toMatchObject({ ok: false, error: { kind: 'notProbed' } });
    await pins.probe({ url: origin });
    expect(await pins.pin({ origin, fingerprint: other.fingerprint })).toMatchObject({ ok: false, error: { kind: 'notProbed' } });
    expect(await pins.pin({ origin: `http://127.0.0.1:${String(port)}`, fingerprint: office.fingerprint })).toMatchObject({ ok: false, error: { kind: 'badOrigin' } });
    expect(await pins.pin({ origin, fingerprint: office.fingerprint })).toEqual({ ok: true, value: {} });
    expect(changes).toBe(1);

    // Electron hands the verify proc Chromium's sha256/base64 form.
    expect(verdict(pins, '127.0.0.1', office.chromium)).toBe(VERIFY.accept);
    expect(verdict(pins, '127.0.0.1', other.chromium)).toBe(VERIFY.refuse);
    expect(verdict(pins, 'example.com', other.chromium)).toBe(VERIFY.chromium);

    const restarted = pinsIn(dir);
    expect(verdict(restarted, '127.0.0.1', office.chromium)).toBe(VERIFY.accept);
    expect(verdict(restarted, '127.0.0.1', other.chromium)).toBe(VERIFY.refuse);
    expect(JSON.parse(await readFile(path.join(dir, 'server-pins.json'), 'utf8'))).toEqual({ version: 1, pins: [{ origin, fingerprint: office.fingerprint }] });
  });

  it('a damaged pins file trusts nothing self-signed (Chromium decides, and refuses it)', async () => {
    await writeFile(path.join(dir, 'server-pins.json'), '{"version":1,"pins":[{"origin":');
    const pins = pinsIn(dir);
    expect(verdict(pins, '127.0.0.1', 'sha256/AAAA')).toBe(VERIFY.chromium);
  });
});

describe('enforcePins', () => {
  it('installs the verify proc at once and again (closing connections) after each new pin', async () => {
    const office = selfSigned(dir, 'office');
    const port = await listen(createServer({ key: office.key, cert: office.cert }, (s) => s.end()));
    const origin = `https://127.0.0.1:${String(port)}`;
    const procs: Parameters<PinSession['setCertificateVerifyProc']>[0][] = [];
    let closed = 0;
    const ses: PinSession = { setCertificateVerifyProc: (proc) => { procs.push(proc); }, closeAllConnections: () => { closed++; return Promise.resolve(); } };
    const pins = enforcePins(ses, { userDataDir: dir, connect: (o, cb) => connect(o, cb) });
    expect(procs).toHaveLength(1);
    const ask = (fingerprint: string) => {
      let code = 1;
      procs.at(-1)?.({ hostname: '127.0.0.1', certificate: { fingerprint } }, (c) => { code = c; });
      return code;
    };
    expect(ask(office.chromium)).toBe(VERIFY.chromium);
    await pins.probe({ url: origin });
    await pins.pin({ origin, fingerprint: office.fingerprint });
    expect(procs).toHaveLength(2);
    expect(closed).toBe(1);
    expect(ask(office.chromium)).toBe(VERIFY.accept);
  });
});
