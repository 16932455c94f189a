import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isCandidateName, moveWithoutOverwrite, nodeScanFs, numberedName, type ScanFs } from './scan-folder-files';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fapiao-scan-files-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const exdev = (): Promise<never> => Promise.reject(Object.assign(new Error('cross-device link'), { code: 'EXDEV' }));

describe('isCandidateName', () => {
  it.each(['发票.pdf', 'SCAN_0001.PDF', 'a.ofd', 'a.xml', 'a.png', 'a.JPG', 'a.jpeg', 'a.tif', 'a.TIFF', 'a.bmp', 'a.webp'])(
    'accepts %s', (name) => { expect(isCandidateName(name)).toBe(true); },
  );
  it.each(['.hidden.pdf', '~$scan.pdf', 'scan.pdf.tmp', 'scan.pdf.part', 'scan.tmp', 'scan.pdf.crdownload', 'notes.txt', 'scan', '已导入', '未能识别'])(
    'ignores %s', (name) => { expect(isCandidateName(name)).toBe(false); },
  );
});

describe('numberedName', () => {
  it('numbers before the extension', () => {
    expect(numberedName('scan.pdf', 1)).toBe('scan.pdf');
    expect(numberedName('scan.pdf', 2)).toBe('scan (2).pdf');
    expect(numberedName('a.b.ofd', 3)).toBe('a.b (3).ofd');
    expect(numberedName('noext', 2)).toBe('noext (2)');
  });
});

describe('moveWithoutOverwrite', () => {
  it('creates the folder and never overwrites: scan.pdf, scan (2).pdf, scan (3).pdf', async () => {
    const target = path.join(dir, '已导入');
    const moved: string[] = [];
    for (const content of ['one', 'two', 'three']) {
      await writeFile(path.join(dir, 'scan.pdf'), content);
      moved.push(await moveWithoutOverwrite(nodeScanFs, path.join(dir, 'scan.pdf'), target));
    }
    expect(moved.map((p) => path.basename(p))).toEqual(['scan.pdf', 'scan (2).pdf', 'scan (3).pdf']);
    expect(await readFile(path.join(target, 'scan (2).pdf'), 'utf8')).toBe('two');
    expect(await readdir(dir)).toEqual(['已导入']);
  });

  it('falls back to copy + verify + unlink across devices', async () => {
    const fs: ScanFs = { ...nodeScanFs, rename: exdev };
    await writeFile(path.join(dir, 'a.pdf'), 'pdf bytes');
    const moved = await moveWithoutOverwrite(fs, path.join(dir, 'a.pdf'), path.join(dir, 'out'));
    expect(await readFile(moved, 'utf8')).toBe('pdf bytes');
    expect((await readdir(dir)).sort()).toEqual(['out']);
  });

  it('keeps the original and removes its own bad copy when the copy does not verify', async () => {
    const fs: ScanFs = {
      ...nodeScanFs,
      rename: exdev,
      copyFile: async (_src, dest) => { await writeFile(dest, 'short'); },
    };
    await writeFile(path.join(dir, 'a.pdf'), 'the whole pdf');
    await expect(moveWithoutOverwrite(fs, path.join(dir, 'a.pdf'), path.join(dir, 'out'))).rejects.toThrow(/expected 13/);
    expect(await readFile(path.join(dir, 'a.pdf'), 'utf8')).toBe('the whole pdf');
    expect(await readdir(path.join(dir, 'out'))).toEqual([]);
  });

  it('reports a vanished source as ENOENT', async () => {
    await mkdir(path.join(dir, 'out'));
    await expect(moveWithoutOverwrite(nodeScanFs, path.join(dir, 'gone.pdf'), path.join(dir, 'out'))).rejects.toMatchObject({ code: 'ENOENT' });
  });
});
