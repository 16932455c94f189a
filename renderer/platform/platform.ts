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

/** A file the desktop shell found in the watched scanner folder. */
export interface ScannedFile {
  readonly id: string;
  readonly name: string;
  readonly data: Uint8Array;
  readonly sha256: string;
}

/** The watched scanner folder, or null in a plain browser (which cannot watch folders). */
export function scanFolder() {
  const api = desktop();
  if (!api) return null;
  return {
    /** Lets the clerk choose the scanner's output folder and starts watching it; returns its path, or null if cancelled. */
    async choose(): Promise<{ path: string } | { error: string } | null> {
      const chosen = await api.chooseScanFolder();
      if (!chosen.ok) return chosen.error.kind === 'cancelled' ? null : { error: chosen.error.message };
      const started = await api.startScanFolder({ path: chosen.value.path });
      return started.ok ? { path: chosen.value.path } : { error: started.error.message };
    },
    /** New ready files and the watcher's state (path null when nothing is watched). */
    async poll(): Promise<{ files: ScannedFile[]; path: string | null; error: string | null }> {
      const r = await api.pollScanFolder();
      if (!r.ok) return { files: [], path: null, error: r.error.message };
      const { files, status } = r.value;
      return { files, path: status.watching ? status.path : null, error: status.lastError?.message ?? null };
    },
    /** Moves a file aside once it was saved as an invoice ('imported') or could not be read ('failed'). */
    async ack(id: string, outcome: 'imported' | 'failed'): Promise<void> {
      await api.ackScanFile({ id, outcome });
    },
  };
}
