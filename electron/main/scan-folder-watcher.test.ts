import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ScannedFile } from '../../shared/ipc';
import { createScanFolderCore, type ScanFolderCore } from './scan-folder-core';
import { startScanFolderWatcher, type ScanFolderWatcher, type WatchFolder } from './scan-folder-watcher';

let root: string;
let folder: string;
let watcher: ScanFolderWatcher | undefined;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fapiao-scan-watch-'));
  folder = path.join(root, 'scans');
  await mkdir(folder);
});
afterEach(async () => {
  await watcher?.dispose();
  watcher = undefined;
  await rm(root, { recursive: true, force: true });
});

const SETTLE_MS = 40;
const noWatch: WatchFolder = () => ({ close: () => undefined });

function makeCore(): ScanFolderCore {
  const hashes = new Set<string>();
  return createScanFolderCore({
    folder, settleMs: SETTLE_MS,
    hashes: { has: (h) => Promise.resolve(hashes.has(h)), add: (h) => { hashes.add(h); return Promise.resolve(); } },
  });
}

/** Takes from the core until `count` files arrived or `ms` passed. */
async function collect(core: ScanFolderCore, count: number, ms = 3000): Promise<ScannedFile[]> {
  const files: ScannedFile[] = [];
  const until = Date.now() + ms;
  while (files.length < count && Date.now() < until) {
    files.push(...await core.take());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return files;
}

describe('scan folder watcher', () => {
  it('finds files by polling alone when fs.watch reports nothing', async () => {
    const core = makeCore();
    watcher = startScanFolderWatcher({ core, watch: noWatch, pollMs: 30, settleMs: SETTLE_MS });
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    await writeFile(path.join(folder, 'b.ofd'), 'b');
    expect((await collect(core, 2)).map((f) => f.name)).toEqual(['a.pdf', 'b.ofd']);
  });

  it('reacts to a watch event long before the next poll', async () => {
    const core = makeCore();
    let fire: () => void = () => undefined;
    const watch: WatchFolder = (_folder, onChange) => { fire = onChange; return { close: () => undefined }; };
    watcher = startScanFolderWatcher({ core, watch, pollMs: 60_000, settleMs: SETTLE_MS, debounceMs: 5 });
    await watcher.scanNow();
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    fire();
    expect((await collect(core, 1, 1000)).map((f) => f.name)).toEqual(['a.pdf']);
  });

  it('works with the real fs.watch', async () => {
    const core = makeCore();
    watcher = startScanFolderWatcher({ core, pollMs: 60_000, settleMs: SETTLE_MS, debounceMs: 5 });
    await watcher.scanNow();
    await writeFile(path.join(folder, 'a.pdf'), 'a');
    expect((await collect(core, 1, 2000)).map((f) => f.name)).toEqual(['a.pdf']);
  });

  it('reports a removed folder as a status value, keeps running and recovers when it comes back', async () => {
    const core = makeCore();
    const watch = vi.fn<WatchFolder>(() => ({ close: () => undefined }));
    watcher = startScanFolderWatcher({ core, watch, pollMs: 20, settleMs: SETTLE_MS });
    await watcher.scanNow();
    expect(watcher.lastError()).toBeUndefined();

    await rm(folder, { recursive: true });
    await watcher.scanNow();
    expect(watcher.lastError()).toMatchObject({ kind: 'folder-missing' });
    await watcher.scanNow();
    expect(watcher.lastError()).toMatchObject({ kind: 'folder-missing' });

    await mkdir(folder);
    await writeFile(path.join(folder, 'back.pdf'), 'x');
    await watcher.scanNow();
    expect(watcher.lastError()).toBeUndefined();
    expect((await collect(core, 1)).map((f) => f.name)).toEqual(['back.pdf']);
    expect(watch.mock.calls.length).toBeGreaterThan(1); // the watch was reopened
  });

  it('stops cleanly: no scan after dispose, and the watch is closed', async () => {
    const scan = vi.fn(() => Promise.resolve({ ok: true as const, value: { settling: 0 } }));
    const close = vi.fn();
    watcher = startScanFolderWatcher({ core: { folder, scan }, watch: () => ({ close }), pollMs: 10, settleMs: SETTLE_MS });
    await watcher.scanNow();
    await watcher.dispose();
    const calls = scan.mock.calls.length;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(scan.mock.calls.length).toBe(calls);
    expect(close).toHaveBeenCalled();
    await expect(watcher.scanNow()).resolves.toBeUndefined();
  });

  it('does not spin: with nothing to do it scans about once per poll interval', async () => {
    const scan = vi.fn(() => Promise.resolve({ ok: true as const, value: { settling: 0 } }));
    watcher = startScanFolderWatcher({ core: { folder, scan }, watch: noWatch, pollMs: 50, settleMs: SETTLE_MS });
    await new Promise((resolve) => setTimeout(resolve, 275));
    expect(scan.mock.calls.length).toBeGreaterThanOrEqual(2); // fewer only on a loaded machine
    expect(scan.mock.calls.length).toBeLessThanOrEqual(7);
  });

  it('survives a scan that throws', async () => {
    const scan = vi.fn()
      .mockRejectedValueOnce(new Error('bug'))
      .mockResolvedValue({ ok: true, value: { settling: 0 } });
    watcher = startScanFolderWatcher({ core: { folder, scan }, watch: noWatch, pollMs: 10, settleMs: SETTLE_MS });
    await watcher.scanNow();
    await watcher.scanNow();
    expect(watcher.lastError()).toBeUndefined();
    expect(scan.mock.calls.length).toBeGreaterThanOrEqual(2);
  });
});
