// Electron security checklist in one place: web preferences, navigation, new windows, permissions.
import type { Session, WebContents, WebPreferences } from 'electron';
import { isAllowedExternalUrl, isAppUrl } from './origin-policy';

/** Locked-down preferences of every window; the preload is the only bridge to main. */
export const SECURE_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  experimentalFeatures: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const satisfies WebPreferences;

/** The web preferences of a window whose preload is at `preloadPath`. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return { ...SECURE_WEB_PREFERENCES, preload: preloadPath };
}

/** Opens a URL in the OS browser; injected so tests can watch it. */
export type OpenExternal = (url: string) => Promise<void>;

/**
 * Applied to every WebContents the app creates: navigation may not leave app://fapiao, no <webview>,
 * window.open never opens an Electron window (allowlisted https links go to the OS browser instead).
 */
export function hardenWebContents(contents: WebContents, openExternal: OpenExternal): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternalUrl(url)) {
      openExternal(url).catch((error: unknown) => {
        console.error('openExternal failed', error);
      });
    }
    return { action: 'deny' };
  });
}

/**
 * Browser permissions app://fapiao gets; every other permission, and every other origin, is denied.
 * persistent-storage lets navigator.storage.persist() succeed, so Chromium never evicts the ledger's IndexedDB
 * when the disk runs low (docs/architecture.md#data). It grants no access to anything outside the app's own storage.
 */
export const GRANTED_PERMISSIONS: readonly string[] = ['persistent-storage'];

/** True when `permission` is on GRANTED_PERMISSIONS and asked for by app://fapiao itself. */
export function isPermissionGranted(permission: string, requestingUrl: string): boolean {
  return GRANTED_PERMISSIONS.includes(permission) && isAppUrl(requestingUrl);
}

/** Camera, microphone, notifications, geolocation, USB/HID/serial, clipboard reads, ...: all denied. */
export function restrictPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionGranted(permission, requestingOrigin));
  session.setDevicePermissionHandler(() => false);
}
