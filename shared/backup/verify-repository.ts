/*
 * Read-only checks. Level 0 (no password): repo.hdr's hash line, every snapshot file's trailing SHA-256, and
 * every pack its snapshots list (present, right size, SHA-256 equal to its name; a pack whose header names
 * another repository is reported as foreign). Level 1 adds the password: snapshot manifests decrypt and agree
 * with their public pack lists, and every pack's encrypted index lists the chunks where the manifests say.
 * Level 2 authenticates every byte of every pack instead of hashing it (pack-check.ts: header, index, tiling,
 * every chunk decrypted), so damage is narrowed from packs to chunks and named as records and attachments;
 * snapshots that do not use a damaged chunk are reported as intact.
 */
import { err, ok } from '../domain/result';
import { bytesEqual, fromHex } from './bytes';
import { DamageLog } from './damage';
import { decodeHeader, HEADER_PATH } from './header';
import { packRepoId, readPackIndex } from './pack';
import { authenticatePack } from './pack-check';
import { openRepository, type Repository } from './repository';
import type { RepoStore } from './repo-store';
import { decodeSnapshot, PACKS_DIR, readSnapshotPublic, type Snapshot, type SnapshotPublic } from './snapshot-file';
import { snapshotFiles } from './snapshot-store';
import type { BackupResult, DamagedFile, ProgressOptions, VerifyLevel, VerifyReport } from './types';
import { sha256 } from './web-crypto';

/** Options of verifyRepository; levels 1 and 2 need the password or the repository already open. */
export interface VerifyOptions extends ProgressOptions {
  readonly level: VerifyLevel;
  readonly password?: string;
  /** The repository of this store, already open (the app's unlocked one): no second key derivation. */
  readonly repository?: Repository;
  /** Tests only: accept a header with weak KDF parameters. */
  readonly allowWeakKdf?: boolean;
}

/** Packs read and checked at once. */
const PACKS_IN_FLIGHT = 3;

/** What checking one pack found. */
interface PackOutcome {
  readonly length: number;
  readonly problems: readonly DamagedFile['problem'][];
  readonly badChunks: readonly string[];
}

interface SnapEntry {
  readonly id: string;
  readonly pub: SnapshotPublic;
  readonly snap: Snapshot | null;
}

