/*
 * Creating and opening a repository. A random 256-bit master key is wrapped by the Argon2id KEK; every working
 * key is an HKDF-SHA-256 subkey of the master key with the repo id as salt, so changing the password only
 * rewraps one key and never re-encrypts a pack.
 */
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';
import { fromHex, readU32, toHex } from './bytes';
import { decodeHeader, encodeHeader, FORMAT_VERSION, HEADER_PATH, headerKdf, REPO_FORMAT, wrapAad, type HeaderBody } from './header';
import { DEFAULT_KDF, deriveKek, kdfProblem } from './kdf';
import type { RepoStore } from './repo-store';
import type { BackupError, KdfParams } from './types';
import { aesGcmDecrypt, aesGcmEncrypt, aesKey, hkdf, hmacKey, randomBytes, type CryptoKeyHandle } from './web-crypto';

/** An open repository: its store, id and working keys. Obtain it from initRepository or openRepository. */
export interface Repository {
  readonly store: RepoStore;
  /** The repository id (32 lowercase hex digits). */
  readonly id: string;
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
  readonly now?: () => Date;
}

/** Options of openRepository. */
export interface OpenOptions {
  /** Tests only: accept a header with parameters below the minimum. */
  readonly allowWeakKdf?: boolean;
}

/** Creates repo.hdr in an empty folder and returns the open repository. */
export async function initRepository(store: RepoStore, password: string, options: InitOptions = {}): Promise<Result<Repository, BackupError>> {
  if ((await store.read(HEADER_PATH)) !== null) return err({ kind: 'already-a-repository' });
  const kdf = options.kdf ?? DEFAULT_KDF;
  const problem = kdfProblem(kdf, options.allowWeakKdf === true);
  if (problem !== null) return err({ kind: 'unsafe-kdf', detail: problem });
  const repoId = toHex(randomBytes(16));
  const salt = randomBytes(16);
  const master = randomBytes(32);
  const nonce = randomBytes(12);
  const partial = { version: FORMAT_VERSION, repoId, kdf: { id: 'argon2id' as const, ...kdf, salt: toHex(salt) } };
  const kek = await aesKey(await deriveKek(password, salt, kdf));
  const wrapped = await aesGcmEncrypt(kek, nonce, master, wrapAad(partial));
  const body: HeaderBody = {
    format: REPO_FORMAT,
    ...partial,
    createdAt: (options.now ?? (() => new Date()))().toISOString(),
    masterKey: { nonce: toHex(nonce), wrapped: toHex(wrapped) },
  };
  try {
    await store.writeAtomic(HEADER_PATH, await encodeHeader(body));
  } catch (e) {
    return err({ kind: 'io', path: HEADER_PATH, detail: String(e) });
  }
  return ok(await workingKeys(store, repoId, master));
}

/** Opens a repository with its password: checks the header, bounds the KDF, then unwraps the master key. */
export async function openRepository(store: RepoStore, password: string, options: OpenOptions = {}): Promise<Result<Repository, BackupError>> {
  let bytes: Uint8Array | null;
  try {
    bytes = await store.read(HEADER_PATH);
  } catch (e) {
    return err({ kind: 'io', path: HEADER_PATH, detail: String(e) });
  }
  const header = await decodeHeader(bytes);
  if (!header.ok) return header;
  const body = header.value;
  const kdf = headerKdf(body);
  const problem = kdfProblem(kdf, options.allowWeakKdf === true);
  if (problem !== null) return err({ kind: 'unsafe-kdf', detail: problem });
  const kek = await aesKey(await deriveKek(password, fromHex(body.kdf.salt), kdf));
  const master = await aesGcmDecrypt(kek, fromHex(body.masterKey.nonce), fromHex(body.masterKey.wrapped), wrapAad(body));
  if (master === null) return err({ kind: 'wrong-password' });
  return ok(await workingKeys(store, body.repoId, master));
}

async function workingKeys(store: RepoStore, repoId: string, master: Uint8Array): Promise<Repository> {
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
    idBytes,
    chunkKey: await aesKey(chunk),
    idKey: await hmacKey(id),
    manifestKey: await aesKey(manifest),
    bucketSeed: readU32(bucket, 0),
  };
}
