import { sameBytes } from './bytes';

/**
 * Where a backup repository lives: a folder on a USB stick or disk. The format code (shared/backup) reads and
 * writes only through this interface, so the same code runs over Node's fs (cli/), Electron main (through IPC)
 * and the browser's File System Access API (renderer/platform).
 *
 * Paths are relative to the repository folder and use "/" ("repo.hdr", "packs/ab12….pk", "snaps/3-….sn").
 */
export interface RepoStore {
  /** The file's bytes, or null when it does not exist. */
  read(path: string): Promise<Uint8Array | null>;
  /**
   * Writes a whole file durably and atomically: temp file, fsync, rename (where the host can; the browser's
   * writable streams commit on close). A crash leaves either the old file or the new one, never half of it.
   * The store must not keep `bytes` once the promise settles: the backup reuses the buffer for the next pack.
   */
  writeAtomic(path: string, bytes: Uint8Array): Promise<void>;
  /** Names of the files directly in a folder ("" = the repository folder); [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Size in bytes, or null when the file does not exist. */
  size(path: string): Promise<number | null>;
  /** Deletes a file (pruning); a missing file is not an error. */
  remove(path: string): Promise<void>;
  /**
   * Optional: reads the file back and compares it with what was just written. Hosts with a native comparison
   * (Node's Buffer.compare) answer several times faster than read() plus a JavaScript loop; without it,
   * readBackProblem does exactly that.
   */
  compare?(path: string, expected: Uint8Array): Promise<ReadBackProblem | null>;
}

/** Why a file just written did not read back as written. */
export type ReadBackProblem = 'missing' | 'truncated' | 'hash-mismatch';

/** How `actual` (null: no file) differs from `expected`, or null when it is the same. */
export function differsBy(actual: Uint8Array | null, expected: Uint8Array): ReadBackProblem | null {
  if (actual === null) return 'missing';
  if (actual.length < expected.length) return 'truncated';
  return sameBytes(actual, expected) ? null : 'hash-mismatch';
}

/** Reads a file back through the store and compares it with the bytes meant to be written. */
export async function readBackProblem(store: RepoStore, path: string, expected: Uint8Array): Promise<ReadBackProblem | null> {
  return store.compare ? store.compare(path, expected) : differsBy(await store.read(path), expected);
}
