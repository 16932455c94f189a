import { mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackupService, type BackupServiceDeps } from './backup-service';

let dir: string;
beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'fapiao-backup-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

const owner = { id: 1 } as unknown as WebContents;
const bytes = (text: string) => new TextEncoder().encode(text);

function service(overrides: Partial<BackupServiceDeps> = {}) {
  return createBackupService({
    userDataDir: path.join(dir, 'userData'),
    showFolderDialog: () => Promise.resolve({ canceled: false, filePaths: [path.join(dir, 'picked')] }),
    listDrives: () => Promise.resolve([{ mount: path.join(dir, 'usb'), label: 'USB', backupPath: path.join(dir, 'usb', 'FapiaoDesk-Backup'), freeBytes: 1, totalBytes: 2 }]),
    ...overrides,
  });
}

describe('backup service', () => {
  it('writes, reads, lists, sizes and removes files in the local backup folder, creating folders as needed', async () => {
    const s = service();
    const root = s.localFolder().path;
    expect(root).toBe(path.join(dir, 'userData', 'backups'));
    expect(await s.list({ root, dir: '' })).toEqual({ ok: true, value: { names: [] } });
    expect(await s.read({ root, path: 'repo.hdr' })).toEqual({ ok: true, value: { data: null } });
    expect(await s.write({ root, path: 'packs/ab/ab12.pk', data: bytes('pack') })).toEqual({ ok: true, value: {} });
    expect(await s.write({ root, path: 'repo.hdr', data: bytes('hdr') })).toEqual({ ok: true, value: {} });
    expect(await s.write({ root, path: 'repo.hdr', data: bytes('header2') })).toEqual({ ok: true, value: {} });
    const read = await s.read({ root, path: 'repo.hdr' });
    expect(read.ok && new TextDecoder().decode(read.value.data ?? undefined)).toBe('header2');
    expect(await s.list({ root, dir: '' })).toEqual({ ok: true, value: { names: ['packs', 'repo.hdr'] } });
    expect(await s.list({ root, dir: 'packs/ab' })).toEqual({ ok: true, value: { names: ['ab12.pk'] } });
    expect(await s.size({ root, path: 'packs/ab/ab12.pk' })).toEqual({ ok: true, value: { size: 4 } });
    expect(await s.size({ root, path: 'packs' })).toEqual({ ok: true, value: { size: null } });
    expect(await s.remove({ root, path: 'packs/ab/ab12.pk' })).toEqual({ ok: true, value: {} });
    expect(await s.remove({ root, path: 'packs/ab/ab12.pk' })).toEqual({ ok: true, value: {} });
    // No temp file is left beside the written ones.
    expect(await readdir(root)).toEqual(['packs', 'repo.hdr']);
  });

  it('accepts a folder only after handing it out: picked in the dialog, or a listed drive', async () => {
    const s = service();
    const picked = path.join(dir, 'picked');
    expect(await s.write({ root: picked, path: 'a', data: bytes('x') })).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(await s.choose(owner)).toEqual({ ok: true, value: { path: picked } });
    expect(await s.write({ root: picked, path: 'a', data: bytes('x') })).toEqual({ ok: true, value: {} });
    const usb = path.join(dir, 'usb', 'FapiaoDesk-Backup');
    expect((await s.list({ root: usb, dir: '' })).ok).toBe(false);
    expect((await s.listDrives()).drives.map((d) => d.backupPath)).toEqual([usb]);
    expect(await s.write({ root: usb, path: 'repo.hdr', data: bytes('h') })).toEqual({ ok: true, value: {} });
    expect(await readFile(path.join(usb, 'repo.hdr'), 'utf8')).toBe('h');
  });

  it('answers cancelled when the dialog is closed', async () => {
    const s = service({ showFolderDialog: () => Promise.resolve({ canceled: true, filePaths: [] }) });
    expect(await s.choose(owner)).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it('refuses paths that leave the folder, also through a symlink', async () => {
    const s = service();
    const root = s.localFolder().path;
    await mkdir(root, { recursive: true });
    await mkdir(path.join(dir, 'outside'));
    await writeFile(path.join(dir, 'outside', 'secret'), 'secret');
    await symlink(path.join(dir, 'outside'), path.join(root, 'link'));
    expect(await s.read({ root, path: 'link/secret' })).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(await s.write({ root, path: 'link/new', data: bytes('x') })).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    expect(await s.read({ root, path: '../outside/secret' })).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
    await expect(readdir(path.join(dir, 'outside'))).resolves.toEqual(['secret']);
  });

  it('reports a write into a folder that cannot be created as an error value', async () => {
    const s = service();
    const root = s.localFolder().path;
    await mkdir(path.dirname(root), { recursive: true });
    await writeFile(root, 'a file where the folder should be');
    expect(await s.write({ root, path: 'repo.hdr', data: bytes('x') })).toMatchObject({ ok: false, error: { kind: 'io' } });
  });
});
