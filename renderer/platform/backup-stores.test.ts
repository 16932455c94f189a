import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../shared/ipc';
import { backupPlatform } from './backup-targets';
import { DesktopStoreError, desktopStore } from './desktop-store';
import { directoryStore, type DirHandleLike, type FileHandleLike } from './fs-access-store';

function domError(name: string): Error {
  const e = new Error(name);
  e.name = name;
  return e;
}

/** A small in-memory FileSystemDirectoryHandle: files commit on close(), like Chromium's swap files. */
class FakeDir implements DirHandleLike {
  readonly kind = 'directory';
  readonly entries = new Map<string, FakeDir | { bytes: Uint8Array }>();
  failNextWrite = false;
  constructor(readonly name: string) {}
  getDirectoryHandle(name: string, options?: { create?: boolean }): Promise<DirHandleLike> {
    const e = this.entries.get(name);
    if (e instanceof FakeDir) return Promise.resolve(e);
    if (e) return Promise.reject(domError('TypeMismatchError'));
    if (!options?.create) return Promise.reject(domError('NotFoundError'));
    const dir = new FakeDir(name);
    dir.failNextWrite = this.failNextWrite;
    this.entries.set(name, dir);
    return Promise.resolve(dir);
  }
  getFileHandle(name: string, options?: { create?: boolean }): Promise<FileHandleLike> {
    let e = this.entries.get(name);
    if (e instanceof FakeDir) return Promise.reject(domError('TypeMismatchError'));
    if (!e) {
      if (!options?.create) return Promise.reject(domError('NotFoundError'));
      e = { bytes: new Uint8Array() };
      this.entries.set(name, e);
    }
    const file = e;
    return Promise.resolve({
      kind: 'file',
      getFile: () => Promise.resolve(new Blob([file.bytes as Uint8Array<ArrayBuffer>])),
      createWritable: () => {
        let pending: Uint8Array | null = null;
        return Promise.resolve({
          write: (data: Uint8Array) => (this.failNextWrite ? Promise.reject(domError('QuotaExceededError')) : ((pending = data), Promise.resolve())),
          close: () => { if (pending) file.bytes = pending; return Promise.resolve(); },
          abort: () => { pending = null; return Promise.resolve(); },
        });
      },
    });
  }
  removeEntry(name: string): Promise<void> {
    return this.entries.delete(name) ? Promise.resolve() : Promise.reject(domError('NotFoundError'));
  }
  async *keys(): AsyncIterable<string> {
    for (const k of this.entries.keys()) yield await Promise.resolve(k);
  }
}

const text = (s: string) => new TextEncoder().encode(s);

describe('directoryStore (File System Access / OPFS)', () => {
  it('writes into nested folders, reads, lists sorted without swap files, sizes and removes', async () => {
    const root = new FakeDir('usb');
    const store = directoryStore(root);
    expect(await store.read('repo.hdr')).toBeNull();
    expect(await store.list('packs')).toEqual([]);
    await store.writeAtomic('packs/ab/ab12.pk', text('pack'));
    await store.writeAtomic('repo.hdr', text('h1'));
    await store.writeAtomic('repo.hdr', text('h2'));
    root.entries.set('repo.hdr.crswap', { bytes: text('half') });
    expect(new TextDecoder().decode((await store.read('repo.hdr'))!)).toBe('h2');
    expect(await store.list('')).toEqual(['packs', 'repo.hdr']);
    expect(await store.list('packs/ab')).toEqual(['ab12.pk']);
    expect(await store.size('packs/ab/ab12.pk')).toBe(4);
    expect(await store.size('packs')).toBeNull();
    await store.remove('packs/ab/ab12.pk');
    await store.remove('packs/ab/ab12.pk');
    expect(await store.list('packs/ab')).toEqual([]);
  });

  it('keeps the old file when a write fails (disk full), and reports the failure', async () => {
    const root = new FakeDir('usb');
    const store = directoryStore(root);
    await store.writeAtomic('repo.hdr', text('old'));
    root.failNextWrite = true;
    await expect(store.writeAtomic('repo.hdr', text('new'))).rejects.toThrow('QuotaExceededError');
    expect(new TextDecoder().decode((await store.read('repo.hdr'))!)).toBe('old');
  });
});

