// The scanner folder as the DesktopApi sees it: one watched folder at a time, chosen in the OS dialog, remembered in
// userData and watched again after a restart. Only a folder the clerk picked (this session, or saved from an earlier
// one) can be started, so a compromised renderer cannot make main read or move files elsewhere (docs/architecture.md#trust-and-parsing-at-boundaries).
import { stat } from 'node:fs/promises';
import path from 'node:path';
import type { WebContents } from 'electron';
import { err, ok, type Result } from '../../shared/domain/result';
import type {
  AckedScanFile, AckScanFileArgs, AckScanFileError, ChooseScanFolderError, ChosenFolder, ScanFolderPoll, ScanFolderStatus,
  StartScanFolderArgs, StartScanFolderError,
} from '../../shared/ipc';
import { createScanFolderCore, DEFAULT_SETTLE_MS, type ScanBatchLimits, type ScanFolderCore } from './scan-folder-core';
import { errorCode, type ScanFs } from './scan-folder-files';
import {
  createJsonHashStore, IMPORTED_HASHES_FILE, loadScanFolderSetting, SCAN_FOLDER_SETTINGS_FILE, saveScanFolderSetting,
  type ImportedHashStore, type StoreLog,
} from './scan-folder-store';
import { startScanFolderWatcher, type ScanFolderWatcher, type WatchFolder } from './scan-folder-watcher';

/** What the service needs; everything after showFolderDialog is for tests. */
export interface ScanFolderServiceOptions {
  readonly userDataDir: string;
  /** The OS folder picker, parented to the calling page. */
  readonly showFolderDialog: (owner: WebContents) => Promise<{ canceled: boolean; filePaths: readonly string[] }>;
  readonly hashes?: ImportedHashStore;
  readonly fs?: ScanFs;
  readonly watch?: WatchFolder;
  readonly now?: () => number;
  readonly pollMs?: number;
  readonly settleMs?: number;
  readonly limits?: Partial<ScanBatchLimits>;
  readonly log?: StoreLog;
}

/** The scan-folder methods of DesktopApi, plus resume() at startup and dispose() at quit. */
export interface ScanFolderService {
  readonly choose: (owner: WebContents) => Promise<Result<ChosenFolder, ChooseScanFolderError>>;
  readonly start: (args: StartScanFolderArgs) => Promise<Result<ScanFolderStatus, StartScanFolderError>>;
  readonly stop: () => Promise<ScanFolderStatus>;
  readonly poll: () => Promise<ScanFolderPoll>;
  readonly ack: (args: AckScanFileArgs) => Promise<Result<AckedScanFile, AckScanFileError>>;
  /** Watches the folder saved by an earlier run, if any, even if it is missing right now (a share not yet mounted). */
  readonly resume: () => Promise<void>;
  /** Stops watching without forgetting the folder. */
  readonly dispose: () => Promise<void>;
}

interface Active {
  readonly core: ScanFolderCore;
  readonly watcher: ScanFolderWatcher;
}

const defaultLog: StoreLog = (message, detail) => {
  console.error(`[scan-folder] ${message}`, detail ?? '');
};

/** Creates the service; nothing is watched until start() or resume(). */
export function createScanFolderService(options: ScanFolderServiceOptions): ScanFolderService {
  const log = options.log ?? defaultLog;
  const settingsFile = path.join(options.userDataDir, SCAN_FOLDER_SETTINGS_FILE);
  const hashes = options.hashes ?? createJsonHashStore(path.join(options.userDataDir, IMPORTED_HASHES_FILE), log);
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const approved = new Set<string>();
  let active: Active | undefined;

  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  function status(): ScanFolderStatus {
    const lastError = active?.watcher.lastError();
    return {
      watching: active !== undefined,
      path: active?.core.folder ?? null,
      ...(lastError ? { lastError } : {}),
      tooLarge: active?.core.tooLarge() ?? [],
    };
  }

  async function halt(): Promise<void> {
    const previous = active;
    active = undefined;
    await previous?.watcher.dispose();
  }

  async function watchFolder(folder: string): Promise<void> {
    await halt();
    const core = createScanFolderCore({
      folder, hashes, settleMs,
      ...(options.fs ? { fs: options.fs } : {}),
      ...(options.now ? { now: options.now } : {}),
      ...(options.limits ? { limits: options.limits } : {}),
    });
    const watcher = startScanFolderWatcher({
      core, settleMs,
      ...(options.watch ? { watch: options.watch } : {}),
      ...(options.pollMs !== undefined ? { pollMs: options.pollMs } : {}),
    });
    active = { core, watcher };
    await watcher.scanNow(); // so the status answered next already says whether the folder is readable
  }

  async function remember(folder: string | null): Promise<void> {
    try {
      await saveScanFolderSetting(settingsFile, folder);
    } catch (error) {
      log('cannot save the scan folder setting; it will not be watched after a restart', error);
    }
  }

  async function checkFolder(folder: string): Promise<StartScanFolderError | undefined> {
    try {
      if (!(await stat(folder)).isDirectory()) return { kind: 'not-a-directory', message: `${folder} is not a folder` };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return { kind: errorCode(error) === 'ENOENT' ? 'folder-missing' : 'io', message };
    }
    return undefined;
  }

  return {
    choose: async (owner) => {
      const choice = await options.showFolderDialog(owner);
      const picked = choice.filePaths[0];
      if (choice.canceled || picked === undefined) return err({ kind: 'cancelled', message: 'folder dialog closed' });
      const folder = path.resolve(picked);
      approved.add(folder);
      return ok({ path: folder });
    },

    start: (args) => serial(async () => {
      const folder = path.resolve(args.path);
      if (!approved.has(folder)) return err({ kind: 'not-chosen', message: 'choose the folder with chooseScanFolder first' });
      const problem = await checkFolder(folder);
      if (problem) return err(problem);
      await watchFolder(folder);
      await remember(folder);
      return ok(status());
    }),

    stop: () => serial(async () => {
      await halt();
      await remember(null);
      return status();
    }),

    poll: async () => ({ files: active ? await active.core.take() : [], status: status() }),

    ack: (args) => active ? active.core.ack(args) : Promise.resolve(err({ kind: 'not-found', message: 'no folder is watched' })),

    resume: () => serial(async () => {
      const folder = await loadScanFolderSetting(settingsFile, log);
      if (folder === null) return;
      approved.add(folder);
      await watchFolder(folder);
    }),

    dispose: () => serial(halt),
  };
}
