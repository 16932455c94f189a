// The scanner folder's logic without timers or Electron: scan() looks at the folder, take() hands out files that
// stopped changing, ack() moves a handled file aside. Fs, clock, ids and the hash store are injected.
//
// A file is ready when two observations at least `settleMs` apart see the same size and mtime, it is not empty and
// it can be opened (a Windows scanner holding it exclusively makes the open fail). Then it waits in `ready` until
// the renderer takes it; it is read only at take() and re-checked there, so memory holds one batch at most. A file
// taken but never acknowledged (renderer reloaded) is offered again after `reofferMs` with the same id.
// Nothing is imported twice: ack('imported') records the content hash first, then moves the file; a later file with
// a recorded hash, or the hash of another file offered and not yet acknowledged, is offered with duplicate: true.
import { createHash, randomUUID } from 'node:crypto';
import path from 'node:path';
import type { AckedScanFile, AckScanFileArgs, AckScanFileError, ScanFolderProblem, ScannedFile } from '../../shared/ipc';
import { err, ok, type Result } from '../../shared/domain/result';
import { errorCode, FAILED_DIR, isCandidateName, moveWithoutOverwrite, nodeScanFs, PROCESSED_DIR, type ScanFs } from './scan-folder-files';
import type { ImportedHashStore } from './scan-folder-store';

/** How many files and bytes one take() returns at most, and the largest file offered at all. */
export interface ScanBatchLimits {
  readonly maxFiles: number;
  readonly maxBytes: number;
  readonly maxFileBytes: number;
}

/** Defaults: a poll carries up to 10 files or 32 MB (one file may exceed it alone); files over 64 MB are not offered. */
export const DEFAULT_BATCH_LIMITS: ScanBatchLimits = { maxFiles: 10, maxBytes: 32 * 1024 * 1024, maxFileBytes: 64 * 1024 * 1024 };
/** How long size and mtime must stay the same before a file counts as written. */
export const DEFAULT_SETTLE_MS = 2000;
/** How long a taken file waits for its ack before it is offered again. */
export const DEFAULT_REOFFER_MS = 5 * 60 * 1000;

/** Everything the core needs; only folder and hashes are required. */
export interface ScanFolderCoreOptions {
  readonly folder: string;
  readonly hashes: ImportedHashStore;
  readonly fs?: ScanFs;
  readonly now?: () => number;
  readonly newId?: () => string;
  readonly settleMs?: number;
  readonly reofferMs?: number;
  readonly limits?: Partial<ScanBatchLimits>;
}

/** What a scan found: how many files are still settling (worth a quick rescan), or why the folder cannot be read. */
export type ScanOutcome = Result<{ readonly settling: number }, ScanFolderProblem>;

/** The scanner folder's state machine; every method is serialized, so callers may overlap. */
export interface ScanFolderCore {
  readonly folder: string;
  scan(): Promise<ScanOutcome>;
  take(): Promise<ScannedFile[]>;
  ack(args: AckScanFileArgs): Promise<Result<AckedScanFile, AckScanFileError>>;
  /** Names of files left in the folder because they exceed maxFileBytes. */
  tooLarge(): string[];
}

interface Observation {
  readonly size: number;
  readonly mtimeMs: number;
  readonly since: number;
}

interface ReadyFile {
  readonly id: string;
  readonly name: string;
  readonly size: number;
  readonly mtimeMs: number;
  takenAt?: number;
  sha256?: string;
  duplicate?: boolean;
}

function problemOf(error: unknown): ScanFolderProblem {
  const message = error instanceof Error ? error.message : String(error);
  const code = errorCode(error);
  if (code === 'ENOENT') return { kind: 'folder-missing', message };
  if (code === 'ENOTDIR') return { kind: 'not-a-directory', message };
  return { kind: 'io', message };
}

