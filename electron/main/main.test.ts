// main.ts is wiring only; this checks the wiring order with every Electron module faked.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS } from '../../shared/ipc';

interface Fakes {
  calls: string[];
  hasLock: boolean;
  ready: () => void;
  windows: { options: unknown; url?: string }[];
  appListeners: Map<string, (...args: unknown[]) => void>;
  handledChannels: string[];
  listeners: Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>;
  dialogCalls: unknown[][];
}

const fakes = vi.hoisted((): Fakes => ({
  calls: [], hasLock: true, ready: () => undefined, windows: [], appListeners: new Map(), handledChannels: [],
  listeners: new Map(), dialogCalls: [],
}));

vi.mock('electron', () => {
  const session = {
    protocol: { handle: (scheme: string) => fakes.calls.push(`protocol.handle:${scheme}`) },
    setPermissionRequestHandler: () => fakes.calls.push('setPermissionRequestHandler'),
    setPermissionCheckHandler: () => fakes.calls.push('setPermissionCheckHandler'),
    setDevicePermissionHandler: () => fakes.calls.push('setDevicePermissionHandler'),
    webRequest: { onBeforeRequest: () => fakes.calls.push('webRequest.onBeforeRequest') },
    setCertificateVerifyProc: () => fakes.calls.push('setCertificateVerifyProc'),
    closeAllConnections: () => Promise.resolve(),
  };
  class BrowserWindow {
    static getAllWindows = () => [];
    static fromWebContents = () => null;
    readonly webContents = {};
    constructor(options: unknown) {
      fakes.windows.push({ options });
      fakes.calls.push('new BrowserWindow');
    }
    once() { return this; }
    loadURL(url: string) {
      const last = fakes.windows.at(-1);
      if (last) last.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      name: 'Fapiao Desk',
      isPackaged: false,
      getAppPath: () => '/opt/fapiao',
      getPath: (name: string) => `/paths/${name}`,
      getVersion: () => '0.1.0',
      enableSandbox: () => fakes.calls.push('enableSandbox'),
      requestSingleInstanceLock: () => { fakes.calls.push('requestSingleInstanceLock'); return fakes.hasLock; },
      quit: () => fakes.calls.push('quit'),
      on: (event: string, listener: (...args: unknown[]) => void) => { fakes.appListeners.set(event, listener); },
      whenReady: () => new Promise<void>((resolve) => { fakes.ready = resolve; }),
    },
    protocol: { registerSchemesAsPrivileged: () => fakes.calls.push('registerSchemesAsPrivileged') },
    session: { defaultSession: session },
    ipcMain: {
      handle: (channel: string, listener: (event: unknown, ...args: unknown[]) => Promise<unknown>) => {
        fakes.handledChannels.push(channel);
        fakes.listeners.set(channel, listener);
      },
    },
    Menu: { buildFromTemplate: () => ({}), setApplicationMenu: () => fakes.calls.push('setApplicationMenu') },
    BrowserWindow,
    dialog: {
      showOpenDialog: (...args: unknown[]) => {
        fakes.dialogCalls.push(args);
        return Promise.resolve({ canceled: true, filePaths: [] });
      },
    },
    shell: { openExternal: () => Promise.resolve() },
  };
});

beforeEach(() => {
  vi.resetModules();
  Object.assign(fakes, { calls: [], hasLock: true, windows: [], appListeners: new Map(), handledChannels: [], listeners: new Map(), dialogCalls: [] });
});
afterEach(() => {
  vi.restoreAllMocks();
});

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('main.ts', () => {
  it('registers the scheme and the sandbox before ready, then wires everything and opens one window', async () => {
    await import('./main');
    expect(fakes.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock']);
    expect([...fakes.appListeners.keys()].sort()).toEqual(['second-instance', 'web-contents-created', 'window-all-closed']);

    fakes.ready();
    await settle();
    expect(fakes.calls.slice(3)).toEqual([
      'setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler', 'webRequest.onBeforeRequest',
      'protocol.handle:app', 'setCertificateVerifyProc', 'setApplicationMenu', 'new BrowserWindow',
    ]);
    expect(fakes.handledChannels.sort()).toEqual(Object.values(IPC_CHANNELS).sort());
    expect(fakes.windows).toHaveLength(1);
    expect(fakes.windows[0]).toMatchObject({
      url: 'app://fapiao/index.html',
      options: { show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, preload: '/opt/fapiao/dist-electron/preload.cjs' } },
    });
    expect(fakes.appListeners.has('activate')).toBe(true);
  });

  it('quits at once when another instance holds the lock', async () => {
    fakes.hasLock = false;
    await import('./main');
    expect(fakes.calls).toEqual(['registerSchemesAsPrivileged', 'enableSandbox', 'requestSingleInstanceLock', 'quit']);
    expect(fakes.appListeners.size).toBe(0);
  });

  it('wires chooseScanFolder to a folder dialog and starts with no folder watched', async () => {
    await import('./main');
    fakes.ready();
    await settle();
    const trusted = { sender: {}, senderFrame: { url: 'app://fapiao/index.html', origin: 'app://fapiao', parent: null } };
    const choose = fakes.listeners.get(IPC_CHANNELS.chooseScanFolder)!;
    await expect(choose(trusted)).resolves.toMatchObject({ ok: false, error: { kind: 'cancelled' } });
    expect(fakes.dialogCalls).toEqual([[{ properties: ['openDirectory', 'createDirectory'] }]]);
    const poll = fakes.listeners.get(IPC_CHANNELS.pollScanFolder)!;
    await expect(poll(trusted)).resolves.toEqual({ ok: true, value: { files: [], status: { watching: false, path: null, tooLarge: [] } } });
  });
});
