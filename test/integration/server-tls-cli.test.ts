// `npm run server` with TLS, as an admin runs it: it makes its certificate on first start, prints the fingerprint
// devices pin, prints the same one for `fingerprint` and after a restart, and refuses plain HTTP on the LAN.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const FINGERPRINT = /^TLS certificate SHA-256 fingerprint: ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})$/m;

/** Starts `node --import tsx server/main.ts`; resolves with its URL and what it printed up to the fingerprint line. */
function startServer(env: Record<string, string>): Promise<{ child: ChildProcess; url: string; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let url = '';
    child.stderr.on('data', (c: Buffer) => { out += c.toString(); });
    child.once('exit', (code) => { reject(new Error(`server exited with ${String(code)}: ${out}`)); });
    createInterface({ input: child.stdout }).on('line', (line) => {
      out += `${line}\n`;
      url = /listening on (https?:\/\/\S+)/.exec(line)?.[1] ?? url;
      if (FINGERPRINT.test(line)) resolve({ child, url, out });
    });
  });
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const gone = new Promise<void>((r) => child.once('exit', () => { r(); }));
  child.kill('SIGTERM');
  return gone;
}

function runCommand(args: readonly string[], env: Record<string, string>): { status: number | null; out: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: run.status, out: run.stdout + run.stderr };
}

function health(url: string, ca: string): Promise<{ tlsFingerprint?: string }> {
  return new Promise((resolve, reject) => {
    get(`${url}/api/v1/health`, { ca, agent: false }, (res) => {
      let text = '';
      res.on('data', (c: Buffer) => { text += c.toString(); });
      res.on('end', () => { resolve(JSON.parse(text) as { tlsFingerprint?: string }); });
    }).on('error', reject);
  });
}

describe('npm run server with TLS', () => {
  let dir: string;
  beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'fapiao-tls-cli-')); });
  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('makes a certificate on first start, prints its fingerprint, and serves it; fingerprint and a restart agree', async () => {
    const env = { FAPIAO_DATA_DIR: dir, HOST: '127.0.0.1', PORT: '0', TLS: 'on' };
    const first = await startServer(env);
    let printed: string;
    try {
      expect(first.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      expect(first.out).toContain(`Made a self-signed certificate: ${join(dir, 'tls', 'cert.pem')}`);
      printed = FINGERPRINT.exec(first.out)?.[1] ?? '';
      const cert = readFileSync(join(dir, 'tls', 'cert.pem'), 'utf8');
      expect(printed).toBe(new X509Certificate(cert).fingerprint256);
      expect((await health(first.url, cert)).tlsFingerprint).toBe(printed);
    } finally {
      await stop(first.child);
    }
    expect(runCommand(['fingerprint'], env)).toEqual({ status: 0, out: `TLS certificate SHA-256 fingerprint: ${printed}\n` });
    const second = await startServer(env);
    await stop(second.child);
    expect(second.out).not.toContain('Made a self-signed certificate');
    expect(FINGERPRINT.exec(second.out)?.[1]).toBe(printed);
  });

  it('fingerprint on a LAN HOST makes the certificate for that address before the first start', () => {
    const lanDir = join(dir, 'lan');
    const env = { FAPIAO_DATA_DIR: lanDir, HOST: '192.0.2.10' };
    const run = runCommand(['fingerprint'], env);
    expect(run.status).toBe(0);
    const cert = new X509Certificate(readFileSync(join(lanDir, 'tls', 'cert.pem'), 'utf8'));
    expect(run.out.trim()).toBe(`TLS certificate SHA-256 fingerprint: ${cert.fingerprint256}`);
    expect(cert.checkIP('192.0.2.10')).toBe('192.0.2.10');
    expect(cert.checkHost('localhost')).toBe('localhost');
    expect(runCommand(['fingerprint'], env)).toEqual(run);
    expect(runCommand(['fingerprint'], { FAPIAO_DATA_DIR: lanDir, HOST: '127.0.0.1' })).toMatchObject({ status: 1, out: expect.stringContaining('plain HTTP') as unknown });
  });

  it('refuses TLS=off on a LAN address with a message saying why and what to do', () => {
    const run = runCommand([], { FAPIAO_DATA_DIR: join(dir, 'off'), HOST: '192.0.2.10', TLS: 'off' });
    expect(run.status).toBe(1);
    expect(run.out).toMatch(/Refusing to serve plain HTTP on HOST=192\.0\.2\.10/);
    expect(run.out).toMatch(/FAPIAO_ALLOW_PLAIN_HTTP=1/);
  });
});
