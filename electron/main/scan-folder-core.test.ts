import { appendFile, mkdir, mkdtemp, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScanFolderCore, type ScanFolderCoreOptions } from './scan-folder-core';
import { nodeScanFs, type ScanFs } from './scan-folder-files';
import type { ImportedHashStore } from './scan-folder-store';

let root: string;
let folder: string;
let clock: number;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fapiao-scan-core-'));
  folder = path.join(root, '扫描');
  await mkdir(folder);
  clock = 1_000_000;
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

function memoryHashes(): ImportedHashStore & { readonly set: Set<string> } {
  const set = new Set<string>();
  return { set, has: (h) => Promise.resolve(set.has(h)), add: (h) => { set.add(h); return Promise.resolve(); } };
}

function core(overrides: Partial<ScanFolderCoreOptions> = {}) {
  let n = 0;
  const hashes = memoryHashes();
  return {
    hashes,
    core: createScanFolderCore({ folder, hashes, now: () => clock, newId: () => `id${++n}`, ...overrides }),
  };
}

/** Two scans settleMs apart: what a finished file needs to become ready. */
async function scanTwice(c: { scan(): Promise<unknown> }) {
  await c.scan();
  clock += 2000;
  await c.scan();
}

describe('scan folder core', () => {
  it('does not return a file still growing between observations; returns it once when it stops', async () => {
    const { core: c } = core();
    const file = path.join(folder, 'scan.pdf');
    await writeFile(file, '%PDF-1.7 part one');
    await c.scan();
    clock += 2000;
    await appendFile(file, ' part two'); // the scanner is still writing
    await c.scan();
    expect(await c.take()).toEqual([]);
    clock += 1999;
    await c.scan();
    expect(await c.take()).toEqual([]); // unchanged, but not for settleMs yet
    clock += 1;
    await c.scan();
    const [taken, ...rest] = await c.take();
    expect(rest).toEqual([]);
    expect(taken).toMatchObject({ id: 'id1', name: 'scan.pdf', duplicate: false });
    expect(new TextDecoder().decode(taken!.data)).toBe('%PDF-1.7 part one part two');
    expect(taken!.sha256).toMatch(/^[0-9a-f]{64}$/);
    await scanTwice(c);
    expect(await c.take()).toEqual([]); // once
  });

  it('ignores empty files, dotfiles, temp names and subfolders', async () => {
    const { core: c } = core();
    await writeFile(path.join(folder, 'empty.pdf'), '');
    await writeFile(path.join(folder, '.hidden.pdf'), 'x');
    await writeFile(path.join(folder, '~$scan.pdf'), 'x');
    await writeFile(path.join(folder, 'scan.pdf.part'), 'x');
    await writeFile(path.join(folder, 'scan.tmp'), 'x');
    await writeFile(path.join(folder, 'notes.txt'), 'x');
    await mkdir(path.join(folder, '已导入'));
    await writeFile(path.join(folder, '已导入', 'old.pdf'), 'x');
    await scanTwice(c);
    expect(await c.take()).toEqual([]);
  });

  it('notices a scanner renaming its temp file to the final name', async () => {
    const { core: c } = core();
    await writeFile(path.join(folder, 'scan.pdf.part'), 'pdf');
    await scanTwice(c);
    await rename(path.join(folder, 'scan.pdf.part'), path.join(folder, 'scan.pdf'));
    await scanTwice(c);
    expect((await c.take()).map((f) => f.name)).toEqual(['scan.pdf']);
  });

  it('flags the same content under another name as duplicate, before and after the first is acknowledged', async () => {
    const { core: c, hashes } = core();
    await writeFile(path.join(folder, 'a.pdf'), 'same invoice');
    await writeFile(path.join(folder, 'b.pdf'), 'same invoice');
    await scanTwice(c);
    const batch = await c.take();
    expect(batch.map((f) => [f.name, f.duplicate])).toEqual([['a.pdf', false], ['b.pdf', true]]);
    expect(await c.ack({ id: batch[0]!.id, outcome: 'imported' })).toMatchObject({ ok: true });
    expect(hashes.set.has(batch[0]!.sha256)).toBe(true);

    await writeFile(path.join(folder, 'again.jpg'), 'same invoice');
    await scanTwice(c);
    expect((await c.take()).map((f) => [f.name, f.duplicate])).toEqual([['again.jpg', true]]);
  });

  it('moves acknowledged files into 已导入 / 未能识别 with clash-safe names, contents intact', async () => {
    const { core: c, hashes } = core();
    await mkdir(path.join(folder, '已导入'));
    await writeFile(path.join(folder, '已导入', 'x.pdf'), 'earlier');
    await writeFile(path.join(folder, 'x.pdf'), 'new x');
    await writeFile(path.join(folder, 'bad.png'), 'not an invoice');
    await scanTwice(c);
    const [bad, x] = await c.take();
    expect([bad?.name, x?.name]).toEqual(['bad.png', 'x.pdf']);
    expect(await c.ack({ id: x!.id, outcome: 'imported' })).toEqual({ ok: true, value: { movedTo: path.join(folder, '已导入', 'x (2).pdf') } });
    expect(await c.ack({ id: bad!.id, outcome: 'failed' })).toEqual({ ok: true, value: { movedTo: path.join(folder, '未能识别', 'bad.png') } });
    expect(await readFile(path.join(folder, '已导入', 'x.pdf'), 'utf8')).toBe('earlier');
    expect(await readFile(path.join(folder, '已导入', 'x (2).pdf'), 'utf8')).toBe('new x');
    expect(await readFile(path.join(folder, '未能识别', 'bad.png'), 'utf8')).toBe('not an invoice');
    expect(hashes.set.size).toBe(1); // a failed file may be dropped again once fixed
    expect((await readdir(folder)).sort()).toEqual(['已导入', '未能识别'].sort());
    expect(await c.ack({ id: x!.id, outcome: 'imported' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('refuses to ack an id that was never taken, and a file the clerk removed meanwhile', async () => {
    const { core: c } = core();
    expect(await c.ack({ id: 'nope', outcome: 'failed' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    await scanTwice(c);
    const [a] = await c.take();
    await rm(path.join(folder, 'a.pdf'));
    expect(await c.ack({ id: a!.id, outcome: 'imported' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await readdir(folder)).toEqual([]);
  });

  it('keeps batches bounded and hands out the rest next time', async () => {
    const { core: c } = core({ limits: { maxFiles: 2, maxBytes: 10 } });
    for (const name of ['1.pdf', '2.pdf', '3.pdf']) await writeFile(path.join(folder, name), 'abcd');
    await writeFile(path.join(folder, '4.pdf'), 'x'.repeat(30));
    await scanTwice(c);
    expect((await c.take()).map((f) => f.name)).toEqual(['1.pdf', '2.pdf']);
    expect((await c.take()).map((f) => f.name)).toEqual(['3.pdf']); // 4.pdf would pass 10 bytes
    expect((await c.take()).map((f) => f.name)).toEqual(['4.pdf']); // alone it may
    expect(await c.take()).toEqual([]);
  });

  it('leaves files over maxFileBytes in place and names them', async () => {
    const { core: c } = core({ limits: { maxFileBytes: 3 } });
    await writeFile(path.join(folder, 'huge.tif'), 'abcd');
    await scanTwice(c);
    expect(await c.take()).toEqual([]);
    expect(c.tooLarge()).toEqual(['huge.tif']);
  });

  it('offers an unacknowledged file again after reofferMs, with the same id', async () => {
    const { core: c } = core({ reofferMs: 60_000 });
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    await scanTwice(c);
    const [first] = await c.take();
    expect(await c.take()).toEqual([]);
    clock += 60_000;
    expect((await c.take()).map((f) => [f.id, f.duplicate])).toEqual([[first!.id, false]]);
  });

  it('re-checks a ready file at take time and waits again if it changed', async () => {
    const { core: c } = core();
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    await scanTwice(c);
    await appendFile(path.join(folder, 'a.pdf'), ' more');
    expect(await c.take()).toEqual([]);
    await scanTwice(c);
    expect((await c.take()).map((f) => new TextDecoder().decode(f.data))).toEqual(['a more']);
  });

  it('waits for a file it cannot open (a scanner holding it exclusively)', async () => {
    let locked = true;
    const { core: c } = core({
      fs: {
        ...nodeScanFs,
        open: ((file: string, flags: string) => (locked
          ? Promise.reject(Object.assign(new Error('busy'), { code: 'EBUSY' }))
          : nodeScanFs.open(file, flags))) as ScanFs['open'],
      },
    });
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    await scanTwice(c);
    expect(await c.take()).toEqual([]);
    locked = false;
    clock += 2000;
    await c.scan();
    expect((await c.take()).map((f) => f.name)).toEqual(['a.pdf']);
  });

  it('reports a missing folder as a value and recovers when it comes back', async () => {
    const { core: c } = core();
    await rm(folder, { recursive: true });
    expect(await c.scan()).toMatchObject({ ok: false, error: { kind: 'folder-missing' } });
    await mkdir(folder);
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    expect(await c.scan()).toEqual({ ok: true, value: { settling: 1 } });
    clock += 2000;
    await c.scan();
    expect((await c.take()).map((f) => f.name)).toEqual(['a.pdf']);
  });

  it('does not move a file rewritten after it was polled, and offers the new content', async () => {
    const { core: c, hashes } = core();
    await writeFile(path.join(folder, 'a.pdf'), 'first');
    await scanTwice(c);
    const [first] = await c.take();
    clock += 10;
    await writeFile(path.join(folder, 'a.pdf'), 'second version');
    expect(await c.ack({ id: first!.id, outcome: 'imported' })).toMatchObject({ ok: false, error: { kind: 'changed' } });
    expect(hashes.set.has(first!.sha256)).toBe(true);
    expect(await readdir(folder)).toEqual(['a.pdf']);
    await scanTwice(c);
    const [second] = await c.take();
    expect(second).toMatchObject({ name: 'a.pdf', duplicate: false });
    expect(second!.id).not.toBe(first!.id);
  });
});