/** Checks without writing anything; damage comes back as a 'damaged' error naming files, records and attachments. */
export async function verifyRepository(store: RepoStore, options: VerifyOptions): Promise<BackupResult<VerifyReport>> {
  const { level } = options;
  if (level > 0 && options.password === undefined && options.repository === undefined) throw new Error('verify levels 1 and 2 need the password');
  const damage = new DamageLog();
  const header = await decodeHeader(await store.read(HEADER_PATH));
  if (!header.ok && (header.error.kind !== 'damaged' || level > 0)) return header;
  if (!header.ok) damage.file(HEADER_PATH, 'hash-mismatch');
  const repoId = header.ok ? header.value.repoId : null;
  let repo: Repository | null = null;
  if (level > 0 && options.repository !== undefined && options.repository.id === repoId) {
    repo = options.repository;
  } else if (level > 0) {
    const opened = await openRepository(store, options.password ?? '', { allowWeakKdf: options.allowWeakKdf === true });
    if (!opened.ok) return opened;
    repo = opened.value;
  }

  const snaps: SnapEntry[] = [];
  for (const file of await snapshotFiles(store)) {
    const bytes = await store.read(file.path);
    const head = bytes === null ? null : await readSnapshotPublic(bytes);
    if (bytes === null || head === null || head.pub.seq !== file.seq || head.pub.id !== file.id) {
      damage.file(file.path, bytes === null ? 'missing' : 'hash-mismatch');
      continue;
    }
    const snap = repo ? await decodeSnapshot(repo, bytes) : null;
    if (repo && !snap) damage.file(file.path, 'undecryptable');
    else snaps.push({ id: file.id, pub: head.pub, snap });
  }

  // Every pack any readable snapshot lists, with the chunks the manifests place in it.
  const packs = new Map<string, { size: number; chunks: Map<string, [number, number]> }>();
  for (const { pub, snap } of snaps) {
    for (const [name, size] of pub.packs) if (!packs.has(name)) packs.set(name, { size, chunks: new Map() });
    for (const [id, pack, offset, length] of snap?.manifest.chunks ?? []) {
      const name = pub.packs[pack]?.[0];
      if (name !== undefined) packs.get(name)?.chunks.set(id, [offset, length]);
    }
  }

  const badPacks = new Set<string>();
  const badChunks = new Set<string>();
  const total = [...packs.values()].reduce((n, p) => n + p.size, 0);
  let done = 0;
  const names = [...packs.keys()].sort();
  // A few packs are read and checked at once so reading, decrypting (WebCrypto's thread pool) and the next read overlap.
  const check = async (name: string, pack: { size: number; chunks: Map<string, [number, number]> }): Promise<PackOutcome> => {
    const bytes = await store.read(`${PACKS_DIR}/${name}.pk`);
    if (bytes === null) return { length: 0, problems: ['missing'], badChunks: [...pack.chunks.keys()] };
    if (repo && level === 2) {
      const checked = await authenticatePack(repo, bytes, pack.size, pack.chunks);
      return { length: bytes.length, problems: checked.problem === null ? [] : [checked.problem], badChunks: checked.badChunks };
    }
    const problems: DamagedFile['problem'][] = [];
    if (!bytesEqual(await sha256(bytes), fromHex(name)) || bytes.length !== pack.size) {
      const owner = packRepoId(bytes);
      problems.push(repoId !== null && owner !== null && owner !== repoId ? 'foreign' : bytes.length < pack.size ? 'truncated' : 'hash-mismatch');
    }
    if (repo) {
      const index = await readPackIndex(repo, bytes);
      const agrees = index !== null && [...pack.chunks].every(([id, [offset, length]]) => index.some((e) => e.id === id && e.offset === offset && e.length === length));
      if (!agrees) problems.push('undecryptable');
    }
    return { length: bytes.length, problems, badChunks: [] };
  };
  const pending: Promise<PackOutcome>[] = [];
  for (let i = 0; i < names.length; i++) {
    if (options.signal?.aborted === true) {
      await Promise.allSettled(pending);
      return err({ kind: 'cancelled' });
    }
    while (pending.length < PACKS_IN_FLIGHT && i + pending.length < names.length) {
      const name = names[i + pending.length] ?? '';
      pending.push(check(name, packs.get(name) ?? { size: 0, chunks: new Map() }));
    }
    const outcome = await (pending.shift() ?? Promise.reject(new Error('no pack check pending')));
    const name = names[i] ?? '';
    for (const problem of outcome.problems) {
      damage.file(`${PACKS_DIR}/${name}.pk`, problem);
      badPacks.add(name);
    }
    for (const id of outcome.badChunks) badChunks.add(id);
    done += outcome.length;
    options.onProgress?.({ phase: 'verify', bytesDone: done, bytesTotal: total });
  }

  // Name what damage affects: at level 2 the chunks that failed, below it every chunk of a damaged pack.
  const intact: string[] = [];
  for (const { id, pub, snap } of snaps) {
    const packBad = pub.packs.some(([name]) => badPacks.has(name));
    const chunkIsBad = (chunk: number): boolean => {
      const entry = snap?.manifest.chunks[chunk];
      if (!entry) return false;
      return level === 2 ? badChunks.has(entry[0]) : badPacks.has(pub.packs[entry[1]]?.[0] ?? '');
    };
    let snapBad = level < 2 && packBad;
    for (const file of snap?.manifest.files ?? []) {
      for (const [position, chunk] of file.chunks.entries()) {
        if (!chunkIsBad(chunk)) continue;
        snapBad = true;
        damage.chunk(file, position);
      }
    }
    if (!snapBad) intact.push(id);
  }
  if (!damage.isEmpty) return err(damage.error(intact));
  const listed = (await store.list(PACKS_DIR)).filter((n) => /^[0-9a-f]{64}\.pk$/.test(n)).map((n) => n.slice(0, 64));
  return ok({ level, snapshots: snaps.length, packs: packs.size, bytesChecked: done, unreferencedPacks: listed.filter((n) => !packs.has(n)) });
}
