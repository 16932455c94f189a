import { describe, expect, it } from 'vitest';
import { IPC_SCHEMAS } from './index';

describe('backup IPC schemas', () => {
  it.each(['repo.hdr', 'packs/ab/ab12.pk', 'snaps/3-0192.sn', 'attachments/' + 'a'.repeat(64), 'manifest.json', 'invoices.ndjson'])(
    'accepts the repository path %s', (path) => {
      expect(IPC_SCHEMAS.backupRead.args.safeParse({ root: '/media/clerk/U/FapiaoDesk-Backup', path }).success).toBe(true);
    },
  );

  it.each([
    ['parent', '../x'], ['inner parent', 'packs/../../x'], ['absolute', '/etc/passwd'], ['Windows drive', 'C:\\x'],
    ['backslash', 'packs\\x'], ['hidden temp', '.repo.hdr.tmp'], ['dot', '.'], ['empty', ''], ['trailing slash', 'packs/'],
    ['double slash', 'packs//x'], ['too deep', 'a/b/c/d/e/f/g/h/i'], ['non-ASCII', '备份.hdr'],
  ])('refuses a %s path', (_label, path) => {
    expect(IPC_SCHEMAS.backupRead.args.safeParse({ root: '/b', path }).success).toBe(false);
    expect(IPC_SCHEMAS.backupWrite.args.safeParse({ root: '/b', path, data: new Uint8Array() }).success).toBe(false);
  });

  it('lists the folder itself with "" but writes only named files, as binary data', () => {
    expect(IPC_SCHEMAS.backupList.args.safeParse({ root: '/b', dir: '' }).success).toBe(true);
    expect(IPC_SCHEMAS.backupList.args.safeParse({ root: '/b', dir: 'packs' }).success).toBe(true);
    expect(IPC_SCHEMAS.backupSize.args.safeParse({ root: '/b', path: '' }).success).toBe(false);
    expect(IPC_SCHEMAS.backupWrite.args.safeParse({ root: '/b', path: 'a', data: [1, 2] }).success).toBe(false);
    expect(IPC_SCHEMAS.backupRead.args.safeParse({ root: '', path: 'a' }).success).toBe(false);
    expect(IPC_SCHEMAS.listBackupDrives.args.safeParse(undefined).success).toBe(true);
  });

  it('parses replies: bytes or null, drives, and the store errors', () => {
    expect(IPC_SCHEMAS.backupRead.result.safeParse({ ok: true, value: { data: null } }).success).toBe(true);
    expect(IPC_SCHEMAS.backupRead.result.safeParse({ ok: true, value: { data: new Uint8Array(3) } }).success).toBe(true);
    expect(IPC_SCHEMAS.backupRead.result.safeParse({ ok: false, error: { kind: 'no-space', message: 'm' } }).success).toBe(true);
    expect(IPC_SCHEMAS.backupRead.result.safeParse({ ok: false, error: { kind: 'exploded', message: 'm' } }).success).toBe(false);
    const drive = { mount: 'E:\\', label: 'U', backupPath: 'E:\\FapiaoDesk-Backup', freeBytes: null, totalBytes: 5 };
    expect(IPC_SCHEMAS.listBackupDrives.result.safeParse({ ok: true, value: { drives: [drive] } }).success).toBe(true);
    expect(IPC_SCHEMAS.listBackupDrives.result.safeParse({ ok: true, value: { drives: [{ ...drive, backupPath: 1 }] } }).success).toBe(false);
  });
});
