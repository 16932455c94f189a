/*
 * snaps/<seq>-<id>.sn: one snapshot, written last.
 *
 *   "FDSN" | u8 version 1 | 3 zero bytes | u32 LE length of P | P = public JSON {seq, id, createdAt, packs}
 *   nonce (12) | AES-256-GCM(manifest key, deflate-raw(manifest JSON))   AAD = "FDSN" | repo id | every byte before the nonce
 *   SHA-256 (32) of every byte before it
 *
 * The public part lists the packs ([name, size]) so level-0 verify finds missing, truncated and rotten packs
 * without the password; it is authenticated as AAD, so editing it fails level 1.
 */
import { deflateSync, inflateSync } from 'fflate';
import { z } from 'zod';
import { bytesEqual, concatBytes, fromUtf8, readU32, utf8, writeU32 } from './bytes';
import type { Repository } from './repository';
import { aesGcmDecrypt, aesGcmEncrypt, randomBytes, sha256 } from './web-crypto';

const MAGIC = utf8('FDSN');
const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const snapshotId = z.string().regex(/^[0-9a-f]{16}$/);

/** Folder of snapshot files. */
export const SNAPS_DIR = 'snaps';
/** Folder of packs. */
export const PACKS_DIR = 'packs';

const publicSchema = z.object({
  seq: z.number().int().min(1),
  id: snapshotId,
  createdAt: z.string(),
  packs: z.array(z.tuple([sha256Hex, z.number().int().min(0)])),
});
/** The unencrypted part of a snapshot file. */
export type SnapshotPublic = z.infer<typeof publicSchema>;

/*
 * The long arrays of a manifest (tens of thousands of chunk references for 100,000 invoices) are checked by plain
 * loops: the same rules as z.tuple/z.number().int().min(0), at a fraction of the cost on every backup, verify and
 * restore. The rest of the manifest goes through zod as usual.
 */
const HEX64 = /^[0-9a-f]{64}$/;
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isChunkRef = (r: unknown): boolean => Array.isArray(r) && r.length === 4 && typeof r[0] === 'string' && HEX64.test(r[0]) && isCount(r[1]) && isCount(r[2]) && isCount(r[3]);
const isBucket = (b: unknown): boolean => Array.isArray(b) && b.length === 2 && isCount(b[0]) && typeof b[1] === 'string';
const everyOf = <T>(test: (v: unknown) => boolean, what: string) =>
  z.custom<T[]>((v) => Array.isArray(v) && v.every(test), { error: `invalid ${what}` });

const manifestSchema = z.object({
  version: z.literal(1),
  parent: snapshotId.nullable(),
  /** [chunk id, index into public packs, offset, sealed length] */
  chunks: everyOf<[string, number, number, number]>(isChunkRef, 'chunk references'),
  files: z.array(z.object({
    path: z.string().regex(/^(manifest\.json|[a-z]+\.ndjson|attachments\/[0-9a-f]{64})$/),
    size: z.number().int().min(0),
    /** Indexes into chunks, in file order. */
    chunks: everyOf<number>(isCount, 'chunk indexes'),
    /** Tables only: [rows, first key] of each chunk, for naming records when a chunk is damaged. */
    buckets: everyOf<[number, string]>(isBucket, 'buckets').optional(),
  })),
  totals: z.object({ bytes: z.number().int().min(0), bytesWritten: z.number().int().min(0) }),
});
/** The encrypted manifest of a snapshot: which chunks make which files. */
export type SnapshotManifest = z.infer<typeof manifestSchema>;

/** A decoded snapshot file. */
export interface Snapshot {
  readonly pub: SnapshotPublic;
  readonly manifest: SnapshotManifest;
}

/** The file name of a snapshot. */
export function snapshotPath(seq: number, id: string): string {
  return `${SNAPS_DIR}/${String(seq).padStart(8, '0')}-${id}.sn`;
}

/** Seq and id from a snapshot file name, or null for other files (temp files, strays). */
export function parseSnapshotName(name: string): { seq: number; id: string } | null {
  const m = /^(\d{8})-([0-9a-f]{16})\.sn$/.exec(name);
  return m?.[1] === undefined || m[2] === undefined ? null : { seq: Number(m[1]), id: m[2] };
}

const aad = (repo: Repository, before: Uint8Array) => concatBytes([MAGIC, repo.idBytes, before]);

/** Serialises and seals a snapshot. */
export async function encodeSnapshot(repo: Repository, pub: SnapshotPublic, manifest: SnapshotManifest): Promise<Uint8Array> {
  const pubBytes = utf8(JSON.stringify(pub));
  const head = new Uint8Array(12);
  head.set(MAGIC, 0);
  head[4] = 1;
  writeU32(head, 8, pubBytes.length);
  const before = concatBytes([head, pubBytes]);
  const nonce = randomBytes(12);
  const sealed = await aesGcmEncrypt(repo.manifestKey, nonce, deflateSync(utf8(JSON.stringify(manifest)), { level: 1 }), aad(repo, before));
  const body = concatBytes([before, nonce, sealed]);
  return concatBytes([body, await sha256(body)]);
}

/** Checks the trailing hash and reads the public part (no password); null when the file is damaged. */
export async function readSnapshotPublic(bytes: Uint8Array): Promise<{ pub: SnapshotPublic; sealedAt: number } | null> {
  if (bytes.length < 12 + 12 + 16 + 32 || MAGIC.some((b, i) => bytes[i] !== b) || bytes[4] !== 1) return null;
  const body = bytes.subarray(0, bytes.length - 32);
  if (!bytesEqual(await sha256(body), bytes.subarray(bytes.length - 32))) return null;
  const pubLength = readU32(bytes, 8);
  if (12 + pubLength + 28 > body.length) return null;
  try {
    const parsed = publicSchema.safeParse(JSON.parse(fromUtf8(bytes.subarray(12, 12 + pubLength))));
    return parsed.success ? { pub: parsed.data, sealedAt: 12 + pubLength } : null;
  } catch {
    return null;
  }
}

/** Decodes a snapshot file; null when it is damaged, sealed with another key, or inconsistent. */
export async function decodeSnapshot(repo: Repository, bytes: Uint8Array): Promise<Snapshot | null> {
  const head = await readSnapshotPublic(bytes);
  if (head === null) return null;
  const { pub, sealedAt } = head;
  const body = bytes.subarray(0, bytes.length - 32);
  const packed = await aesGcmDecrypt(repo.manifestKey, body.subarray(sealedAt, sealedAt + 12), body.subarray(sealedAt + 12), aad(repo, body.subarray(0, sealedAt)));
  if (packed === null) return null;
  try {
    const parsed = manifestSchema.safeParse(JSON.parse(fromUtf8(inflateSync(packed))));
    if (!parsed.success) return null;
    const manifest = parsed.data;
    const consistent = manifest.chunks.every(([, pack, offset, length]) => {
      const size = pub.packs[pack]?.[1];
      return size !== undefined && offset + length <= size;
    }) && manifest.files.every((f) => f.chunks.every((c) => c < manifest.chunks.length) && (f.buckets === undefined || f.buckets.length === f.chunks.length));
    return consistent ? { pub, manifest } : null;
  } catch {
    return null;
  }
}
