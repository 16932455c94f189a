/*
 * Packs: files of sealed chunks, named by the SHA-256 of their bytes.
 *
 *   "FDPK" | u8 version 1 | 3 zero bytes | repo id (16 bytes)              24-byte header
 *   chunk*: nonce (12) | AES-256-GCM ciphertext + tag (16)                  AAD = "FDCK" | repo id | chunk id (32)
 *   index:  nonce (12) | AES-256-GCM of JSON [[chunkIdHex, offset, length], …]   AAD = "FDIX" | repo id
 *   trailer: u32 LE length of the index | "FDPE"
 *
 * The chunk id in the AAD means a chunk moved to another place, or a pack copied from another repository
 * (other keys, other repo id), fails to decrypt instead of restoring the wrong bytes.
 */
import { z } from 'zod';
import { concatBytes, fromHex, fromUtf8, readU32, toHex, utf8, writeU32 } from './bytes';
import type { Repository } from './repository';
import { aesGcmDecrypt, aesGcmEncrypt, randomBytes, sha256 } from './web-crypto';

/** A pack is closed once it holds this many bytes (a few MB: small enough to rewrite, few enough files). */
export const PACK_TARGET_BYTES = 4 * 1024 * 1024;
/** Attachments are split into chunks of this size (the last one shorter). */
export const ATTACHMENT_CHUNK_BYTES = 1024 * 1024;
/** Bytes of nonce + tag a chunk adds. */
export const SEAL_OVERHEAD = 28;

const PACK_MAGIC = utf8('FDPK');
const PACK_END = utf8('FDPE');
const HEADER_BYTES = 24;

/** Where a chunk lives inside a pack. */
export interface PackEntry {
  readonly id: string;
  readonly offset: number;
  readonly length: number;
}

const chunkAad = (repo: Repository, id: Uint8Array) => concatBytes([utf8('FDCK'), repo.idBytes, id]);
const indexAad = (repo: Repository) => concatBytes([utf8('FDIX'), repo.idBytes]);

/** A sealed chunk as its two parts (nonce, ciphertext + tag), kept apart so packing copies them only once. */
export interface SealedChunk {
  readonly nonce: Uint8Array;
  readonly body: Uint8Array;
}

/** Encrypts a chunk. */
export async function sealChunk(repo: Repository, id: Uint8Array, plain: Uint8Array): Promise<SealedChunk> {
  const nonce = randomBytes(12);
  return { nonce, body: await aesGcmEncrypt(repo.chunkKey, nonce, plain, chunkAad(repo, id)) };
}

/** Decrypts a sealed chunk; null when it was changed, moved, or belongs to another repository. */
export function openChunk(repo: Repository, id: Uint8Array, sealed: Uint8Array): Promise<Uint8Array | null> {
  if (sealed.length < SEAL_OVERHEAD) return Promise.resolve(null);
  return aesGcmDecrypt(repo.chunkKey, sealed.subarray(0, 12), sealed.subarray(12), chunkAad(repo, id));
}

/** Bytes of a pack buffer: a full pack plus one more largest chunk, so a pack rarely has to grow its buffer. */
export const PACK_BUFFER_BYTES = PACK_TARGET_BYTES + ATTACHMENT_CHUNK_BYTES + 64 * 1024;

/**
 * Collects sealed chunks into one pack, copying each into one buffer as it arrives (a buffer the caller may reuse
 * for the next pack once this one is written, so a backup does not allocate every pack afresh).
 */
export class PackBuilder {
  private readonly entries: PackEntry[] = [];
  private offset = HEADER_BYTES;

  constructor(private readonly repo: Repository, private bytes: Uint8Array = new Uint8Array(PACK_BUFFER_BYTES)) {
    this.bytes.set(PACK_MAGIC, 0);
    this.bytes.set([1, 0, 0, 0], 4);
    this.bytes.set(repo.idBytes, 8);
  }

  /** The buffer the pack is built in (to reuse once the finished pack is written). */
  get buffer(): Uint8Array {
    return this.bytes;
  }

  private put(part: Uint8Array, at: number): void {
    if (at + part.length > this.bytes.length) {
      const grown = new Uint8Array(Math.max(at + part.length, this.bytes.length * 2));
      grown.set(this.bytes.subarray(0, at));
      this.bytes = grown;
    }
    this.bytes.set(part, at);
  }

  /** Bytes so far. */
  get size(): number {
    return this.offset;
  }

  /** Number of chunks so far. */
  get count(): number {
    return this.entries.length;
  }

  /** Appends a sealed chunk and returns where it lies. */
  add(id: string, sealed: SealedChunk): PackEntry {
    const length = sealed.nonce.length + sealed.body.length;
    const entry = { id, offset: this.offset, length };
    this.put(sealed.nonce, this.offset);
    this.put(sealed.body, this.offset + sealed.nonce.length);
    this.entries.push(entry);
    this.offset += length;
    return entry;
  }

  /** The finished pack's bytes and name (SHA-256 hex of the bytes). */
  async finish(): Promise<{ name: string; bytes: Uint8Array }> {
    const nonce = randomBytes(12);
    const index = utf8(JSON.stringify(this.entries.map((e) => [e.id, e.offset, e.length])));
    const sealedIndex = concatBytes([nonce, await aesGcmEncrypt(this.repo.chunkKey, nonce, index, indexAad(this.repo))]);
    const trailer = new Uint8Array(8);
    writeU32(trailer, 0, sealedIndex.length);
    trailer.set(PACK_END, 4);
    this.put(sealedIndex, this.offset);
    this.put(trailer, this.offset + sealedIndex.length);
    const bytes = this.bytes.subarray(0, this.offset + sealedIndex.length + trailer.length);
    return { name: toHex(await sha256(bytes)), bytes };
  }
}

/** The repository id a pack's header names (hex), or null when the bytes do not start like a pack. */
export function packRepoId(bytes: Uint8Array): string | null {
  if (bytes.length < HEADER_BYTES || PACK_MAGIC.some((b, i) => bytes[i] !== b)) return null;
  return toHex(bytes.subarray(8, HEADER_BYTES));
}

const indexSchema = z.array(z.tuple([z.string().regex(/^[0-9a-f]{64}$/), z.number().int().min(0), z.number().int().min(SEAL_OVERHEAD)]));

/** Decrypts a pack's index; null when the trailer or index is damaged. */
export async function readPackIndex(repo: Repository, bytes: Uint8Array): Promise<PackEntry[] | null> {
  if (bytes.length < HEADER_BYTES + 8 || PACK_END.some((b, i) => bytes[bytes.length - 4 + i] !== b)) return null;
  const length = readU32(bytes, bytes.length - 8);
  const start = bytes.length - 8 - length;
  if (start < HEADER_BYTES || length < SEAL_OVERHEAD) return null;
  const plain = await aesGcmDecrypt(repo.chunkKey, bytes.subarray(start, start + 12), bytes.subarray(start + 12, bytes.length - 8), indexAad(repo));
  if (plain === null) return null;
  try {
    const parsed = indexSchema.safeParse(JSON.parse(fromUtf8(plain)));
    return parsed.success ? parsed.data.map(([id, offset, len]) => ({ id, offset, length: len })) : null;
  } catch {
    return null;
  }
}

/** The bytes of a chunk id given in hex. */
export const chunkIdBytes = (id: string): Uint8Array => fromHex(id);
