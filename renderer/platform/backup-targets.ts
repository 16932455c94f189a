/*
 * Where backups can go on this host. Desktop: removable drives listed by main, any folder picked in the OS dialog,
 * and the app's folder in userData. Browser: a folder picked with showDirectoryPicker, and the Origin Private File
 * System as the app's own folder. Each target is a RepoStore, so the backup format does not know which it is.
 */
import type { RepoStore } from '../../shared/backup/repo-store';
import type { DesktopApi, DesktopWindow } from '../../shared/ipc';
import { desktopStore } from './desktop-store';
import { directoryStore, type DirHandleLike } from './fs-access-store';

/** A place to back up to, with a label the clerk recognises. */
export interface BackupTarget {
  readonly kind: 'drive' | 'folder' | 'local';
  /** Drive label or folder name/path; '' for the app's own folder (the UI names it). */
  readonly label: string;
  readonly store: RepoStore;
  readonly freeBytes: number | null;
}

/** The backup targets of the running host. */
export interface BackupPlatform {
  readonly host: 'desktop' | 'browser';
  /** Removable drives plugged in now ([] in a browser, which cannot list them). */
  listDrives(): Promise<BackupTarget[]>;
  /** Whether a folder can be picked here. */
  readonly canPickFolder: boolean;
  /** Lets the clerk pick a folder; null when cancelled. */
  pickFolder(): Promise<BackupTarget | null>;
  /** The app's own folder for automatic backups; null when this browser has none. */
  localTarget(): Promise<BackupTarget | null>;
}

type PickerWindow = Window & { showDirectoryPicker?: (options: { id?: string; mode?: 'read' | 'readwrite' }) => Promise<DirHandleLike> };

function desktopPlatform(api: DesktopApi): BackupPlatform {
  return {
    host: 'desktop',
    canPickFolder: true,
    async listDrives() {
      const r = await api.listBackupDrives();
      if (!r.ok) return [];
      return r.value.drives.map((d) => ({ kind: 'drive', label: d.label === '' ? d.mount : `${d.label} (${d.mount})`, store: desktopStore(api, d.backupPath), freeBytes: d.freeBytes }));
    },
    async pickFolder() {
      const r = await api.chooseBackupFolder();
      return r.ok ? { kind: 'folder', label: r.value.path, store: desktopStore(api, r.value.path), freeBytes: null } : null;
    },
    async localTarget() {
      const r = await api.localBackupFolder();
      return r.ok ? { kind: 'local', label: '', store: desktopStore(api, r.value.path), freeBytes: null } : null;
    },
  };
}

function browserPlatform(win: PickerWindow): BackupPlatform {
  return {
    host: 'browser',
    canPickFolder: typeof win.showDirectoryPicker === 'function',
    listDrives: () => Promise.resolve([]),
    async pickFolder() {
      if (!win.showDirectoryPicker) return null;
      try {
        const dir = await win.showDirectoryPicker({ id: 'fapiao-backup', mode: 'readwrite' });
        return { kind: 'folder', label: dir.name, store: directoryStore(dir), freeBytes: null };
      } catch (error) {
        if ((error as { name?: unknown } | null)?.name === 'AbortError') return null;
        throw error;
      }
    },
    async localTarget() {
      const storage = win.navigator.storage as StorageManager | undefined;
      if (typeof storage?.getDirectory !== 'function') return null;
      const opfs = (await storage.getDirectory()) as unknown as DirHandleLike;
      return { kind: 'local', label: '', store: directoryStore(await opfs.getDirectoryHandle('backups', { create: true })), freeBytes: null };
    },
  };
}

/** The backup targets of this host. */
export function backupPlatform(win: Window = window): BackupPlatform {
  const api = (win as Window & DesktopWindow).desktop;
  return api ? desktopPlatform(api) : browserPlatform(win);
}
