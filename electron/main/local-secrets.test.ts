import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalSecrets, type OsEncryption } from './local-secrets';

let dir = '';
beforeEach(async () => { dir = await mkdtemp(path.join(tmpdir(), 'fapiao-secrets-')); });
afterEach(async () => { await rm(dir, { recursive: true, force: true }); });

/** A stand-in for safeStorage: XOR with a key only "this OS account" knows. */
function fakeOs(key = 0x5a, available = true): OsEncryption {
  return {
    available: () => available,
    encrypt: (plain) => Uint8Array.from(Buffer.from(plain, 'utf8'), (b) => b ^ key),
    decrypt: (sealed) => {
      const plain = Buffer.from(Uint8Array.from(sealed, (b) => b ^ key)).toString('utf8');
      if (!plain.startsWith('pw:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString');
      return plain;
    },
  };
}

describe('local secrets', () => {
  it('keep a secret sealed by the OS, never as plain text on disk, and forget it on request', async () => {
    const secrets = createLocalSecrets(dir, fakeOs());
    expect(await secrets.get('local-backup-password')).toEqual({ ok: true, value: { value: null } });
    expect(await secrets.set('local-backup-password', 'pw:青岛-2026')).toEqual({ ok: true, value: {} });
    const onDisk = await readFile(path.join(dir, 'secrets', 'local-backup-password.bin'));
    expect(onDisk.toString('utf8')).not.toContain('青岛');
    expect(await secrets.get('local-backup-password')).toEqual({ ok: true, value: { value: 'pw:青岛-2026' } });
    expect(await secrets.set('local-backup-password', null)).toEqual({ ok: true, value: {} });
    expect(await secrets.get('local-backup-password')).toEqual({ ok: true, value: { value: null } });
  });

  it('store nothing where the OS offers no encryption, and say so', async () => {
    const secrets = createLocalSecrets(dir, fakeOs(0x5a, false));
    expect(await secrets.set('local-backup-password', 'pw:x')).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
    expect(await secrets.get('local-backup-password')).toMatchObject({ ok: false, error: { kind: 'unavailable' } });
  });

  it('keep each secret apart (the device token beside the backup password) and never name userData in an error', async () => {
    const secrets = createLocalSecrets(dir, fakeOs());
    await secrets.set('local-backup-password', 'pw:backup');
    await secrets.set('sync-token', 'pw:token-0123456789');
    expect(await secrets.get('sync-token')).toEqual({ ok: true, value: { value: 'pw:token-0123456789' } });
    expect(await secrets.get('local-backup-password')).toEqual({ ok: true, value: { value: 'pw:backup' } });
    expect((await readFile(path.join(dir, 'secrets', 'sync-token.bin'))).toString('utf8')).not.toContain('token');
    await writeFile(path.join(dir, 'blocker'), 'a file where a folder should be');
    const broken = await createLocalSecrets(path.join(dir, 'blocker'), fakeOs()).set('sync-token', 'pw:x');
    expect(broken).toMatchObject({ ok: false, error: { kind: 'io' } });
    if (!broken.ok) expect(broken.error.message).not.toContain(dir);
  });

  it('a secret sealed under another OS account reads as unreadable, not as a wrong value', async () => {
    await createLocalSecrets(dir, fakeOs(0x5a)).set('local-backup-password', 'pw:mine');
    expect(await createLocalSecrets(dir, fakeOs(0x33)).get('local-backup-password')).toMatchObject({ ok: false, error: { kind: 'unreadable' } });
  });
});
