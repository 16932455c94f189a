// File access behind saveFile/openFiles. Node only; tested against a temporary directory.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/**
 * Writes `data` to `file` so that the file is either the old one or the complete new one, never half written:
 * write a sibling temp file, fsync it, then rename it over the target.
 */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/** A file that is larger than the caller allows. */
export class FileTooLargeError extends Error {
  constructor(
    readonly file: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super(`${path.basename(file)} is ${size} bytes; the limit is ${limit}`);
    this.name = 'FileTooLargeError';
  }
}

/** Reads a whole file, refusing one over `limit` bytes before reading it. */
export async function readFileWithLimit(file: string, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) throw new FileTooLargeError(file, size, limit);
    const bytes = new Uint8Array(size);
    let filled = 0;
    while (filled < size) {
      const { bytesRead } = await handle.read(bytes, filled, size - filled, filled);
      if (bytesRead === 0) break; // the file shrank while we read it: return what is there
      filled += bytesRead;
    }
    return filled === size ? bytes : bytes.slice(0, filled);
  } finally {
    await handle.close();
  }
}
