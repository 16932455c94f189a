// Backup roots the renderer may name without knowing the path behind them (issue #13: the renderer never sees a
// filesystem path it did not get from a dialog). The app's own folder in userData and a drive's backup folder are
// handed out as opaque roots ("app:local-backups", "drive:<n>") and turned back into paths here; a folder the clerk
// picked in the dialog keeps its path (the clerk chose it and sees it on screen).
import path from 'node:path';
import { LOCAL_BACKUP_ROOT, type BackupDrive } from '../../shared/ipc';

/** Opaque roots for backup folders the renderer did not pick. */
export interface RootHandles {
  /** The drive as the renderer sees it: a display name for the mount and an opaque root for its backup folder. */
  readonly handOutDrive: (drive: BackupDrive) => BackupDrive;
  /** The path behind an opaque root; any other root (a dialog's pick) unchanged. */
  readonly resolve: (root: string) => string;
}

/** How the clerk recognises a drive: "E:\" on Windows, the mount folder's name ("KINGSTON") elsewhere. */
export function driveDisplayName(mount: string): string {
  if (/^[A-Za-z]:[\\/]?$/.test(mount)) return mount;
  return path.posix.basename(mount.replace(/\/+$/, '')) || mount;
}

/** Roots over `localFolder` (userData/backups) and the drives listed so far (same drive, same root). */
export function createRootHandles(localFolder: string): RootHandles {
  const byHandle = new Map<string, string>([[LOCAL_BACKUP_ROOT, localFolder]]);
  const byPath = new Map<string, string>();
  return {
    handOutDrive(drive) {
      let handle = byPath.get(drive.backupPath);
      if (handle === undefined) {
        handle = `drive:${String(byPath.size + 1)}`;
        byPath.set(drive.backupPath, handle);
        byHandle.set(handle, drive.backupPath);
      }
      return { ...drive, mount: driveDisplayName(drive.mount), backupPath: handle };
    },
    resolve: (root) => byHandle.get(root) ?? root,
  };
}
