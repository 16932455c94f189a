/** Byte helpers for the backup format (hex, concatenation, little-endian integers, UTF-8). */
import { strFromU8, strToU8 } from 'fflate';

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** Bytes of a hex string (caller validated it). */
export function fromHex(hex: string): Uint8Array {
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** One array holding the parts in order. */
export function concatBytes(parts: readonly Uint8Array[]): Uint8Array {
  let length = 0;
  for (const p of parts) length += p.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** Constant-shape equality of two byte arrays. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** Writes a 32-bit unsigned little-endian integer. */
export function writeU32(target: Uint8Array, at: number, value: number): void {
  new DataView(target.buffer, target.byteOffset, target.byteLength).setUint32(at, value, true);
}

/** Reads a 32-bit unsigned little-endian integer. */
export function readU32(source: Uint8Array, at: number): number {
  return new DataView(source.buffer, source.byteOffset, source.byteLength).getUint32(at, true);
}

/** UTF-8 bytes of text (fflate: shared/ compiles without the TextEncoder global). */
export const utf8 = (text: string): Uint8Array => strToU8(text);

/** Text of UTF-8 bytes. */
export const fromUtf8 = (bytes: Uint8Array): string => strFromU8(bytes);

/** Fast equality of two byte arrays (compares 32-bit words when both are aligned); for read-back checks. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  if (a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = a.length >> 2;
    const wa = new Uint32Array(a.buffer, a.byteOffset, words);
    const wb = new Uint32Array(b.buffer, b.byteOffset, words);
    for (; i < words; i++) if (wa[i] !== wb[i]) return false;
    i = words << 2;
  }
  for (; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
