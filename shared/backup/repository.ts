/*
 * Creating and opening a repository. A random 256-bit master key is wrapped by the Argon2id KEK; every working
 * key is an HKDF-SHA-256 subkey of the master key with the repo id as salt, so changing the password only
 * rewraps one key and never re-encrypts a pack. A printed recovery key may wrap the same master key a second time.
 */
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { fromHex, readU32, toHex } from './bytes';
import { decodeHeader, encodeHeader, FORMAT_VERSION, HEADER_PATH, headerKdf, recoveryWrapAad, REPO_FORMAT, wrapAad, type HeaderBody } from './header';
import { DEFAULT_KDF, deriveKek, kdfProblem } from './kdf';
import { parseRecoveryKey, recoveryKek } from './recovery-key';
import type { RepoStore } from './repo-store';
import type { BackupError, KdfParams } from './types';
import { aesGcmDecrypt, aesGcmEncrypt, aesKey, hkdf, hmacKey, randomBytes, type CryptoKeyHandle } from './web-crypto';

/** How a repository was opened. */
export type OpenedWith = 'password' | 'recovery-key';

/** An open repository: its store, id and working keys. Obtain it from initRepository or openRepository. */
export interface Repository {
  readonly store: RepoStore;
  /** The repository id (32 lowercase hex digits). */
  readonly id: string;
  /** What opened it: after a recovery key the app asks for a new password. */
  readonly openedWith: OpenedWith;
  /** @internal The 16 id bytes, bound into every chunk's additional data. */
  readonly idBytes: Uint8Array;
  /** @internal AES-256-GCM key of chunks and pack indexes. */
  readonly chunkKey: CryptoKeyHandle;
  /** @internal HMAC-SHA-256 key that names chunks (ids reveal nothing about content without it). */
  readonly idKey: CryptoKeyHandle;
  /** @internal AES-256-GCM key of snapshot manifests. */
  readonly manifestKey: CryptoKeyHandle;
  /** @internal Seed of the keyed hash that places bucket boundaries. */
  readonly bucketSeed: number;
}

/** Options of initRepository. */
export interface InitOptions {
  /** Argon2id parameters; weaker than DEFAULT_KDF only together with allowWeakKdf. */
  readonly kdf?: KdfParams;
  /** Tests only: accept TEST_ONLY_WEAK_KDF so a test does not spend a second per key derivation. */
  readonly allowWeakKdf?: boolean;
  /** A key from newRecoveryKey(): the master key is also wrapped under it, so the printed key opens the repository. */
  readonly recoveryKey?: string;
  readonly now?: () => Date;
}

/** Options of openRepository. */
export interface OpenOptions {
  /** Tests only: accept a header with parameters below the minimum. */
  readonly allowWeakKdf?: boolean;
}

type Wrap = NonNullable<HeaderBody['recovery']>;

async function wrapWithPassword(master: Uint8Array, password: string, partial: Pick<HeaderBody, 'version' | 'repoId'>, kdf: KdfParams) {
  if (password === '') throw new TypeError('a repository password cannot be empty (the forms and the CLI refuse one first)');
  const salt = randomBytes(16);
  const nonce = randomBytes(12);
  const kdfBody = { id: 'argon2id' as const, ...kdf, salt: toHex(salt) };
  const kek = await aesKey(await deriveKek(password, salt, kdf));
  const wrapped = await aesGcmEncrypt(kek, nonce, master, wrapAad({ ...partial, kdf: kdfBody }));
  return { kdf: kdfBody, masterKey: { nonce: toHex(nonce), wrapped: toHex(wrapped) } };
}

/** The AES key that wraps the master key under a (canonical) recovery key, for one repository. */
async function recoveryAesKey(canonicalKey: string, repoId: string): Promise<CryptoKeyHandle> {
  return aesKey(await recoveryKek(canonicalKey, fromHex(repoId)));
}

async function wrapWithRecoveryKey(master: Uint8Array, recoveryKey: string, body: Pick<HeaderBody, 'version' | 'repoId'>): Promise<Wrap> {
  const key = parseRecoveryKey(recoveryKey);
  if (key === null) throw new TypeError('not a recovery key from newRecoveryKey()');
  const nonce = randomBytes(12);
  const kek = await recoveryAesKey(key, body.repoId);
  return { nonce: toHex(nonce), wrapped: toHex(await aesGcmEncrypt(kek, nonce, master, recoveryWrapAad(body))) };
}

/** Creates repo.hdr in an empty folder and returns the open repository. */
export async function initRepository(store: RepoStore, password: string, options: InitOptions = {}): Promise<Result<Repository, BackupError>> {
  if ((await store.read(HEADER_PATH)) !== null) return err({ kind: 'already-a-repository' });
  const kdf = options.kdf ?? DEFAULT_KDF;
  const problem = kdfProblem(kdf, options.allowWeakKdf === true);
  if (problem !== null) return err({ kind: 'unsafe-kdf', detail: problem });
  const partial = { version: FORMAT_VERSION, repoId: toHex(randomBytes(16)) };
  const master = randomBytes(32);
  const body: HeaderBody = {
    format: REPO_FORMAT,
    ...partial,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    ...(await wrapWithPassword(master, password, partial, kdf)),
    ...(options.recoveryKey === undefined ? {} : { recovery: await wrapWithRecoveryKey(master, options.recoveryKey, partial) }),
  };
  const written = await writeHeader(store, body);
  return written.ok ? ok(await workingKeys(store, partial.repoId, master, 'password')) : written;
}

