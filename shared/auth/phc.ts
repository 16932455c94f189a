/*
 * The PHC string format of an Argon2id hash (`$argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>`, base64 without
 * padding), written and read here so the parameters can be bounded before a hash from a synced user record runs:
 * anyone who can write that record could otherwise ask this PC for gigabytes of memory.
 */

/** Argon2id cost parameters: memory in KiB, passes, lanes. */
export interface Argon2Params {
  readonly memoryKiB: number;
  readonly iterations: number;
  readonly parallelism: number;
}

/** A parsed Argon2id PHC string. */
export interface PhcHash {
  readonly params: Argon2Params;
  readonly salt: Uint8Array;
  readonly hash: Uint8Array;
}

/** What a stored hash may ask for before it is refused unread (a sign-in must stay well under a second). */
export const PHC_LIMITS = { maxMemoryKiB: 256 * 1024, maxIterations: 16, maxParallelism: 4, minSaltBytes: 8, minHashBytes: 16, maxBytes: 64 } as const;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const VALUES = new Map(Array.from({ length: 64 }, (_, i) => [ALPHABET.charAt(i), i]));

/** Standard base64 without padding, as PHC strings write bytes. */
export function toBase64NoPad(bytes: Uint8Array): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const b of bytes) {
    value = ((value << 8) | b) & 0xffffff;
    bits += 8;
    while (bits >= 6) {
      bits -= 6;
      out += ALPHABET.charAt((value >> bits) & 63);
    }
  }
  if (bits > 0) out += ALPHABET.charAt((value << (6 - bits)) & 63);
  return out;
}

/** Bytes of unpadded standard base64; null when the text is not that. */
export function fromBase64NoPad(text: string): Uint8Array | null {
  if (text.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((text.length * 6) / 8));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (const ch of text) {
    const v = VALUES.get(ch);
    if (v === undefined) return null;
    value = ((value << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** The PHC string of an Argon2id hash. */
export function formatPhc(phc: PhcHash): string {
  const { memoryKiB, iterations, parallelism } = phc.params;
  return `$argon2id$v=19$m=${String(memoryKiB)},t=${String(iterations)},p=${String(parallelism)}$${toBase64NoPad(phc.salt)}$${toBase64NoPad(phc.hash)}`;
}

const PHC_PATTERN = /^\$argon2id\$v=19\$m=(\d{1,7}),t=(\d{1,3}),p=(\d{1,2})\$([A-Za-z0-9+/]+)\$([A-Za-z0-9+/]+)$/;

/** Parses an Argon2id PHC string whose parameters are within PHC_LIMITS; null for anything else. */
export function parsePhc(text: string): PhcHash | null {
  const m = PHC_PATTERN.exec(text);
  if (!m) return null;
  const [memoryKiB, iterations, parallelism] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const salt = fromBase64NoPad(m[4] ?? '');
  const hash = fromBase64NoPad(m[5] ?? '');
  if (!salt || !hash) return null;
  if (iterations < 1 || iterations > PHC_LIMITS.maxIterations) return null;
  if (parallelism < 1 || parallelism > PHC_LIMITS.maxParallelism) return null;
  if (memoryKiB < 8 * parallelism || memoryKiB > PHC_LIMITS.maxMemoryKiB) return null;
  if (salt.length < PHC_LIMITS.minSaltBytes || salt.length > PHC_LIMITS.maxBytes) return null;
  if (hash.length < PHC_LIMITS.minHashBytes || hash.length > PHC_LIMITS.maxBytes) return null;
  return { params: { memoryKiB, iterations, parallelism }, salt, hash };
}
