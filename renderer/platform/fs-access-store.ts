/*
 * RepoStore over a directory handle of the File System Access API: a folder the clerk picked with
 * showDirectoryPicker, or the Origin Private File System (navigator.storage.getDirectory()) for automatic local
 * backups. A writable stream writes to a swap file that replaces the file only on close(), so a pulled stick
 * leaves the old file or the new one. A new file's name exists (empty) until then; the backup format never
 * refers to a file before it is complete (manifest last), and verification finds any such leftover.
 */
import type { RepoStore } from '../../shared/backup/repo-store';

/** The parts of FileSystemFileHandle this store uses (typed here: lib.dom lacks some of them). */
export interface FileHandleLike {
  readonly kind: 'file';
  getFile(): Promise<Blob>;
  createWritable(): Promise<{ write(data: Uint8Array<ArrayBuffer>): Promise<void>; close(): Promise<void>; abort(): Promise<void> }>;
}

/** The parts of FileSystemDirectoryHandle this store uses. */
export interface DirHandleLike {
  readonly kind: 'directory';
  readonly name: string;
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirHandleLike>;
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike>;
  removeEntry(name: string): Promise<void>;
  keys(): AsyncIterable<string>;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'NotFoundError' || name === 'TypeMismatchError';
}

function split(path: string): { dirs: string[]; name: string } {
  const parts = path.split('/').filter((p) => p !== '');
  const name = parts.pop() ?? '';
  return { dirs: parts, name };
}

async function walk(root: DirHandleLike, dirs: readonly string[], create: boolean): Promise<DirHandleLike> {
  let dir = root;
  for (const d of dirs) dir = await dir.getDirectoryHandle(d, { create });
  return dir;
}

async function fileOf(root: DirHandleLike, path: string): Promise<FileHandleLike | null> {
  const { dirs, name } = split(path);
  try {
    return await (await walk(root, dirs, false)).getFileHandle(name);
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** A RepoStore whose files live under `root`. */
export function directoryStore(root: DirHandleLike): RepoStore {
  return {
    async read(path) {
      const file = await fileOf(root, path);
      return file ? new Uint8Array(await (await file.getFile()).arrayBuffer()) : null;
    },
    async writeAtomic(path, bytes) {
      const { dirs, name } = split(path);
      const file = await (await walk(root, dirs, true)).getFileHandle(name, { create: true });
      const stream = await file.createWritable();
      try {
        await stream.write(bytes as Uint8Array<ArrayBuffer>);
      } catch (error) {
        await stream.abort().catch(() => undefined);
        throw error;
      }
      await stream.close();
    },
    async list(dir) {
      let handle: DirHandleLike;
      try {
        handle = await walk(root, dir.split('/').filter((p) => p !== ''), false);
      } catch (error) {
        if (isNotFound(error)) return [];
        throw error;
      }
      const names: string[] = [];
      // Chromium's swap files of unfinished writes end in ".crswap"; they are never repository files.
      for await (const name of handle.keys()) if (!name.endsWith('.crswap')) names.push(name);
      return names.sort();
    },
    async size(path) {
      const file = await fileOf(root, path);
      return file ? (await file.getFile()).size : null;
    },
    async remove(path) {
      const { dirs, name } = split(path);
      try {
        await (await walk(root, dirs, false)).removeEntry(name);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
  };
}
