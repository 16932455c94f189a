// The main-process side of DesktopApi. OS dialogs and app facts are injected, so tests run it without Electron.
import path from 'node:path';
import type { WebContents } from 'electron';
import { err, ok, type Result } from '../../shared/domain/result';
import {
  LOCAL_BACKUP_ROOT, type AppInfo, type BackupStoreError, type DesktopMethod, type FileFilter, type OpenedFiles,
} from '../../shared/ipc';
import { FileTooLargeError, readFileWithLimit, writeFileAtomic } from './file-io';
import type { IpcImpl } from './ipc-handle';
import type { ScanFolderService } from './scan-folder-service';
import type { BackupService } from './backup-service';
import type { LocalSecrets } from './local-secrets';
import { createRootHandles } from './root-handles';
import type { ServerPins } from './server-pins';
import { createSavePdf } from './save-pdf';

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
  /** The office server's certificate: probe and pin (server-pins.ts). */
  readonly pins: Pick<ServerPins, 'probe' | 'pin'>;
}

/** Every DesktopApi method's implementation, to register with handle(). */
export type DesktopApiImpl = { readonly [M in DesktopMethod]: IpcImpl<M> };

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Builds the implementations over `deps`; expected failures (cancel, I/O) are returned as values. */
export function createDesktopApiImpl(deps: DesktopApiDeps): DesktopApiImpl {
  const limit = deps.maxOpenFileBytes ?? MAX_OPEN_FILE_BYTES;
  // The renderer names the app's backup folder and the drives' backup folders by opaque roots (root-handles.ts).
  const roots = createRootHandles(deps.backup.localFolder().path);
  /** Runs a backup operation on the folder behind `args.root`; an error message names the root, not the path. */
  const inRoot = async <A extends { root: string }, T>(args: A, op: (args: A) => Promise<Result<T, BackupStoreError>>) => {
    const folder = roots.resolve(args.root);
    const r = await op({ ...args, root: folder });
    return r.ok || folder === args.root ? r : err({ ...r.error, message: r.error.message.replaceAll(folder, args.root) });
  };
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

    listBackupDrives: async () => ok({ drives: (await deps.backup.listDrives()).drives.map(roots.handOutDrive) }),
    chooseBackupFolder: (_args, event) => deps.backup.choose(event.sender),
    localBackupFolder: () => Promise.resolve(ok({ path: LOCAL_BACKUP_ROOT })),
    backupRead: (args) => inRoot(args, deps.backup.read),
    backupWrite: (args) => inRoot(args, deps.backup.write),
    backupList: (args) => inRoot(args, deps.backup.list),
    backupSize: (args) => inRoot(args, deps.backup.size),
    backupRemove: (args) => inRoot(args, deps.backup.remove),
    getLocalSecret: ({ name }) => deps.secrets.get(name),
    setLocalSecret: ({ name, value }) => deps.secrets.set(name, value),
    probeServerCertificate: (args) => deps.pins.probe(args),
    pinServerCertificate: (args) => deps.pins.pin(args),
    savePdf: createSavePdf({ defaultSaveDir: deps.defaultSaveDir, showSaveDialog: deps.showSaveDialog, writeFile: writeFileAtomic }),
  };
}
