// The main-process side of DesktopApi. OS dialogs and app facts are injected, so tests run it without Electron.
import path from 'node:path';
import type { WebContents } from 'electron';
import { err, ok } from '../../shared/domain/result';
import type { AppInfo, DesktopMethod, FileFilter, OpenedFiles } from '../../shared/ipc';
import { FileTooLargeError, readFileWithLimit, writeFileAtomic } from './file-io';
import type { IpcImpl } from './ipc-handle';
import type { ScanFolderService } from './scan-folder-service';
import type { BackupService } from './backup-service';
import type { LocalSecrets } from './local-secrets';

/** The largest file openFiles returns; bigger ones would stall IPC (the bytes are copied between processes). */
export const MAX_OPEN_FILE_BYTES = 256 * 1024 * 1024;

/** What the implementation needs from Electron; `owner` is the calling page, used to parent the dialog. */
export interface DesktopApiDeps {
  readonly appInfo: () => AppInfo;
  /** The folder a save dialog starts in (the user's Documents). */
  readonly defaultSaveDir: () => string;
  readonly showSaveDialog: (
    owner: WebContents,
    options: { defaultPath: string; filters?: FileFilter[] },
  ) => Promise<{ canceled: boolean; filePath?: string }>;
  readonly showOpenDialog: (
    owner: WebContents,
    options: { multiple: boolean; filters?: FileFilter[] },
  ) => Promise<{ canceled: boolean; filePaths: readonly string[] }>;
  readonly maxOpenFileBytes?: number;
  /** The watched scanner folder (scan-folder-service.ts). */
  readonly scanFolder: ScanFolderService;
  /** Backup folders and the RepoStore operations on them (backup-service.ts). */
  readonly backup: BackupService;
  /** Secrets kept for this PC, encrypted by the OS (local-secrets.ts). */
  readonly secrets: LocalSecrets;
}

/** Every DesktopApi method's implementation, to register with handle(). */
export type DesktopApiImpl = { readonly [M in DesktopMethod]: IpcImpl<M> };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds the implementations over `deps`; expected failures (cancel, I/O) are returned as values. */
export function createDesktopApiImpl(deps: DesktopApiDeps): DesktopApiImpl {
  const limit = deps.maxOpenFileBytes ?? MAX_OPEN_FILE_BYTES;
  return {
    getAppInfo: () => Promise.resolve(ok(deps.appInfo())),

    saveFile: async ({ suggestedName, data, filters }, event) => {
      const choice = await deps.showSaveDialog(event.sender, {
        defaultPath: path.join(deps.defaultSaveDir(), suggestedName),
        ...(filters ? { filters } : {}),
      });
      if (choice.canceled || !choice.filePath) return err({ kind: 'cancelled', message: 'save dialog closed' });
      try {
        await writeFileAtomic(choice.filePath, data);
      } catch (error) {
        return err({ kind: 'io', message: messageOf(error) });
      }
      return ok({ path: choice.filePath });
    },

    openFiles: async ({ multiple, filters }, event) => {
      const choice = await deps.showOpenDialog(event.sender, { multiple, ...(filters ? { filters } : {}) });
      if (choice.canceled || choice.filePaths.length === 0) {
        return err({ kind: 'cancelled', message: 'open dialog closed' });
      }
      const files: OpenedFiles['files'] = [];
      for (const file of choice.filePaths) {
        try {
          files.push({ name: path.basename(file), data: await readFileWithLimit(file, limit) });
        } catch (error) {
          return err({ kind: error instanceof FileTooLargeError ? 'too-large' : 'io', message: messageOf(error) });
        }
      }
      return ok({ files });
    },

    chooseScanFolder: (_args, event) => deps.scanFolder.choose(event.sender),
    startScanFolder: (args) => deps.scanFolder.start(args),
    stopScanFolder: async () => ok(await deps.scanFolder.stop()),
    pollScanFolder: async () => ok(await deps.scanFolder.poll()),
    ackScanFile: (args) => deps.scanFolder.ack(args),

    listBackupDrives: async () => ok(await deps.backup.listDrives()),
    chooseBackupFolder: (_args, event) => deps.backup.choose(event.sender),
    localBackupFolder: () => Promise.resolve(ok(deps.backup.localFolder())),
    backupRead: (args) => deps.backup.read(args),
    backupWrite: (args) => deps.backup.write(args),
    backupList: (args) => deps.backup.list(args),
    backupSize: (args) => deps.backup.size(args),
    backupRemove: (args) => deps.backup.remove(args),
    getLocalSecret: ({ name }) => deps.secrets.get(name),
    setLocalSecret: ({ name, value }) => deps.secrets.set(name, value),
  };
}
