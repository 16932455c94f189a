// The RepoStore operations on disk, for one backup folder (the root). Paths arrive already checked against
// backupRelPathSchema; here they are also resolved and required to stay inside the root, also through symlinks.
import { mkdir, open, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { writeFileAtomic } from './file-io';

/** An operation refused because its path leaves the backup folder. */
export class OutsideRootError extends Error {
  constructor(readonly rel: string) {
    super(`${rel} is outside the backup folder`);
    this.name = 'OutsideRootError';
  }
}

function resolveInside(root: string, rel: string): string {
  const target = rel === '' ? path.resolve(root) : path.resolve(root, ...rel.split('/'));
  const base = path.resolve(root);
  if (target !== base && !target.startsWith(base + path.sep)) throw new OutsideRootError(rel);
  return target;
}

function isMissing(error: unknown): boolean {
  return (error as NodeJS.ErrnoException | null)?.code === 'ENOENT';
}

// A symlink inside the folder must not lead out of it: the real path of the deepest existing ancestor is checked.
async function checkReal(root: string, target: string, rel: string): Promise<void> {
  const realRoot = await realpath(root);
  let probe = target;
  for (;;) {
    try {
      const real = await realpath(probe);
      if (real !== realRoot && !real.startsWith(realRoot + path.sep)) throw new OutsideRootError(rel);
      return;
    } catch (error) {
      if (!isMissing(error) || probe === path.dirname(probe)) throw error;
      probe = path.dirname(probe);
    }
  }
}

async function fsyncDir(dir: string): Promise<void> {
  // Makes the rename itself durable on POSIX; Windows cannot open a folder for sync, and does not need to.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}

/** RepoStore over one folder on disk. */
export function backupFs(root: string) {
  const inside = async (rel: string) => {
    const target = resolveInside(root, rel);
    await checkReal(root, target, rel);
    return target;
  };
  return {
    async read(rel: string): Promise<Uint8Array<ArrayBuffer> | null> {
      try {
        return new Uint8Array(await readFile(await inside(rel)));
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    /** Temp file in the same folder, write, fsync, rename over the target, fsync the folder. */
    async writeAtomic(rel: string, data: Uint8Array): Promise<void> {
      const target = resolveInside(root, rel);
      const dir = path.dirname(target);
      await mkdir(dir, { recursive: true });
      await checkReal(root, dir, rel);
      await writeFileAtomic(target, data);
      await fsyncDir(dir);
    },

    async list(rel: string): Promise<string[]> {
      try {
        const entries = await readdir(await inside(rel));
        // Temp files of unfinished writes start with "." and are never part of a repository.
        return entries.filter((name) => !name.startsWith('.')).sort();
      } catch (error) {
        if (isMissing(error) || (error as NodeJS.ErrnoException).code === 'ENOTDIR') return [];
        throw error;
      }
    },

    async size(rel: string): Promise<number | null> {
      try {
        const s = await stat(await inside(rel));
        return s.isFile() ? s.size : null;
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
    },

    async remove(rel: string): Promise<void> {
      try {
        await rm(await inside(rel), { force: true });
      } catch (error) {
        if (!isMissing(error)) throw error;
      }
    },
  };
}
