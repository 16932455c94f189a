import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDesktopApiImpl, type DesktopApiDeps } from './desktop-api-impl';
import type { ScanFolderService } from './scan-folder-service';
import { createLocalSecrets } from './local-secrets';
import { createBackupService } from './backup-service';
import { err, ok } from '../../shared/domain/result';
import { LOCAL_BACKUP_ROOT } from '../../shared/ipc';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'fapiao-impl-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const owner = { id: 7 } as unknown as WebContents;
const event = { sender: owner } as unknown as IpcMainInvokeEvent;

const idle = { watching: false, path: null, tooLarge: [] };

function fakeScanFolder(): ScanFolderService {
  return {
    choose: vi.fn(() => Promise.resolve({ ok: true as const, value: { path: '/scans' } })),
    start: vi.fn(() => Promise.resolve({ ok: true as const, value: { ...idle, watching: true, path: '/scans' } })),
    stop: vi.fn(() => Promise.resolve(idle)),
    poll: vi.fn(() => Promise.resolve({ files: [], status: idle })),
    ack: vi.fn(() => Promise.resolve({ ok: true as const, value: { movedTo: '/scans/已导入/a.pdf' } })),
    resume: vi.fn(() => Promise.resolve()),
    dispose: vi.fn(() => Promise.resolve()),
  };
}

function deps(overrides: Partial<DesktopApiDeps> = {}): DesktopApiDeps {
  return {
    appInfo: () => ({ name: 'Fapiao Desk', version: '0.1.0', platform: 'linux', isPackaged: false }),
    defaultSaveDir: () => '/home/clerk/Documents',
    showSaveDialog: () => Promise.resolve({ canceled: true, filePath: '' }),
    showOpenDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
    scanFolder: fakeScanFolder(),
    backup: createBackupService({ userDataDir: dir, showFolderDialog: () => Promise.resolve({ canceled: true, filePaths: [] }), listDrives: () => Promise.resolve([]) }),
    secrets: createLocalSecrets(dir, { available: () => false, encrypt: () => new Uint8Array(), decrypt: () => '' }),
    pins: { probe: vi.fn(() => Promise.resolve(err({ kind: 'unreachable' as const, message: 'm' }))), pin: vi.fn(() => Promise.resolve(ok({}))) },
    ...overrides,
  };
}

describe('getAppInfo', () => {
  it('answers the app facts', async () => {
    await expect(createDesktopApiImpl(deps()).getAppInfo(undefined, event)).resolves.toMatchObject({
      ok: true, value: { name: 'Fapiao Desk', version: '0.1.0' },
    });
  });
});

describe('saveFile', () => {
  it('proposes the name in Documents with the filters, parented to the caller, and writes the bytes', async () => {
    const target = path.join(dir, 'export.xlsx');
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: false, filePath: target }));
    const filters = [{ name: 'Excel', extensions: ['xlsx'] }];
    const reply = await createDesktopApiImpl(deps({ showSaveDialog })).saveFile(
      { suggestedName: 'export.xlsx', data: new Uint8Array([80, 75]), filters }, event,
    );
    expect(reply).toEqual({ ok: true, value: { path: target } });
    expect(showSaveDialog).toHaveBeenCalledWith(owner, { defaultPath: path.join('/home/clerk/Documents', 'export.xlsx'), filters });
    expect(new Uint8Array(await readFile(target))).toEqual(new Uint8Array([80, 75]));
  });

  it('passes no filters key when none was asked for', async () => {
    const showSaveDialog = vi.fn(() => Promise.resolve({ canceled: true, filePath: '' }));
    await createDesktopApiImpl(deps({ showSaveDialog })).saveFile({ suggestedName: 'a.txt', data: new Uint8Array() }, event);
    expect(showSaveDialog).toHaveBeenCalledWith(owner, { defaultPath: path.join('/home/clerk/Documents', 'a.txt') });
  });

  it('answers cancelled when the dialog is closed', async () => {
    const reply = await createDesktopApiImpl(deps()).saveFile({ suggestedName: 'a.txt', data: new Uint8Array() }, event);
    expect(reply).toEqual({ ok: false, error: { kind: 'cancelled', message: 'save dialog closed' } });
  });

  it('answers io when the write fails', async () => {
    const showSaveDialog = () => Promise.resolve({ canceled: false, filePath: path.join(dir, 'no-such-dir', 'a.txt') });
    const reply = await createDesktopApiImpl(deps({ showSaveDialog })).saveFile({ suggestedName: 'a.txt', data: new Uint8Array() }, event);
    expect(reply).toMatchObject({ ok: false, error: { kind: 'io' } });
  });
});