describe('desktopStore (Electron)', () => {
  it('maps each operation to one IPC call on its folder and throws refusals with their kind', async () => {
    const backupRead = vi.fn(() => Promise.resolve({ ok: true, value: { data: text('x') } }));
    const api = {
      backupRead,
      backupWrite: vi.fn(() => Promise.resolve({ ok: false, error: { kind: 'no-space', message: 'ENOSPC' } })),
      backupList: vi.fn(() => Promise.resolve({ ok: true, value: { names: ['a'] } })),
      backupSize: vi.fn(() => Promise.resolve({ ok: true, value: { size: null } })),
      backupRemove: vi.fn(() => Promise.resolve({ ok: true, value: {} })),
    } as unknown as DesktopApi;
    const store = desktopStore(api, '/media/u/FapiaoDesk-Backup');
    expect(await store.read('repo.hdr')).toEqual(text('x'));
    expect(backupRead).toHaveBeenCalledWith({ root: '/media/u/FapiaoDesk-Backup', path: 'repo.hdr' });
    expect(await store.list('')).toEqual(['a']);
    expect(await store.size('a')).toBeNull();
    await store.remove('a');
    const failure = await store.writeAtomic('repo.hdr', text('h')).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DesktopStoreError);
    expect((failure as DesktopStoreError).kind).toBe('no-space');
  });
});

describe('backupPlatform', () => {
  it('in a browser: no drives, the picked folder, the OPFS backups folder; a closed picker is no choice', async () => {
    const opfs = new FakeDir('');
    const picked = new FakeDir('发票备份');
    const win = {
      showDirectoryPicker: vi.fn().mockResolvedValueOnce(picked).mockRejectedValueOnce(domError('AbortError')),
      navigator: { storage: { getDirectory: () => Promise.resolve(opfs) } },
    } as unknown as Window;
    const p = backupPlatform(win);
    expect(p.host).toBe('browser');
    expect(await p.listDrives()).toEqual([]);
    const target = await p.pickFolder();
    expect(target?.label).toBe('发票备份');
    await target?.store.writeAtomic('repo.hdr', text('h'));
    expect(picked.entries.has('repo.hdr')).toBe(true);
    expect(await p.pickFolder()).toBeNull();
    const local = await p.localTarget();
    await local?.store.writeAtomic('repo.hdr', text('h'));
    expect(opfs.entries.get('backups')).toBeInstanceOf(FakeDir);
  });

  it('on the desktop: drives named by label and mount, each writing into its backup folder', async () => {
    const drive = { mount: 'E:\\', label: 'KINGSTON', backupPath: 'E:\\FapiaoDesk-Backup', freeBytes: 5, totalBytes: 9 };
    const desktop = {
      listBackupDrives: () => Promise.resolve({ ok: true, value: { drives: [drive] } }),
      backupSize: vi.fn(() => Promise.resolve({ ok: true, value: { size: 1 } })),
      chooseBackupFolder: () => Promise.resolve({ ok: false, error: { kind: 'cancelled', message: '' } }),
    };
    const p = backupPlatform({ desktop } as unknown as Window);
    const [usb] = await p.listDrives();
    expect(usb).toMatchObject({ kind: 'drive', label: 'KINGSTON (E:\\)', freeBytes: 5 });
    await usb?.store.size('repo.hdr');
    expect(desktop.backupSize).toHaveBeenCalledWith({ root: 'E:\\FapiaoDesk-Backup', path: 'repo.hdr' });
    expect(await p.pickFolder()).toBeNull();
  });
});
