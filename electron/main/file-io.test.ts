import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLargeError, readFileWithLimit, writeFileAtomic } from './file-io';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fapiao-file-io-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('writes the bytes and leaves no temp file behind', async () => {
    const file = path.join(dir, '台账.xlsx');
    await writeFileAtomic(file, new Uint8Array([1, 2, 3]));
    expect(new Uint8Array(await readFile(file))).toEqual(new Uint8Array([1, 2, 3]));
    expect(await readdir(dir)).toEqual(['台账.xlsx']);
  });

  it('replaces an existing file whole', async () => {
    const file = path.join(dir, 'a.bin');
    await writeFile(file, 'old contents that are longer');
    await writeFileAtomic(file, new TextEncoder().encode('new'));
    expect(await readFile(file, 'utf8')).toBe('new');
  });

  it('fails without leaving debris when the folder does not exist', async () => {
    await expect(writeFileAtomic(path.join(dir, 'missing', 'a.bin'), new Uint8Array(1))).rejects.toMatchObject({ code: 'ENOENT' });
    expect(await readdir(dir)).toEqual([]);
  });

  it('cleans its temp file when the rename fails', async () => {
    const target = path.join(dir, 'is-a-dir');
    await writeFile(path.join(dir, 'keep.txt'), 'x');
    await mkdir(path.join(target, 'child'), { recursive: true }); // renaming a file onto a non-empty folder fails
    await expect(writeFileAtomic(target, new Uint8Array(1))).rejects.toBeInstanceOf(Error);
    expect((await readdir(dir)).sort()).toEqual(['is-a-dir', 'keep.txt']);
  });
});

describe('readFileWithLimit', () => {
  it('reads a file up to the limit', async () => {
    const file = path.join(dir, 'a.ofd');
    await writeFile(file, new Uint8Array([9, 8, 7, 6]));
    const bytes = await readFileWithLimit(file, 4);
    expect(bytes).toEqual(new Uint8Array([9, 8, 7, 6]));
    expect(bytes.buffer).toBeInstanceOf(ArrayBuffer);
  });

  it('refuses a file over the limit', async () => {
    const file = path.join(dir, 'big.pdf');
    await writeFile(file, new Uint8Array(5));
    const error = await readFileWithLimit(file, 4).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FileTooLargeError);
    expect(error).toMatchObject({ size: 5, limit: 4, message: 'big.pdf is 5 bytes; the limit is 4' });
  });

  it('reads an empty file', async () => {
    const file = path.join(dir, 'empty');
    await writeFile(file, '');
    expect(await readFileWithLimit(file, 10)).toEqual(new Uint8Array());
  });
});