/** Creates the core for one folder. */
export function createScanFolderCore(options: ScanFolderCoreOptions): ScanFolderCore {
  const { folder, hashes } = options;
  const fs = options.fs ?? nodeScanFs;
  const now = options.now ?? Date.now;
  const newId = options.newId ?? randomUUID;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const reofferMs = options.reofferMs ?? DEFAULT_REOFFER_MS;
  const limits = { ...DEFAULT_BATCH_LIMITS, ...options.limits };

  const observations = new Map<string, Observation>();
  const ready = new Map<string, ReadyFile>(); // by name, in the order files became ready
  const oversized = new Map<string, Observation>();

  let queue: Promise<unknown> = Promise.resolve();
  function serial<T>(task: () => Promise<T>): Promise<T> {
    const run = queue.then(task);
    queue = run.catch(() => undefined);
    return run;
  }

  const fullPath = (name: string) => path.join(folder, name);

  async function canOpen(name: string): Promise<boolean> {
    try {
      const handle = await fs.open(fullPath(name), 'r');
      await handle.close();
      return true;
    } catch {
      return false;
    }
  }

  async function observe(name: string): Promise<void> {
    let stat;
    try {
      stat = await fs.stat(fullPath(name));
    } catch {
      observations.delete(name); // vanished between readdir and stat
      return;
    }
    const known = oversized.get(name);
    if (known && known.size === stat.size && known.mtimeMs === stat.mtimeMs) return;
    oversized.delete(name);
    const seen = observations.get(name);
    if (!seen || seen.size !== stat.size || seen.mtimeMs !== stat.mtimeMs) {
      observations.set(name, { size: stat.size, mtimeMs: stat.mtimeMs, since: now() });
      return;
    }
    if (stat.size === 0 || now() - seen.since < settleMs || !(await canOpen(name))) return;
    observations.delete(name);
    if (stat.size > limits.maxFileBytes) oversized.set(name, seen);
    else ready.set(name, { id: newId(), name, size: stat.size, mtimeMs: stat.mtimeMs });
  }

  async function scan(): Promise<ScanOutcome> {
    let entries;
    try {
      entries = await fs.readdir(folder, { withFileTypes: true });
    } catch (error) {
      observations.clear();
      return err(problemOf(error));
    }
    const present = new Set<string>();
    // Sorted so files that settle together are offered in name order (scanners number their pages).
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (!entry.isFile() || !isCandidateName(entry.name)) continue;
      present.add(entry.name);
      if (!ready.has(entry.name)) await observe(entry.name);
    }
    for (const map of [observations, ready, oversized]) {
      for (const name of map.keys()) if (!present.has(name)) map.delete(name);
    }
    const settling = [...observations.values()].filter((o) => o.size > 0).length;
    return ok({ settling });
  }

  /** The file's bytes if it is still the one that became ready; otherwise it goes back to being observed. */
  async function readUnchanged(file: ReadyFile): Promise<Uint8Array<ArrayBuffer> | undefined> {
    try {
      const data = new Uint8Array(await fs.readFile(fullPath(file.name)));
      const stat = await fs.stat(fullPath(file.name));
      if (data.byteLength === file.size && stat.size === file.size && stat.mtimeMs === file.mtimeMs) return data;
    } catch {
      // vanished or locked again: the next scan decides
    }
    ready.delete(file.name);
    return undefined;
  }

  async function isDuplicate(file: ReadyFile, sha256: string): Promise<boolean> {
    for (const other of ready.values()) if (other !== file && other.sha256 === sha256) return true;
    return hashes.has(sha256);
  }

  async function take(): Promise<ScannedFile[]> {
    const batch: ScannedFile[] = [];
    let bytes = 0;
    for (const file of [...ready.values()]) {
      if (batch.length >= limits.maxFiles) break;
      if (file.takenAt !== undefined && now() - file.takenAt < reofferMs) continue;
      if (batch.length > 0 && bytes + file.size > limits.maxBytes) break;
      const data = await readUnchanged(file);
      if (!data) continue;
      const sha256 = createHash('sha256').update(data).digest('hex');
      file.duplicate = await isDuplicate(file, sha256);
      file.sha256 = sha256;
      file.takenAt = now();
      batch.push({ id: file.id, name: file.name, data, sha256, duplicate: file.duplicate });
      bytes += data.byteLength;
    }
    return batch;
  }

  async function ack({ id, outcome }: AckScanFileArgs): Promise<Result<AckedScanFile, AckScanFileError>> {
    const file = [...ready.values()].find((f) => f.id === id && f.takenAt !== undefined);
    if (!file?.sha256) return err({ kind: 'not-found', message: `no file offered under id ${id}` });
    try {
      // Hash first: a crash between the two leaves a file flagged as duplicate, never one imported twice.
      if (outcome === 'imported') await hashes.add(file.sha256);
      const current = await fs.stat(fullPath(file.name));
      if (current.size !== file.size || current.mtimeMs !== file.mtimeMs) {
        // The scanner rewrote it after the poll: what the renderer handled is not what is there now.
        ready.delete(file.name);
        return err({ kind: 'changed', message: `${file.name} changed after it was polled; it will be offered again` });
      }
      const movedTo = await moveWithoutOverwrite(fs, fullPath(file.name), path.join(folder, outcome === 'imported' ? PROCESSED_DIR : FAILED_DIR));
      ready.delete(file.name);
      return ok({ movedTo });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (errorCode(error) === 'ENOENT') {
        ready.delete(file.name);
        return err({ kind: 'not-found', message });
      }
      return err({ kind: 'io', message });
    }
  }

  return {
    folder,
    scan: () => serial(scan),
    take: () => serial(take),
    ack: (args) => serial(() => ack(args)),
    tooLarge: () => [...oversized.keys()],
  };
}
