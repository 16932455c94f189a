// Drives a ScanFolderCore: fs.watch on the folder reacts within a moment where it works, and a polling loop that
// always runs finds what it misses (fs.watch is unreliable on SMB/NFS shares and dies with the folder). There is one
// timer at a time, never a busy loop: the next scan is due after `pollMs`, sooner while files are settling, and a
// watch event brings it forward to `debounceMs`. A failed scan is a status value; the loop retries at `pollMs`.
import { watch as fsWatch } from 'node:fs';
import type { ScanFolderProblem } from '../../shared/ipc';
import type { ScanFolderCore } from './scan-folder-core';

/** Starts watching `folder`; `onChange` on any event, `onError` when the watch breaks. Throws if the folder is missing. */
export type WatchFolder = (folder: string, onChange: () => void, onError: (error: unknown) => void) => { close(): void };

/** fs.watch, non-recursive, without keeping the process alive. */
export const nodeWatchFolder: WatchFolder = (folder, onChange, onError) => {
  const watcher = fsWatch(folder, { persistent: false }, () => { onChange(); });
  watcher.on('error', onError);
  return watcher;
};

/** Defaults: poll every 5 s; a watch event triggers a scan 250 ms later (a scanner writes in many small events). */
export const DEFAULT_POLL_MS = 5000;
const DEFAULT_DEBOUNCE_MS = 250;

/** Options of the watcher; `core.scan` does the work. */
export interface ScanFolderWatcherOptions {
  readonly core: Pick<ScanFolderCore, 'folder' | 'scan'>;
  readonly watch?: WatchFolder;
  readonly pollMs?: number;
  /** The delay of the rescan while files settle; the core's settleMs. */
  readonly settleMs: number;
  readonly debounceMs?: number;
  readonly now?: () => number;
}

/** A running watcher. */
export interface ScanFolderWatcher {
  /** The last scan's problem, if it failed. */
  lastError(): ScanFolderProblem | undefined;
  /** Resolves after the next scan completes (tests and the first poll use it). */
  scanNow(): Promise<void>;
  /** Stops the timer and the watch, and waits for a scan in progress. */
  dispose(): Promise<void>;
}

/** Starts watching and scanning at once. */
export function startScanFolderWatcher(options: ScanFolderWatcherOptions): ScanFolderWatcher {
  const { core, settleMs } = options;
  const watch = options.watch ?? nodeWatchFolder;
  const pollMs = options.pollMs ?? DEFAULT_POLL_MS;
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const now = options.now ?? Date.now;

  let disposed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let dueAt = Infinity;
  let running: Promise<void> | undefined;
  let handle: { close(): void } | undefined;
  let problem: ScanFolderProblem | undefined;
  let waiters: (() => void)[] = [];

  function schedule(delay: number): void {
    if (disposed || now() + delay >= dueAt) return;
    if (timer) clearTimeout(timer);
    dueAt = now() + delay;
    timer = setTimeout(() => {
      timer = undefined;
      dueAt = Infinity;
      if (running) {
        schedule(debounceMs); // a scan is in progress: look again right after it
        return;
      }
      running = tick().finally(() => { running = undefined; });
    }, delay);
  }

  function closeWatch(): void {
    handle?.close();
    handle = undefined;
  }

  function ensureWatch(): void {
    if (handle) return;
    try {
      handle = watch(core.folder, () => { schedule(debounceMs); }, () => {
        // Typically the folder was removed or the share went away: polling continues and reopens the watch.
        closeWatch();
        schedule(debounceMs);
      });
    } catch {
      handle = undefined; // the scan below reports why
    }
  }

  async function tick(): Promise<void> {
    const done = waiters; // callers that arrive during this scan wait for the next one
    waiters = [];
    let next = pollMs;
    try {
      ensureWatch();
      const outcome = await core.scan();
      problem = outcome.ok ? undefined : outcome.error;
      if (!outcome.ok) closeWatch();
      else if (outcome.value.settling > 0) next = Math.min(pollMs, settleMs);
    } catch (error) {
      // core.scan returns its failures; anything thrown is a bug, reported the same way so the loop survives.
      problem = { kind: 'io', message: error instanceof Error ? error.message : String(error) };
    }
    for (const resolve of done) resolve();
    schedule(next);
  }

  schedule(0);
  return {
    lastError: () => problem,
    scanNow: () => {
      if (disposed) return Promise.resolve();
      const done = new Promise<void>((resolve) => { waiters.push(resolve); });
      schedule(0);
      return done;
    },
    dispose: async () => {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      closeWatch();
      await running;
      for (const resolve of waiters) resolve();
      waiters = [];
    },
  };
}
