/**
 * The only module that touches window.desktop (the Electron bridge). Everything else asks this module,
 * which falls back to browser behaviour when the app runs in plain Chromium.
 */
import type { DesktopApi, DesktopWindow } from '../../shared/ipc';

function desktop(): DesktopApi | undefined {
  return (window as Window & DesktopWindow).desktop;
}

/** Where the app runs and which version it is. */
export interface HostInfo {
  readonly host: 'desktop' | 'browser';
  readonly version: string;
}

/** Asks the desktop shell for its version; in a browser, reports the build's own version. */
export async function hostInfo(): Promise<HostInfo> {
  const api = desktop();
  if (!api) return { host: 'browser', version: import.meta.env.VITE_APP_VERSION ?? '' };
  const r = await api.getAppInfo();
  return { host: 'desktop', version: r.ok ? r.value.version : '' };
}
