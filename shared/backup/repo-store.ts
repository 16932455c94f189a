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
   */
  writeAtomic(path: string, bytes: Uint8Array): Promise<void>;
  /** Names of the files directly in a folder ("" = the repository folder); [] when it does not exist. */
  list(dir: string): Promise<string[]>;
  /** Size in bytes, or null when the file does not exist. */
  size(path: string): Promise<number | null>;
  /** Deletes a file (pruning); a missing file is not an error. */
  remove(path: string): Promise<void>;
}
