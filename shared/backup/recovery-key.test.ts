import { describe, expect, it } from 'vitest';
import {
  changePassword, createSnapshot, hasRecoveryKey, initRepository, newRecoveryKey, openRepository, parseRecoveryKey, restoreSnapshot,
  setRecoveryKey, TEST_ONLY_WEAK_KDF,
} from './index';
import { encodeHeader, type HeaderBody } from './header';
import { MemoryRepoStore } from './memory-store';
import { MemoryExport, memoryExport } from './test-export';

const weak = { kdf: TEST_ONLY_WEAK_KDF, allowWeakKdf: true } as const;
const open = { allowWeakKdf: true } as const;

async function restoredEqual(store: MemoryRepoStore, secret: string, source: MemoryExport): Promise<boolean> {
  const repo = await openRepository(store, secret, open);
  if (!repo.ok) return false;
  const sink = new MemoryExport();
  const r = await restoreSnapshot(repo.value, 'latest', sink);
  return r.ok && sink.files.size === source.files.size && [...source.files].every(([p, b]) => Buffer.compare(sink.files.get(p) ?? new Uint8Array(), b) === 0);
}

async function repoWithKey(): Promise<{ store: MemoryRepoStore; key: string; source: MemoryExport }> {
  const store = new MemoryRepoStore();
  const key = newRecoveryKey();
  const repo = await initRepository(store, '记得住的密码 2026', { ...weak, recoveryKey: key });
  if (!repo.ok) throw new Error(repo.error.kind);
  const source = await memoryExport([{ id: 'a', seller: { name: '北京华信' } }, { id: 'b', total: 100 }], [new Uint8Array([1, 2, 3])]);
  expect((await createSnapshot(repo.value, source)).ok).toBe(true);
  return { store, key, source };
}

function header(store: MemoryRepoStore): HeaderBody {
  return JSON.parse(new TextDecoder().decode(store.files.get('repo.hdr')).split('\n')[0] ?? '') as HeaderBody;
}

describe('recovery keys', () => {
  it('look like 6 groups of 5 symbols without look-alikes, and differ every time', () => {
    const a = newRecoveryKey();
    expect(a).toMatch(/^([A-HJKMNP-Z2-9]{5}-){5}[A-HJKMNP-Z2-9]{5}$/);
    expect(newRecoveryKey()).not.toBe(a);
  });

  it('skip biased bytes, so every symbol is equally likely', () => {
    expect(newRecoveryKey((n) => new Uint8Array(n).fill(250).fill(0, 16))).toBe('AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA');
  });

  it('are read back forgivingly (case, spaces, dashes) but never guessed', () => {
    const k = 'ABCDE-FGHJK-MNPQR-STUVW-XYZ23-45678';
    expect(parseRecoveryKey(' abcde fghjk-mnpqr stuvw xyz23 45678 ')).toBe(k);
    expect(parseRecoveryKey('ＡＢＣＤＥ-FGHJK-MNPQR-STUVW-XYZ23-45678')).toBe(k);
    expect(parseRecoveryKey('ABCDE-FGHJK-MNPQR-STUVW-XYZ23-4567')).toBeNull();
    expect(parseRecoveryKey('OBCDE-FGHJK-MNPQR-STUVW-XYZ23-45678')).toBeNull();
    expect(parseRecoveryKey('correct horse battery staple')).toBeNull();
  });

  it('open the repository instead of the password, and say so', async () => {
    const { store, key, source } = await repoWithKey();
    const byPassword = await openRepository(store, '记得住的密码 2026', open);
    expect(byPassword.ok && byPassword.value.openedWith).toBe('password');
    const byKey = await openRepository(store, key.toLowerCase().replace(/-/g, ' '), open);
    expect(byKey.ok && byKey.value.openedWith).toBe('recovery-key');
    expect(await restoredEqual(store, key, source)).toBe(true);
    expect(await hasRecoveryKey(store)).toEqual({ ok: true, value: true });
  });

  it('a wrong key, or a key of another repository, is a wrong password', async () => {
    const { store } = await repoWithKey();
    const other = await repoWithKey();
    expect(await openRepository(store, newRecoveryKey(), open)).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    expect(await openRepository(store, other.key, open)).toEqual({ ok: false, error: { kind: 'wrong-password' } });
  });

  it('a forgotten password is replaced with the key; the old password stops working, the key keeps working', async () => {
    const { store, key, source } = await repoWithKey();
    expect(await changePassword(store, key, '新的密码 Beijing 2027', weak)).toEqual({ ok: true, value: undefined });
    expect(await openRepository(store, '记得住的密码 2026', open)).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    expect(await restoredEqual(store, '新的密码 Beijing 2027', source)).toBe(true);
    expect(await restoredEqual(store, key, source)).toBe(true);
  });

  it('changing the password needs the old one (or the key)', async () => {
    const { store } = await repoWithKey();
    expect(await changePassword(store, 'guess', 'mine now', weak)).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    expect((await openRepository(store, '记得住的密码 2026', open)).ok).toBe(true);
  });

  it('can be added later, and a new key replaces the old one', async () => {
    const store = new MemoryRepoStore();
    await initRepository(store, 'pw without key', weak);
    expect(await hasRecoveryKey(store)).toEqual({ ok: true, value: false });
    const first = newRecoveryKey();
    expect((await setRecoveryKey(store, 'pw without key', first, open)).ok).toBe(true);
    expect((await openRepository(store, first, open)).ok).toBe(true);
    const second = newRecoveryKey();
    expect((await setRecoveryKey(store, first, second, open)).ok).toBe(true);
    expect(await openRepository(store, first, open)).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    expect((await openRepository(store, second, open)).ok).toBe(true);
  });

  it('an edited recovery wrap (hash line recomputed) fails closed: the key is refused, the password still opens', async () => {
    const { store, key } = await repoWithKey();
    const body = header(store);
    if (!body.recovery) throw new Error('no recovery wrap');
    const w = body.recovery.wrapped;
    store.files.set('repo.hdr', await encodeHeader({ ...body, recovery: { ...body.recovery, wrapped: (w[0] === 'a' ? 'b' : 'a') + w.slice(1) } }));
    expect(await openRepository(store, key, open)).toEqual({ ok: false, error: { kind: 'wrong-password' } });
    expect((await openRepository(store, '记得住的密码 2026', open)).ok).toBe(true);
  });
});