describe('openFiles', () => {
  it('returns each picked file by base name with its bytes', async () => {
    const a = path.join(dir, '发票1.ofd');
    const b = path.join(dir, 'scan.png');
    await writeFile(a, new Uint8Array([1]));
    await writeFile(b, new Uint8Array([2, 3]));
    const showOpenDialog = vi.fn(() => Promise.resolve({ canceled: false, filePaths: [a, b] }));
    const reply = await createDesktopApiImpl(deps({ showOpenDialog })).openFiles({ multiple: true }, event);
    expect(reply).toEqual({
      ok: true,
      value: { files: [{ name: '发票1.ofd', data: new Uint8Array([1]) }, { name: 'scan.png', data: new Uint8Array([2, 3]) }] },
    });
    expect(showOpenDialog).toHaveBeenCalledWith(owner, { multiple: true });
  });

  it('answers cancelled, io and too-large as values', async () => {
    const big = path.join(dir, 'big.pdf');
    await writeFile(big, new Uint8Array(11));
    const pick = (filePaths: string[]) => () => Promise.resolve({ canceled: false, filePaths });

    const cancelled = await createDesktopApiImpl(deps()).openFiles({ multiple: false }, event);
    expect(cancelled).toMatchObject({ ok: false, error: { kind: 'cancelled' } });

    const missing = await createDesktopApiImpl(deps({ showOpenDialog: pick([path.join(dir, 'gone.pdf')]) })).openFiles({ multiple: false }, event);
    expect(missing).toMatchObject({ ok: false, error: { kind: 'io' } });

    const tooLarge = await createDesktopApiImpl(deps({ showOpenDialog: pick([big]), maxOpenFileBytes: 10 })).openFiles({ multiple: false }, event);
    expect(tooLarge).toMatchObject({ ok: false, error: { kind: 'too-large', message: 'big.pdf is 11 bytes; the limit is 10' } });
  });
});

describe('scan folder methods', () => {
  it('delegate to the scan folder service, parenting the dialog to the caller and wrapping plain values', async () => {
    const scanFolder = fakeScanFolder();
    const impl = createDesktopApiImpl(deps({ scanFolder }));
    expect(await impl.chooseScanFolder(undefined, event)).toEqual({ ok: true, value: { path: '/scans' } });
    expect(scanFolder.choose).toHaveBeenCalledWith(owner);
    expect(await impl.startScanFolder({ path: '/scans' }, event)).toMatchObject({ ok: true, value: { watching: true } });
    expect(await impl.pollScanFolder(undefined, event)).toEqual({ ok: true, value: { files: [], status: idle } });
    expect(await impl.ackScanFile({ id: '1', outcome: 'imported' }, event)).toMatchObject({ ok: true });
    expect(scanFolder.ack).toHaveBeenCalledWith({ id: '1', outcome: 'imported' });
    expect(await impl.stopScanFolder(undefined, event)).toEqual({ ok: true, value: idle });
  });
});

describe('paths the renderer did not choose', () => {
  it('app facts carry no path', async () => {
    const reply = await createDesktopApiImpl(deps()).getAppInfo(undefined, event);
    expect(JSON.stringify(reply)).not.toContain('/');
  });

  it('the app backup folder is an opaque root that reads and writes inside userData/backups', async () => {
    const impl = createDesktopApiImpl(deps());
    expect(await impl.localBackupFolder(undefined, event)).toEqual({ ok: true, value: { path: LOCAL_BACKUP_ROOT } });
    expect(await impl.backupWrite({ root: LOCAL_BACKUP_ROOT, path: 'a/b.bin', data: new Uint8Array([7]) }, event)).toEqual({ ok: true, value: {} });
    expect(new Uint8Array(await readFile(path.join(dir, 'backups', 'a', 'b.bin')))).toEqual(new Uint8Array([7]));
    expect(await impl.backupList({ root: LOCAL_BACKUP_ROOT, dir: 'a' }, event)).toEqual({ ok: true, value: { names: ['b.bin'] } });
    expect(await impl.backupRead({ root: 'app:elsewhere', path: 'a' }, event)).toMatchObject({ ok: false, error: { kind: 'not-allowed' } });
  });

  it('a drive is shown by its name and reached through an opaque root', async () => {
    const stick = path.join(dir, 'media', 'clerk', 'KINGSTON');
    const backupPath = path.join(stick, '发票台账备份');
    const backup = createBackupService({
      userDataDir: dir, showFolderDialog: () => Promise.resolve({ canceled: true, filePaths: [] }),
      listDrives: () => Promise.resolve([{ mount: stick, label: 'KINGSTON', backupPath, freeBytes: 1, totalBytes: 2 }]),
    });
    const impl = createDesktopApiImpl(deps({ backup }));
    const listed = await impl.listBackupDrives(undefined, event);
    expect(listed).toEqual({ ok: true, value: { drives: [{ mount: 'KINGSTON', label: 'KINGSTON', backupPath: 'drive:1', freeBytes: 1, totalBytes: 2 }] } });
    expect(JSON.stringify(listed)).not.toContain(dir);
    expect(await impl.backupWrite({ root: 'drive:1', path: 'x.bin', data: new Uint8Array([1]) }, event)).toEqual({ ok: true, value: {} });
    expect(new Uint8Array(await readFile(path.join(backupPath, 'x.bin')))).toEqual(new Uint8Array([1]));
    expect((await impl.listBackupDrives(undefined, event))).toMatchObject({ ok: true, value: { drives: [{ backupPath: 'drive:1' }] } });
  });
});

describe('server certificate methods', () => {
  it('delegate to the pins', async () => {
    const d = deps();
    const impl = createDesktopApiImpl(d);
    expect(await impl.probeServerCertificate({ url: 'https://10.0.0.2:8787' }, event)).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(d.pins.probe).toHaveBeenCalledWith({ url: 'https://10.0.0.2:8787' });
    const fingerprint = Array.from({ length: 32 }, () => 'AB').join(':');
    expect(await impl.pinServerCertificate({ origin: 'https://10.0.0.2:8787', fingerprint }, event)).toEqual({ ok: true, value: {} });
  });
});
