import { describe, expect, it } from 'vitest';
import {
  backupExitCode, createSnapshot, initRepository, openRepository, restoreSnapshot, TEST_ONLY_WEAK_KDF, verifyRepository,
  type BackupError, type Repository,
} from './index';
import { encodeHeader, type HeaderBody } from './header';
import { MemoryRepoStore } from './memory-store';
import type { RepoStore } from './repo-store';
import { MemoryExport, memoryExport } from './test-export';

const PASSWORD = 'correct horse 电池';
const weak = { kdf: TEST_ONLY_WEAK_KDF, allowWeakKdf: true } as const;

const rows = (n: number, tag = '') => Array.from({ length: n }, (_, i) => ({ id: `inv-${String(i).padStart(6, '0')}`, status: `ok${tag}`, note: 'n'.repeat(300) }));
const scan = (size: number, fill: number) => new Uint8Array(size).fill(fill).map((v, i) => (v + i * 31) & 255);

async function repoWithTwoSnapshots(): Promise<{ store: MemoryRepoStore; repo: Repository; first: string; second: string; newPacks: string[] }> {
  const store = new MemoryRepoStore();
  const init = await initRepository(store, PASSWORD, weak);
  if (!init.ok) throw new Error(init.error.kind);
  const first = await createSnapshot(init.value, await memoryExport(rows(600), [scan(1_500_000, 1)]));
  if (!first.ok) throw new Error(first.error.kind);
  const before = new Set(store.files.keys());
  const second = await createSnapshot(init.value, await memoryExport(rows(600, '!'), [scan(1_500_000, 1), scan(300_000, 9)]));
  if (!second.ok) throw new Error(second.error.kind);
  const newPacks = [...store.files.keys()].filter((p) => p.startsWith('packs/') && !before.has(p));
  return { store, repo: init.value, first: first.value.id, second: second.value.id, newPacks };
}

async function failure(result: Promise<{ ok: true; value: unknown } | { ok: false; error: BackupError }>): Promise<BackupError> {
  const r = await result;
  if (r.ok) throw new Error('expected a failure');
  return r.error;
}

const verify = (store: RepoStore, level: 0 | 1 | 2) => verifyRepository(store, { level, password: PASSWORD, allowWeakKdf: true });

function flip(store: MemoryRepoStore, path: string, at: (length: number) => number): void {
  const bytes = store.files.get(path);
  if (!bytes) throw new Error(`no ${path}`);
  const i = at(bytes.length);
  bytes[i] = (bytes[i] ?? 0) ^ 0x20;
}

