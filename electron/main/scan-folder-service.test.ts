import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ScannedFile } from '../../shared/ipc';
import { createScanFolderService, type ScanFolderService, type ScanFolderServiceOptions } from './scan-folder-service';

let root: string;
let userData: string;
let folder: string;
const services: ScanFolderService[] = [];
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'fapiao-scan-service-'));
  userData = path.join(root, 'userData');
  folder = path.join(root, '扫描仪');
  await mkdir(userData);
  await mkdir(folder);
});
afterEach(async () => {
  for (const service of services.splice(0)) await service.dispose();
  await rm(root, { recursive: true, force: true });
});

const owner = { id: 1 } as unknown as WebContents;

function service(overrides: Partial<ScanFolderServiceOptions> = {}): ScanFolderService {
  const created = createScanFolderService({
    userDataDir: userData,
    showFolderDialog: () => Promise.resolve({ canceled: false, filePaths: [folder] }),
    watch: () => ({ close: () => undefined }),
    pollMs: 20,
    settleMs: 30,
    log: () => undefined,
    ...overrides,
  });
  services.push(created);
  return created;
}

async function pollUntil(s: ScanFolderService, count: number): Promise<ScannedFile[]> {
  const files: ScannedFile[] = [];
  const until = Date.now() + 3000;
  while (files.length < count && Date.now() < until) {
    files.push(...(await s.poll()).files);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return files;
}

describe('scan folder service', () => {
  it('watches only a folder chosen in the dialog', async () => {
    const s = service();
    expect(await s.start({ path: folder })).toMatchObject({ ok: false, error: { kind: 'not-chosen' } });
    expect(await s.choose(owner)).toEqual({ ok: true, value: { path: folder } });
    expect(await s.start({ path: folder })).toEqual({ ok: true, value: { watching: true, path: folder, tooLarge: [] } });
  });

  it('answers cancelled when the dialog is closed', async () => {
    const s = service({ showFolderDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) });
    expect(await s.choose(owner)).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it('refuses a chosen folder that is gone or is a file', async () => {
    const s = service();
    await s.choose(owner);
    await rm(folder, { recursive: true });
    expect(await s.start({ path: folder })).toMatchObject({ ok: false, error: { kind: 'folder-missing' } });
    await writeFile(folder, 'x');
    expect(await s.start({ path: folder })).toMatchObject({ ok: false, error: { kind: 'not-a-directory' } });
  });

  it('polls ready files once, acks them into 已导入, and flags a second copy as duplicate', async () => {
    const s = service();
    await s.choose(owner);
    await s.start({ path: folder });
    await writeFile(path.join(folder, 'inv.pdf'), 'invoice');
    const [file] = await pollUntil(s, 1);
    expect(file).toMatchObject({ name: 'inv.pdf', duplicate: false });
    expect(await s.ack({ id: file!.id, outcome: 'imported' })).toEqual({ ok: true, value: { movedTo: path.join(folder, '已导入', 'inv.pdf') } });

    await writeFile(path.join(folder, 'inv-copy.pdf'), 'invoice');
    const [copy] = await pollUntil(s, 1);
    expect(copy).toMatchObject({ name: 'inv-copy.pdf', duplicate: true });
  });

  it('remembers the folder and the imported hashes across a restart; stop forgets the folder', async () => {
    const first = service();
    await first.choose(owner);
    await first.start({ path: folder });
    await writeFile(path.join(folder, 'a.pdf'), 'same');
    const [a] = await pollUntil(first, 1);
    await first.ack({ id: a!.id, outcome: 'imported' });
    await first.dispose();

    const second = service();
    await second.resume();
    expect((await second.poll()).status).toMatchObject({ watching: true, path: folder });
    await writeFile(path.join(folder, 'b.pdf'), 'same');
    expect((await pollUntil(second, 1)).map((f) => [f.name, f.duplicate])).toEqual([['b.pdf', true]]);
    expect(await second.stop()).toEqual({ watching: false, path: null, tooLarge: [] });

    const third = service();
    await third.resume();
    expect((await third.poll()).status.watching).toBe(false);
  });

  it('resumes a saved folder that is missing at startup and reports it, then picks up when it appears', async () => {
    const first = service();
    await first.choose(owner);
    await first.start({ path: folder });
    await first.dispose();
    await rm(folder, { recursive: true });

    const second = service();
    await second.resume();
    expect((await second.poll()).status).toMatchObject({ watching: true, path: folder, lastError: { kind: 'folder-missing' } });
    await mkdir(folder);
    await writeFile(path.join(folder, 'late.png'), 'png');
    expect((await pollUntil(second, 1)).map((f) => f.name)).toEqual(['late.png']);
    expect((await second.poll()).status.lastError).toBeUndefined();
  });

  it('answers not-found for acks and empty polls when nothing is watched', async () => {
    const s = service();
    expect(await s.poll()).toEqual({ files: [], status: { watching: false, path: null, tooLarge: [] } });
    expect(await s.ack({ id: 'x', outcome: 'failed' })).toMatchObject({ ok: false, error: { kind: 'not-found' } });
    expect(await readdir(folder)).toEqual([]);
  });
});
