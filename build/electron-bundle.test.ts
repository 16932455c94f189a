// Runs scripts/build-electron.mjs and then the bundles themselves: main.cjs under plain Node with a recording
// stand-in for `electron`, preload.cjs in a context whose `require` knows only `electron`, as in a sandbox.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAIN_BUNDLE, PRELOAD_BUNDLE } from '../electron/main/app-paths';
import { IPC_CHANNELS } from '../shared/ipc';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let out: string;

beforeAll(async () => {
  out = await mkdtemp(path.join(tmpdir(), 'fapiao-bundle-'));
  execFileSync(process.execPath, [path.join(root, 'scripts', 'build-electron.mjs'), '--out-dir', out], { cwd: root });
}, 60_000);

afterAll(async () => {
  await rm(out, { recursive: true, force: true });
});

// A CommonJS stand-in for `electron`, installed with `node --require`; it records calls and prints them on exit.
const FAKE_ELECTRON = String.raw`
const Module = require('node:module');
const calls = [];
const record = (name) => (...args) => { calls.push([name, ...args.filter((a) => typeof a !== 'function')]); };
class BrowserWindow {
  static getAllWindows() { return []; }
  static fromWebContents() { return null; }
  constructor(options) { record('new BrowserWindow')(options); this.webContents = {}; }
  once() { return this; }
  loadURL(url) { record('loadURL')(url); return Promise.resolve(); }
}
const session = {
  protocol: { handle: record('protocol.handle') },
  setPermissionRequestHandler: record('setPermissionRequestHandler'),
  setPermissionCheckHandler: record('setPermissionCheckHandler'),
  setDevicePermissionHandler: record('setDevicePermissionHandler'),
  webRequest: { onBeforeRequest: record('webRequest.onBeforeRequest') },
  setCertificateVerifyProc: record('setCertificateVerifyProc'),
  closeAllConnections: () => Promise.resolve(),
};
const electron = {
  app: {
    name: 'Fapiao Desk', isPackaged: true,
    getAppPath: () => '/opt/fapiao/resources/app.asar', getPath: (n) => '/paths/' + n, getVersion: () => '0.1.0',
    enableSandbox: record('enableSandbox'), quit: record('quit'), on: record('app.on'),
    requestSingleInstanceLock: () => { record('requestSingleInstanceLock')(); return true; },
    whenReady: () => Promise.resolve(),
  },
  protocol: { registerSchemesAsPrivileged: record('registerSchemesAsPrivileged') },
  session: { defaultSession: session },
  ipcMain: { handle: record('ipcMain.handle') },
  Menu: { buildFromTemplate: (t) => t, setApplicationMenu: record('setApplicationMenu') },
  BrowserWindow, dialog: {}, shell: { openExternal: () => Promise.resolve() },
};
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'electron' ? electron : load.call(this, request, ...rest); };
process.on('exit', () => { process.stdout.write(JSON.stringify(calls)); });
`;

describe('scripts/build-electron.mjs', () => {
  it('writes the two bundles package.json and main.ts expect', () => {
    expect(path.posix.join('dist-electron', 'main.cjs')).toBe(MAIN_BUNDLE);
    expect(path.posix.join('dist-electron', 'preload.cjs')).toBe(PRELOAD_BUNDLE);
    expect(existsSync(path.join(out, 'main.cjs'))).toBe(true);
    expect(existsSync(path.join(out, 'preload.cjs'))).toBe(true);
  });

  it('makes a preload that requires nothing but electron', async () => {
    const code = await readFile(path.join(out, 'preload.cjs'), 'utf8');
    const required = new Set([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]));
    expect([...required]).toEqual(['electron']);
  });

  it('makes a preload that exposes window.desktop inside a sandbox-like context', async () => {
    const code = await readFile(path.join(out, 'preload.cjs'), 'utf8');
    const exposed: Record<string, unknown> = {};
    const invoked: unknown[][] = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (key: string, api: unknown) => { exposed[key] = api; } },
      ipcRenderer: { invoke: (...args: unknown[]) => { invoked.push(args); return Promise.resolve(null); } },
    };
    const sandboxRequire = (name: string) => {
      if (name === 'electron') return electron;
      throw new Error(`module not available in the sandbox: ${name}`);
    };
    const module = { exports: {} };
    vm.runInNewContext(code, { require: sandboxRequire, module, exports: module.exports });
    const api = exposed.desktop as Record<string, (arg?: unknown) => Promise<unknown>>;
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
    await api.openFiles?.({ multiple: false });
    expect(invoked).toEqual([[IPC_CHANNELS.openFiles, { multiple: false }]]);
  });

  it('makes a main bundle that starts under Node and wires the app', async () => {
    const fake = path.join(out, 'fake-electron.cjs');
    await writeFile(fake, FAKE_ELECTRON);
    const stdout = execFileSync(process.execPath, ['--require', fake, path.join(out, 'main.cjs')], { encoding: 'utf8' });
    const calls = JSON.parse(stdout) as [string, ...unknown[]][];
    const names = calls.map(([name]) => name);
    expect(names.slice(0, 3)).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    expect(calls[0]).toEqual(['registerSchemesAsPrivileged', [
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]]);
    const channels = calls.filter(([name]) => name === 'ipcMain.handle').map(([, channel]) => channel);
    expect(channels.sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(calls).toContainEqual(['protocol.handle', 'app']);
    expect(names).toContain('webRequest.onBeforeRequest');
    expect(names).toContain('setCertificateVerifyProc');
    expect(calls).toContainEqual(['loadURL', 'app://fapiao/index.html']);
    const window = calls.find(([name]) => name === 'new BrowserWindow');
    expect(window?.[1]).toMatchObject({
      webPreferences: { sandbox: true, contextIsolation: true, preload: '/opt/fapiao/resources/app.asar/dist-electron/preload.cjs' },
    });
  });
});
