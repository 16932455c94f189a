import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { hardenWebContents, restrictPermissions, SECURE_WEB_PREFERENCES, secureWebPreferences } from './security';

type Listener = (event: { url?: string; preventDefault: () => void }) => void;
type OpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

function fakeWebContents() {
  const listeners = new Map<string, Listener>();
  let openHandler: OpenHandler | undefined;
  const contents = {
    on(event: string, listener: Listener) {
      listeners.set(event, listener);
      return contents;
    },
    setWindowOpenHandler(handler: OpenHandler) {
      openHandler = handler;
    },
  };
  /** Emits `event` and tells whether the listener prevented it. */
  const emit = (event: string, url?: string): boolean => {
    let prevented = false;
    const listener = listeners.get(event);
    if (!listener) throw new Error(`no listener for ${event}`);
    listener({ ...(url === undefined ? {} : { url }), preventDefault: () => { prevented = true; } });
    return prevented;
  };
  const open = (url: string) => {
    if (!openHandler) throw new Error('no window open handler');
    return openHandler({ url });
  };
  return { contents: contents as unknown as WebContents, emit, open };
}

describe('web preferences', () => {
  it('isolate and sandbox the renderer, with no Node, no webview, no spellcheck', () => {
    expect(SECURE_WEB_PREFERENCES).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    });
    expect(secureWebPreferences('/app/dist-electron/preload.cjs')).toEqual({
      ...SECURE_WEB_PREFERENCES,
      preload: '/app/dist-electron/preload.cjs',
    });
  });
});

describe('hardenWebContents', () => {
  it('lets navigation stay on app://fapiao and stops every other', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents, () => Promise.resolve());
    for (const event of ['will-navigate', 'will-frame-navigate']) {
      expect(emit(event, 'app://fapiao/index.html#/invoices')).toBe(false);
      expect(emit(event, 'https://example.com/')).toBe(true);
      expect(emit(event, 'file:///etc/passwd')).toBe(true);
      expect(emit(event, 'app://other/index.html')).toBe(true);
    }
  });

  it('refuses every <webview>', () => {
    const { contents, emit } = fakeWebContents();
    hardenWebContents(contents, () => Promise.resolve());
    expect(emit('will-attach-webview')).toBe(true);
  });

  it('denies window.open and sends only allowlisted https links to the OS browser', () => {
    const { contents, open } = fakeWebContents();
    const openExternal = vi.fn(() => Promise.resolve());
    hardenWebContents(contents, openExternal);
    expect(open('https://inv-veri.chinatax.gov.cn/')).toEqual({ action: 'deny' });
    expect(open('https://example.com/')).toEqual({ action: 'deny' });
    expect(open('app://fapiao/index.html')).toEqual({ action: 'deny' });
    expect(open('file:///C:/Windows/system32/calc.exe')).toEqual({ action: 'deny' });
    expect(openExternal.mock.calls).toEqual([['https://inv-veri.chinatax.gov.cn/']]);
  });
});

describe('restrictPermissions', () => {
  type RequestHandler = (c: unknown, p: string, cb: (g: boolean) => void, d: { requestingUrl: string; isMainFrame: boolean }) => void;
  type CheckHandler = (c: unknown, p: string, origin: string) => boolean;

  function install() {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    restrictPermissions(session as unknown as Session);
    const [request] = session.setPermissionRequestHandler.mock.calls[0] as [RequestHandler];
    const [check] = session.setPermissionCheckHandler.mock.calls[0] as [CheckHandler];
    const [device] = session.setDevicePermissionHandler.mock.calls[0] as [(d: object) => boolean];
    const ask = (permission: string, requestingUrl: string) => {
      const callback = vi.fn();
      request({}, permission, callback, { requestingUrl, isMainFrame: true });
      return callback.mock.calls[0]?.[0] as boolean;
    };
    return { ask, check, device };
  }

  it('denies every other permission request and check, even from the app', () => {
    const { ask, check, device } = install();
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'hid', 'unknown']) {
      expect(ask(permission, 'app://fapiao/index.html')).toBe(false);
      expect(check(null, permission, 'app://fapiao')).toBe(false);
    }
    expect(device({ deviceType: 'usb' })).toBe(false);
  });

  it('grants persistent storage to app://fapiao only, so the ledger is never evicted', () => {
    const { ask, check } = install();
    expect(ask('persistent-storage', 'app://fapiao/index.html')).toBe(true);
    expect(check(null, 'persistent-storage', 'app://fapiao')).toBe(true);
    expect(ask('persistent-storage', 'https://example.com/')).toBe(false);
    expect(check(null, 'persistent-storage', 'http://127.0.0.1:4173')).toBe(false);
  });
});
