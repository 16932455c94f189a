import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createJsonHashStore, loadScanFolderSetting, saveScanFolderSetting } from './scan-folder-store';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fapiao-scan-store-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const A = 'a'.repeat(64);
const B = 'b'.repeat(64);

describe('scan folder setting', () => {
  it('is null when never saved, then round-trips', async () => {
    const file = path.join(dir, 'settings.json');
    expect(await loadScanFolderSetting(file)).toBeNull();
    await saveScanFolderSetting(file, '/srv/扫描');
    expect(await loadScanFolderSetting(file)).toBe('/srv/扫描');
    await saveScanFolderSetting(file, null);
    expect(await loadScanFolderSetting(file)).toBeNull();
  });

  it('reports and ignores a malformed file', async () => {
    const file = path.join(dir, 'settings.json');
    await writeFile(file, '{"version":1,"folder":3}');
    const log = vi.fn();
    expect(await loadScanFolderSetting(file, log)).toBeNull();
    expect(log).toHaveBeenCalledOnce();
  });
});

describe('createJsonHashStore', () => {
  it('persists added hashes for the next run', async () => {
    const file = path.join(dir, 'hashes.json');
    const store = createJsonHashStore(file);
    expect(await store.has(A)).toBe(false);
    await Promise.all([store.add(A), store.add(B)]);
    expect(await store.has(A)).toBe(true);
    const again = createJsonHashStore(file);
    expect(await again.has(A)).toBe(true);
    expect(await again.has(B)).toBe(true);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ version: 1, sha256: [A, B] });
  });

  it('starts empty from garbage, and says so', async () => {
    const file = path.join(dir, 'hashes.json');
    await writeFile(file, 'not json');
    const log = vi.fn();
    expect(await createJsonHashStore(file, log).has(A)).toBe(false);
    expect(log).toHaveBeenCalledOnce();
  });

  it('forgets a hash whose write failed', async () => {
    const store = createJsonHashStore(path.join(dir, 'no-such-dir', 'hashes.json'), () => undefined);
    await expect(store.add(A)).rejects.toThrow();
    expect(await store.has(A)).toBe(false);
  });
});
