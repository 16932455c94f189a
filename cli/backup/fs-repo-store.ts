/*
 * RepoStore over Node's fs: every write goes to a temp file in the same folder, is fsynced, renamed over the
 * target and the folder is fsynced, so a pulled USB stick or a crash leaves the old file or the new one.
 * Temp names end in ".tmp", which the format ignores when listing.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname, join, sep } from 'node:path';
import type { ReadBackProblem, RepoStore } from '../../shared/backup/repo-store';

/** Bytes read at a time when a written file is checked. */
const READ_BACK_PIECE = 1024 * 1024;

const isMissing = (e: unknown): boolean => (e as { code?: string } | null)?.code === 'ENOENT';

async function fsyncDir(dir: string): Promise<void> {
  // Windows cannot open a folder for fsync; the rename is durable there once the file is flushed.
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** A repository folder on a local disk or USB stick. */
export class FsRepoStore implements RepoStore {
  constructor(readonly root: string) {}

  private resolve(path: string): string {
    if (path.split('/').some((part) => part === '..' || part.includes(sep) || part.includes('\\'))) throw new Error(`unsafe path ${path}`);
    return join(this.root, ...path.split('/').filter((p) => p !== ''));
  }

  async read(path: string): Promise<Uint8Array | null> {
    try {
      return await readFile(this.resolve(path));
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  async writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
    const target = this.resolve(path);
    const dir = dirname(target);
    await mkdir(dir, { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } catch (e) {
      await handle.close();
      await rm(temp, { force: true });
      throw e;
    }
    await handle.close();
    await rename(temp, target);
    await fsyncDir(dir);
  }

  async list(dir: string): Promise<string[]> {
    try {
      return (await readdir(this.resolve(dir), { withFileTypes: true })).filter((d) => d.isFile()).map((d) => d.name);
    } catch (e) {
      if (isMissing(e)) return [];
      throw e;
    }
  }

  async size(path: string): Promise<number | null> {
    try {
      return (await stat(this.resolve(path))).size;
    } catch (e) {
      if (isMissing(e)) return null;
      throw e;
    }
  }

  /**
   * Read-back check: the file is read in 1 MiB pieces into one buffer and compared with memcmp (Buffer.compare),
   * so checking a backup allocates nothing per pack and runs no JavaScript loop over the bytes.
   */
  async compare(path: string, expected: Uint8Array): Promise<ReadBackProblem | null> {
    let handle;
    try {
      handle = await open(this.resolve(path), 'r');
    } catch (e) {
      if (isMissing(e)) return 'missing';
      throw e;
    }
    try {
      const piece = Buffer.allocUnsafe(Math.min(READ_BACK_PIECE, Math.max(1, expected.length)));
      for (let at = 0; ; ) {
        const { bytesRead } = await handle.read(piece, 0, piece.length, at);
        if (bytesRead === 0) return at < expected.length ? 'truncated' : null;
        if (at + bytesRead > expected.length) return 'hash-mismatch';
        if (Buffer.compare(piece.subarray(0, bytesRead), expected.subarray(at, at + bytesRead)) !== 0) return 'hash-mismatch';
        at += bytesRead;
      }
    } finally {
      await handle.close();
    }
  }

  async remove(path: string): Promise<void> {
    await rm(this.resolve(path), { force: true });
  }
}
