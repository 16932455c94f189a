import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { denyAllPermissions, hardenWebContents, SECURE_WEB_PREFERENCES, secureWebPreferences } from './security';

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

describe('denyAllPermissions', () => {
  it('answers no to every request and every check', () => {
    const session = {
      setPermissionRequestHandler: vi.fn(),
      setPermissionCheckHandler: vi.fn(),
      setDevicePermissionHandler: vi.fn(),
    };
    denyAllPermissions(session as unknown as Session);

    const [request] = session.setPermissionRequestHandler.mock.calls[0] as [(c: unknown, p: string, cb: (g: boolean) => void) => void];
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'unknown']) {
      const callback = vi.fn();
      request({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
    }
    const [check] = session.setPermissionCheckHandler.mock.calls[0] as [(c: unknown, p: string, o: string) => boolean];
    expect(check(null, 'media', 'app://fapiao')).toBe(false);
    const [device] = session.setDevicePermissionHandler.mock.calls[0] as [(d: object) => boolean];
    expect(device({ deviceType: 'usb' })).toBe(false);
  });
});
