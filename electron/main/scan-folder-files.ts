// Which files in the scanner folder are invoices, and how a handled one is moved aside without ever overwriting or
// deleting the clerk's file. Node only; the fs functions are injected so tests can simulate a network share.
import { constants } from 'node:fs';
import * as fsp from 'node:fs/promises';
import path from 'node:path';

/** The fs functions the scan folder uses; `node:fs/promises` by default, a wrapper in tests. */
export type ScanFs = Pick<typeof fsp, 'readdir' | 'stat' | 'open' | 'readFile' | 'rename' | 'copyFile' | 'mkdir' | 'unlink' | 'rm'>;

/** The real file system. */
export const nodeScanFs: ScanFs = fsp;

/** Subfolder of the watched folder that receives captured files. */
export const PROCESSED_DIR = '已导入';
/** Subfolder of the watched folder that receives files the renderer could not read. */
export const FAILED_DIR = '未能识别';

const INVOICE_EXTENSIONS = new Set(['.pdf', '.ofd', '.xml', '.png', '.jpg', '.jpeg', '.tif', '.tiff', '.bmp', '.webp']);
// Names scanners, browsers and Office give to files still being written.
const TEMP_SUFFIXES = ['.tmp', '.temp', '.part', '.partial', '.crdownload', '.download', '.swp'];

/** Whether a file name in the watched folder looks like an invoice the scanner finished naming. */
export function isCandidateName(name: string): boolean {
  if (name.startsWith('.') || name.startsWith('~$')) return false;
  if (name === PROCESSED_DIR || name === FAILED_DIR) return false;
  const lower = name.toLowerCase();
  if (TEMP_SUFFIXES.some((suffix) => lower.endsWith(suffix))) return false;
  return INVOICE_EXTENSIONS.has(path.extname(lower));
}

/** `scan.pdf` → `scan (2).pdf` for n = 2; n = 1 is the name itself. */
export function numberedName(name: string, n: number): string {
  if (n === 1) return name;
  const ext = path.extname(name);
  return `${name.slice(0, name.length - ext.length)} (${n})${ext}`;
}

/** The `code` of a Node system error, if any. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null || !('code' in error)) return undefined;
  return typeof error.code === 'string' ? error.code : undefined;
}

async function exists(fs: ScanFs, file: string): Promise<boolean> {
  try {
    await fs.stat(file);
    return true;
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return false;
    throw error;
  }
}

const MAX_NUMBERED_NAMES = 10_000;

/**
 * Moves `source` into `targetDir` under its own name, or `name (2)`, `name (3)`… if taken; answers the new path.
 * Only this app writes into the target folders, so checking for a free name and then renaming does not race.
 */
export async function moveWithoutOverwrite(fs: ScanFs, source: string, targetDir: string): Promise<string> {
  await fs.stat(source); // ENOENT before mkdir, so a vanished folder is not recreated around its subfolder
  await fs.mkdir(targetDir, { recursive: true });
  const name = path.basename(source);
  for (let n = 1; n <= MAX_NUMBERED_NAMES; n++) {
    const target = path.join(targetDir, numberedName(name, n));
    if (await exists(fs, target)) continue;
    await moveFile(fs, source, target);
    return target;
  }
  throw new Error(`no free name for ${name} in ${targetDir}`);
}

async function moveFile(fs: ScanFs, source: string, target: string): Promise<void> {
  try {
    await fs.rename(source, target);
  } catch (error) {
    // A rename cannot cross devices (a subfolder mounted elsewhere, some SMB/NFS setups): copy, then remove.
    if (errorCode(error) !== 'EXDEV') throw error;
    await copyVerifyUnlink(fs, source, target);
  }
}

/** Copies, flushes the copy to disk and checks its size before removing the original; on any doubt keeps the original. */
async function copyVerifyUnlink(fs: ScanFs, source: string, target: string): Promise<void> {
  await fs.copyFile(source, target, constants.COPYFILE_EXCL);
  try {
    // 'r+' because Windows flushes only handles opened for writing.
    const handle = await fs.open(target, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    const [original, copy] = await Promise.all([fs.stat(source), fs.stat(target)]);
    if (original.size !== copy.size) throw new Error(`copy of ${path.basename(source)} is ${copy.size} bytes, expected ${original.size}`);
  } catch (error) {
    // The copy is ours and untrustworthy; the clerk's original is untouched.
    await fs.rm(target, { force: true });
    throw error;
  }
  await fs.unlink(source);
}
