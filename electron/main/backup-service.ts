// Backup folders for the DesktopApi (issue #5): main hands out folders (a listed drive's backup folder, a folder the
// clerk picked, the app's own folder in userData) and performs RepoStore operations only inside those, so a
// compromised renderer cannot read or write elsewhere (docs/architecture.md#trust-and-parsing-at-boundaries).
import path from 'node:path';
import type { WebContents } from 'electron';
import { err, ok, type Result } from '../../shared/domain/result';
import type {
  BackupDone, BackupDrive, BackupDrives, BackupFileArgs, BackupFolder, BackupListArgs, BackupListResult,
  BackupReadResult, BackupSizeResult, BackupStoreError, BackupWriteArgs, ChooseBackupFolderError,
} from '../../shared/ipc';
import { backupFs, OutsideRootError } from './backup-fs';

/** Where automatic local backups go, inside userData. */
export const LOCAL_BACKUP_FOLDER = 'backups';

/** What the service needs from Electron and the OS. */
export interface BackupServiceDeps {
  readonly userDataDir: string;
  readonly showFolderDialog: (owner: WebContents) => Promise<{ canceled: boolean; filePaths: readonly string[] }>;
  readonly listDrives: () => Promise<BackupDrive[]>;
}

/** The backup methods of DesktopApi. */
export interface BackupService {
  readonly listDrives: () => Promise<BackupDrives>;
  readonly choose: (owner: WebContents) => Promise<Result<BackupFolder, ChooseBackupFolderError>>;
  readonly localFolder: () => BackupFolder;
  readonly read: (args: BackupFileArgs) => Promise<Result<BackupReadResult, BackupStoreError>>;
  readonly write: (args: BackupWriteArgs) => Promise<Result<BackupDone, BackupStoreError>>;
  readonly list: (args: BackupListArgs) => Promise<Result<BackupListResult, BackupStoreError>>;
  readonly size: (args: BackupFileArgs) => Promise<Result<BackupSizeResult, BackupStoreError>>;
  readonly remove: (args: BackupFileArgs) => Promise<Result<BackupDone, BackupStoreError>>;
}

function storeError(error: unknown): BackupStoreError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof OutsideRootError) return { kind: 'not-allowed', message };
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return { kind: 'no-space', message };
  // The stick was pulled out: its folder (or the device behind it) is gone.
  if (code === 'ENOENT' || code === 'ENODEV' || code === 'ENXIO' || code === 'EIO') return { kind: 'gone', message };
  return { kind: 'io', message };
}

/** Creates the service; only folders it handed out are accepted. */
export function createBackupService(deps: BackupServiceDeps): BackupService {
  const local = path.join(deps.userDataDir, LOCAL_BACKUP_FOLDER);
  const accepted = new Set<string>([local]);

  async function withRoot<T>(root: string, op: (fs: ReturnType<typeof backupFs>) => Promise<T>): Promise<Result<T, BackupStoreError>> {
    if (!accepted.has(root)) return err({ kind: 'not-allowed', message: 'not a folder chosen for backups' });
    try {
      return ok(await op(backupFs(root)));
    } catch (error) {
      return err(storeError(error));
    }
  }

  return {
    async listDrives() {
      const drives = await deps.listDrives();
      for (const d of drives) accepted.add(d.backupPath);
      return { drives };
    },
    async choose(owner) {
      const choice = await deps.showFolderDialog(owner);
      const picked = choice.filePaths[0];
      if (choice.canceled || picked === undefined) return err({ kind: 'cancelled', message: 'folder dialog closed' });
      accepted.add(picked);
      return ok({ path: picked });
    },
    localFolder: () => ({ path: local }),
    read: ({ root, path: rel }) => withRoot(root, async (fs) => ({ data: await fs.read(rel) })),
    write: ({ root, path: rel, data }) => withRoot(root, async (fs) => { await fs.writeAtomic(rel, data); return {}; }),
    list: ({ root, dir }) => withRoot(root, async (fs) => ({ names: await fs.list(dir) })),
    size: ({ root, path: rel }) => withRoot(root, async (fs) => ({ size: await fs.size(rel) })),
    remove: ({ root, path: rel }) => withRoot(root, async (fs) => { await fs.remove(rel); return {}; }),
  };
}
