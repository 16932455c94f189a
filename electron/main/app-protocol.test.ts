import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Session } from 'electron';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({ registerSchemesAsPrivileged: vi.fn() }));
vi.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: electron.registerSchemesAsPrivileged } }));

const { registerAppScheme, serveAppProtocol } = await import('./app-protocol');
const { respondToAppRequest } = await import('./app-response');

let root: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fapiao-protocol-'));
  await mkdir(path.join(root, 'assets'));
  await writeFile(path.join(root, 'index.html'), '<!doctype html><title>Fapiao Desk</title>');
  await writeFile(path.join(root, 'assets', 'index.js'), 'console.log(1)');
  await writeFile(path.join(root, 'assets', 'core.wasm'), new Uint8Array([0, 97, 115, 109]));
  await writeFile(path.join(path.dirname(root), 'outside-secret.txt'), 'secret');
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(path.join(path.dirname(root), 'outside-secret.txt'), { force: true });
});

const get = (url: string, method = 'GET') => respondToAppRequest(new Request(url, { method }), root);

describe('registerAppScheme', () => {
  it('registers app:// as standard, secure and fetchable', () => {
    registerAppScheme();
    expect(electron.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('respondToAppRequest', () => {
  it('serves index.html for the root with the CSP and the right type', async () => {
    const response = await get('app://fapiao/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; script-src 'self' 'wasm-unsafe-eval';/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toContain('<title>Fapiao Desk</title>');
  });

  it('lets the LAN sync server through: the header is the only policy, the page\'s stricter meta policy is dropped', async () => {
    const page = await readFile(path.join(process.cwd(), 'renderer', 'index.html'), 'utf8');
    expect(page).toMatch(/http-equiv="Content-Security-Policy"/); // the browser build keeps its own policy
    await writeFile(path.join(root, 'page.html'), page);
    const response = await get('app://fapiao/page.html');
    const served = await response.text();
    expect(served).not.toMatch(/Content-Security-Policy/i);
    expect(served).toContain('<div id="root"></div>');
    expect(served.length).toBeGreaterThan(page.length - 600);
    expect(response.headers.get('content-length')).toBe(String(new TextEncoder().encode(served).length));
    const connect = /connect-src ([^;]*)/.exec(response.headers.get('content-security-policy') ?? '')?.[1]?.split(' ');
    expect(connect).toEqual(["'self'", 'http:', 'https:']); // security-network.ts keeps requests on the LAN
  });

  it('serves scripts and wasm with types the browser will execute', async () => {
    expect((await get('app://fapiao/assets/index.js')).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const wasm = await get('app://fapiao/assets/core.wasm');
    expect(wasm.headers.get('content-type')).toBe('application/wasm');
    expect(new Uint8Array(await wasm.arrayBuffer())).toEqual(new Uint8Array([0, 97, 115, 109]));
  });

  it('makes the page and its workers cross-origin isolated (COOP + COEP on every answer, errors too), so PP-OCR gets threads', async () => {
    for (const url of ['app://fapiao/', 'app://fapiao/assets/index.js', 'app://fapiao/assets/core.wasm', 'app://fapiao/nope.js']) {
      const response = await get(url);
      expect(response.headers.get('cross-origin-opener-policy'), url).toBe('same-origin');
      expect(response.headers.get('cross-origin-embedder-policy'), url).toBe('require-corp');
    }
  });

  it('answers HEAD without a body', async () => {
    const response = await get('app://fapiao/index.html', 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('41');
    expect(await response.text()).toBe('');
  });

  it('answers 404 for missing files, directories and other hosts', async () => {
    expect((await get('app://fapiao/nope.js')).status).toBe(404);
    expect((await get('app://fapiao/assets')).status).toBe(404);
    expect((await get('app://elsewhere/index.html')).status).toBe(404);
  });

  it('never serves a file outside the root', async () => {
    const encoded = await get('app://fapiao/..%2Foutside-secret.txt');
    expect(encoded.status).toBe(400);
    const folded = await get('app://fapiao/../outside-secret.txt');
    expect(folded.status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    const response = await get('app://fapiao/index.html', 'POST');
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
  });

  it('lets an unexpected read error surface as a bug', async () => {
    const denied = Object.assign(new Error('permission denied'), { code: 'EACCES' });
    const read = () => Promise.reject(denied);
    await expect(respondToAppRequest(new Request('app://fapiao/index.html'), root, read)).rejects.toBe(denied);
  });
});

describe('serveAppProtocol', () => {
  it('installs a handler for app:// on the session that serves the root', async () => {
    const handle = vi.fn<(scheme: string, handler: (request: Request) => Promise<Response>) => void>();
    serveAppProtocol({ protocol: { handle } } as unknown as Session, root);
    expect(handle).toHaveBeenCalledOnce();
    const [scheme, handler] = handle.mock.calls[0]!;
    expect(scheme).toBe('app');
    expect((await handler(new Request('app://fapiao/index.html'))).status).toBe(200);
  });
});