/**
 * Opens a repository with its password or its printed recovery key: checks the header, bounds the KDF (before
 * Argon2id runs), then unwraps the master key.
 */
export async function openRepository(store: RepoStore, secret: string, options: OpenOptions = {}): Promise<Result<Repository, BackupError>> {
  const unlocked = await unlock(store, secret, options);
  if (!unlocked.ok) return unlocked;
  const { header, master } = unlocked.value;
  return ok(await workingKeys(store, header.repoId, master.key, master.with));
}

/**
 * Sets a new password (opened with the old password or the recovery key): the same master key is wrapped again
 * under a new salt, so no pack changes and the recovery key stays valid.
 */
export async function changePassword(store: RepoStore, secret: string, newPassword: string, options: OpenOptions & { readonly kdf?: KdfParams } = {}): Promise<Result<void, BackupError>> {
  const unlocked = await unlock(store, secret, options);
  if (!unlocked.ok) return unlocked;
  const { header, master } = unlocked.value;
  const kdf = options.kdf ?? DEFAULT_KDF;
  const problem = kdfProblem(kdf, options.allowWeakKdf === true);
  if (problem !== null) return err({ kind: 'unsafe-kdf', detail: problem });
  return writeHeader(store, { ...header, ...(await wrapWithPassword(master.key, newPassword, header, kdf)) });
}

/** Adds a recovery key to a repository, or replaces its old one (which stops working). */
export async function setRecoveryKey(store: RepoStore, secret: string, recoveryKey: string, options: OpenOptions = {}): Promise<Result<void, BackupError>> {
  const unlocked = await unlock(store, secret, options);
  if (!unlocked.ok) return unlocked;
  const { header, master } = unlocked.value;
  return writeHeader(store, { ...header, recovery: await wrapWithRecoveryKey(master.key, recoveryKey, header) });
}

/** Whether a repository's header holds a recovery-key wrap (no password needed). */
export async function hasRecoveryKey(store: RepoStore): Promise<Result<boolean, BackupError>> {
  const header = await readHeader(store);
  return header.ok ? ok(header.value.recovery !== undefined) : header;
}

/** The header and the master key it wraps, unwrapped with the password or the recovery key. */
async function unlock(store: RepoStore, secret: string, options: OpenOptions): Promise<Result<{ header: HeaderBody; master: { key: Uint8Array; with: OpenedWith } }, BackupError>> {
  const header = await readHeader(store);
  if (!header.ok) return header;
  const master = await unwrapMaster(header.value, secret, options);
  return master.ok ? ok({ header: header.value, master: master.value }) : master;
}

async function readHeader(store: RepoStore): Promise<Result<HeaderBody, BackupError>> {
  let bytes: Uint8Array | null;
  try {
    bytes = await store.read(HEADER_PATH);
  } catch (e) {
    return err({ kind: 'io', path: HEADER_PATH, detail: String(e) });
  }
  return decodeHeader(bytes);
}

async function writeHeader(store: RepoStore, body: HeaderBody): Promise<Result<void, BackupError>> {
  try {
    await store.writeAtomic(HEADER_PATH, await encodeHeader(body));
    return ok(undefined);
  } catch (e) {
    return err({ kind: 'io', path: HEADER_PATH, detail: String(e) });
  }
}

/**
 * The master key: through the recovery wrap when the secret has a recovery key's shape (no KDF needed), else
 * through Argon2id, whose parameters are bounded first.
 */
async function unwrapMaster(body: HeaderBody, secret: string, options: OpenOptions): Promise<Result<{ key: Uint8Array; with: OpenedWith }, BackupError>> {
  const recoveryKey = parseRecoveryKey(secret);
  if (recoveryKey !== null && body.recovery !== undefined) {
    const kek = await recoveryAesKey(recoveryKey, body.repoId);
    const key = await aesGcmDecrypt(kek, fromHex(body.recovery.nonce), fromHex(body.recovery.wrapped), recoveryWrapAad(body));
    if (key !== null) return ok({ key, with: 'recovery-key' });
  }
  const kdf = headerKdf(body);
  const problem = kdfProblem(kdf, options.allowWeakKdf === true);
  if (problem !== null) return err({ kind: 'unsafe-kdf', detail: problem });
  // No password was ever empty (Argon2 refuses one), so an empty secret is simply wrong.
  if (secret === '') return err({ kind: 'wrong-password' });
  const kek = await aesKey(await deriveKek(secret, fromHex(body.kdf.salt), kdf));
  const key = await aesGcmDecrypt(kek, fromHex(body.masterKey.nonce), fromHex(body.masterKey.wrapped), wrapAad(body));
  return key === null ? err({ kind: 'wrong-password' }) : ok({ key, with: 'password' });
}

async function workingKeys(store: RepoStore, repoId: string, master: Uint8Array, openedWith: OpenedWith): Promise<Repository> {
  const idBytes = fromHex(repoId);
  const label = (name: string) => `${REPO_FORMAT}/${String(FORMAT_VERSION)}/${name}`;
  const [chunk, id, manifest, bucket] = await Promise.all([
    hkdf(master, idBytes, label('chunk'), 32),
    hkdf(master, idBytes, label('chunk-id'), 32),
    hkdf(master, idBytes, label('manifest'), 32),
    hkdf(master, idBytes, label('bucket'), 4),
  ]);
  return {
    store,
    id: repoId,
    openedWith,
    idBytes,
    chunkKey: await aesKey(chunk),
    idKey: await hmacKey(id),
    manifestKey: await aesKey(manifest),
    bucketSeed: readU32(bucket, 0),
  };
}
