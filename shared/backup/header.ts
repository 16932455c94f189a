/*
 * repo.hdr: two text lines. Line 1 is the header body as JSON; line 2 is "sha256 <hex>" over line 1 including
 * its newline, so bit rot is found without the password (`head -n1 repo.hdr | sha256sum`). The master key is
 * wrapped with AES-256-GCM under the Argon2id KEK; the wrap's additional data binds the format version, repo id
 * and KDF parameters, so editing any of them makes the password fail instead of silently weakening the key.
 * An optional second wrap of the same master key opens the repository with a printed recovery key.
 */
import { z } from 'zod';
import { bytesEqual, concatBytes, fromHex, fromUtf8, toHex, utf8 } from './bytes';
import type { BackupError, KdfParams } from './types';
import { sha256 } from './web-crypto';
import type { Result } from '../domain/result';
import { err, ok } from '../domain/result';

/** Magic format tag of a repository header. */
export const REPO_FORMAT = 'fapiao-desk-backup';
/** The format version this code writes and the newest it reads. */
export const FORMAT_VERSION = 1 as const;
/** The header's path in the repository. */
export const HEADER_PATH = 'repo.hdr';

const hex = (bytes: number) => z.string().regex(new RegExp(`^[0-9a-f]{${String(bytes * 2)}}$`));

const headerBodySchema = z.object({
  format: z.literal(REPO_FORMAT),
  version: z.literal(FORMAT_VERSION),
  repoId: hex(16),
  createdAt: z.string(),
  kdf: z.object({
    id: z.literal('argon2id'),
    memoryKiB: z.number(),
    iterations: z.number(),
    parallelism: z.number(),
    salt: hex(16),
  }),
  masterKey: z.object({ nonce: hex(12), wrapped: hex(48) }),
  /** The master key wrapped a second time, under a printed recovery key (absent when none was made). */
  recovery: z.object({ nonce: hex(12), wrapped: hex(48) }).optional(),
});
/** The parsed body of repo.hdr. */
export type HeaderBody = z.infer<typeof headerBodySchema>;

/** The additional data of the master-key wrap. */
export function wrapAad(body: Pick<HeaderBody, 'version' | 'repoId' | 'kdf'>): Uint8Array {
  const { kdf } = body;
  return utf8(`${REPO_FORMAT}/${String(body.version)}/${body.repoId}/argon2id/${String(kdf.memoryKiB)}/${String(kdf.iterations)}/${String(kdf.parallelism)}/${kdf.salt}`);
}

/** The additional data of the recovery-key wrap: not bound to the password's KDF, so a new password keeps it valid. */
export function recoveryWrapAad(body: Pick<HeaderBody, 'version' | 'repoId'>): Uint8Array {
  return utf8(`${REPO_FORMAT}/${String(body.version)}/${body.repoId}/recovery`);
}

/** Serialises a header body with its hash line. */
export async function encodeHeader(body: HeaderBody): Promise<Uint8Array> {
  const line = utf8(JSON.stringify(body) + '\n');
  return concatBytes([line, utf8(`sha256 ${toHex(await sha256(line))}\n`)]);
}

/** Reads repo.hdr's bytes: not ours, damaged, newer, or a parsed body (KDF bounds are checked by the caller). */
export async function decodeHeader(bytes: Uint8Array | null): Promise<Result<HeaderBody, BackupError>> {
  if (bytes === null) return err({ kind: 'not-a-repository', detail: 'no repo.hdr' });
  const newline = bytes.indexOf(10);
  const line = newline < 0 ? bytes : bytes.subarray(0, newline + 1);
  const rest = newline < 0 ? '' : fromUtf8(bytes.subarray(newline + 1));
  const text = fromUtf8(line);
  const looksOurs = text.includes(`"${REPO_FORMAT}"`) || rest.startsWith('sha256 ');
  if (!looksOurs) return err({ kind: 'not-a-repository', detail: 'repo.hdr is not a backup header' });
  const damaged: BackupError = { kind: 'damaged', files: [{ path: HEADER_PATH, problem: 'hash-mismatch' }], records: [], attachments: [], intactSnapshots: [] };
  const stated = /^sha256 ([0-9a-f]{64})\n?$/.exec(rest)?.[1];
  if (stated === undefined || !bytesEqual(fromHex(stated), await sha256(line))) return err(damaged);
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err(damaged);
  }
  const version = z.object({ format: z.literal(REPO_FORMAT), version: z.number().int() }).safeParse(raw);
  if (!version.success) return err(damaged);
  if (version.data.version > FORMAT_VERSION) return err({ kind: 'unsupported-version', found: version.data.version, supported: FORMAT_VERSION });
  const parsed = headerBodySchema.safeParse(raw);
  return parsed.success ? ok(parsed.data) : err(damaged);
}

/** The KDF parameters a header states. */
export function headerKdf(body: HeaderBody): KdfParams {
  return { memoryKiB: body.kdf.memoryKiB, iterations: body.kdf.iterations, parallelism: body.kdf.parallelism };
}