describe('backup faults', () => {
  it('a healthy repository verifies at every level', async () => {
    const { store } = await repoWithTwoSnapshots();
    for (const level of [0, 1, 2] as const) {
      const r = await verify(store, level);
      expect(r.ok, `level ${String(level)}`).toBe(true);
    }
  });

  it('levels 1-2 with the repository the app already opened need no password and find the same damage', async () => {
    const { store, repo, newPacks } = await repoWithTwoSnapshots();
    expect((await verifyRepository(store, { level: 2, repository: repo })).ok).toBe(true);
    const pack = newPacks[0] ?? '';
    flip(store, pack, (n) => Math.floor(n / 2));
    const e = await failure(verifyRepository(store, { level: 2, repository: repo }));
    expect(e).toMatchObject({ kind: 'damaged' });
    expect(e.kind === 'damaged' && e.files).toContainEqual({ path: pack, problem: 'undecryptable' });
    // Another repository's keys are not used on this store: without a password that is refused.
    const other = await repoWithTwoSnapshots();
    expect(await failure(verifyRepository(store, { level: 1, repository: other.repo, allowWeakKdf: true }))).toEqual({ kind: 'wrong-password' });
  });

  it('wrong password: its own kind and exit status 2', async () => {
    const { store } = await repoWithTwoSnapshots();
    const e = await failure(openRepository(store, 'wrong', { allowWeakKdf: true }));
    expect(e.kind).toBe('wrong-password');
    expect(backupExitCode(e)).toBe(2);
    expect(await failure(openRepository(store, '', { allowWeakKdf: true }))).toEqual({ kind: 'wrong-password' });
  });

  it('a flipped byte in a pack chunk names the records or attachment and keeps the older snapshot restorable', async () => {
    const { store, repo, first, newPacks } = await repoWithTwoSnapshots();
    const pack = newPacks[0] ?? '';
    flip(store, pack, (n) => Math.floor(n / 2));
    expect(await failure(verify(store, 0))).toMatchObject({ kind: 'damaged', files: [{ path: pack, problem: 'hash-mismatch' }] });
    const e = await failure(verify(store, 2));
    if (e.kind !== 'damaged') throw new Error(e.kind);
    expect(e.files).toContainEqual({ path: pack, problem: 'undecryptable' });
    expect(e.records.length + e.attachments.length).toBeGreaterThan(0);
    expect(e.intactSnapshots).toContain(first);
    expect(backupExitCode(e)).toBe(3);
    const restored = await restoreSnapshot(repo, first, new MemoryExport());
    expect(restored.ok).toBe(true);
    const latest = await failure(restoreSnapshot(repo, 'latest', new MemoryExport()));
    expect(latest.kind).toBe('damaged');
  });

  it('level 2 authenticates the bytes between chunks too: a flip in a pack index is found, and no snapshot loses data', async () => {
    const { store, first, second, newPacks } = await repoWithTwoSnapshots();
    const pack = newPacks[0] ?? '';
    flip(store, pack, (n) => n - 20);
    const e = await failure(verify(store, 2));
    expect(e).toMatchObject({ kind: 'damaged', files: [{ path: pack, problem: 'undecryptable' }], records: [], attachments: [] });
    expect(e.kind === 'damaged' && [...e.intactSnapshots].sort()).toEqual([first, second].sort());
  });

  it('a flipped byte in the header is damage, not a wrong password', async () => {
    const { store } = await repoWithTwoSnapshots();
    flip(store, 'repo.hdr', () => 40);
    const e = await failure(openRepository(store, PASSWORD, { allowWeakKdf: true }));
    expect(e).toMatchObject({ kind: 'damaged', files: [{ path: 'repo.hdr' }] });
    expect(backupExitCode(await failure(verify(store, 0)))).toBe(3);
  });

  it('a flipped byte in a snapshot manifest is found at level 0 and the other snapshot still restores', async () => {
    const { store, repo, first, second } = await repoWithTwoSnapshots();
    const path = [...store.files.keys()].find((p) => p.includes(second)) ?? '';
    flip(store, path, (n) => n - 100);
    const e = await failure(verify(store, 0));
    expect(e).toMatchObject({ kind: 'damaged', files: [{ path, problem: 'hash-mismatch' }] });
    const latest = await restoreSnapshot(repo, 'latest', new MemoryExport());
    expect(latest.ok && latest.value.id).toBe(first);
  });

  it('a truncated pack and a missing pack are named', async () => {
    const { store, newPacks } = await repoWithTwoSnapshots();
    const [a = '', b = ''] = newPacks.length > 1 ? newPacks : [...store.files.keys()].filter((p) => p.startsWith('packs/'));
    store.files.set(a, store.files.get(a)?.subarray(0, 1000) ?? new Uint8Array());
    store.files.delete(b);
    const e = await failure(verify(store, 0));
    if (e.kind !== 'damaged') throw new Error(e.kind);
    expect(e.files).toEqual(expect.arrayContaining([{ path: a, problem: 'truncated' }, { path: b, problem: 'missing' }]));
    const e2 = await failure(verify(store, 2));
    if (e2.kind !== 'damaged') throw new Error(e2.kind);
    expect(e2.files).toEqual(expect.arrayContaining([{ path: a, problem: 'truncated' }, { path: b, problem: 'missing' }]));
    expect(e2.records.length + e2.attachments.length).toBeGreaterThan(0);
  });

  it('packs swapped between two repositories are reported as foreign and never decrypt', async () => {
    const one = await repoWithTwoSnapshots();
    const two = await repoWithTwoSnapshots();
    const mine = one.newPacks[0] ?? '';
    const theirs = two.store.files.get(two.newPacks[0] ?? '') ?? new Uint8Array();
    one.store.files.set(mine, theirs);
    const e = await failure(verify(one.store, 2));
    if (e.kind !== 'damaged') throw new Error(e.kind);
    expect(e.files).toContainEqual({ path: mine, problem: 'foreign' });
    expect(e.records.length + e.attachments.length).toBeGreaterThan(0);
  });

  it('a newer format version: its own kind and exit status 4', async () => {
    const { store } = await repoWithTwoSnapshots();
    const body = JSON.parse(new TextDecoder().decode(store.files.get('repo.hdr')).split('\n')[0] ?? '') as HeaderBody;
    store.files.set('repo.hdr', await encodeHeader({ ...body, version: 2 } as unknown as HeaderBody));
    const e = await failure(openRepository(store, PASSWORD, { allowWeakKdf: true }));
    expect(e).toEqual({ kind: 'unsupported-version', found: 2, supported: 1 });
    expect(backupExitCode(e)).toBe(4);
    expect((await failure(verify(store, 0))).kind).toBe('unsupported-version');
  });

  it('KDF parameters of 4 GiB are refused before Argon2 runs (exit 4); weak ones need the test option', async () => {
    const { store } = await repoWithTwoSnapshots();
    const body = JSON.parse(new TextDecoder().decode(store.files.get('repo.hdr')).split('\n')[0] ?? '') as HeaderBody;
    store.files.set('repo.hdr', await encodeHeader({ ...body, kdf: { ...body.kdf, memoryKiB: 4 * 1024 * 1024 } }));
    const e = await failure(openRepository(store, PASSWORD, { allowWeakKdf: true }));
    expect(e.kind).toBe('unsafe-kdf');
    expect(backupExitCode(e)).toBe(4);
    const fresh = new MemoryRepoStore();
    expect((await failure(initRepository(fresh, PASSWORD, { kdf: TEST_ONLY_WEAK_KDF }))).kind).toBe('unsafe-kdf');
    const made = await initRepository(fresh, PASSWORD, weak);
    expect(made.ok).toBe(true);
    expect((await failure(openRepository(fresh, PASSWORD))).kind).toBe('unsafe-kdf');
  });

  it('a folder that is not a repository', async () => {
    const store = new MemoryRepoStore();
    await store.writeAtomic('notes.txt', new Uint8Array([1, 2, 3]));
    const e = await failure(openRepository(store, PASSWORD));
    expect(e.kind).toBe('not-a-repository');
    expect(backupExitCode(e)).toBe(1);
    await store.writeAtomic('repo.hdr', new TextEncoder().encode('hello\n'));
    expect((await failure(verify(store, 0))).kind).toBe('not-a-repository');
  });

  it('a full disk midway: no half snapshot becomes latest and earlier snapshots stay intact', async () => {
    const { store, repo, second } = await repoWithTwoSnapshots();
    let writes = 0;
    const full: RepoStore = {
      read: (p) => store.read(p), list: (d) => store.list(d), size: (p) => store.size(p), remove: (p) => store.remove(p),
      writeAtomic: (p, b) => (++writes > 1 ? Promise.reject(new Error('ENOSPC: no space left on device')) : store.writeAtomic(p, b)),
    };
    const big = await memoryExport(rows(600, '?'), [scan(5_000_000, 3), scan(5_000_000, 4)]);
    const e = await failure(createSnapshot({ ...repo, store: full }, big));
    expect(e.kind).toBe('io');
    const latest = await restoreSnapshot(repo, 'latest', new MemoryExport());
    expect(latest.ok && latest.value.id).toBe(second);
    const report = await verify(store, 2);
    expect(report.ok && report.value.unreferencedPacks.length).toBeGreaterThan(0);
  });
});
