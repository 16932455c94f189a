// Small byte helpers that avoid DOM and Node globals (shared/ compiles with lib ES2023 only).

const BASE64_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUES = new Map(Array.from({ length: 64 }, (_, i) => [BASE64_ALPHABET.charAt(i), i]));

/** Decodes standard base64 (whitespace ignored); null when the text is not base64. */
export function base64Bytes(text: string): Uint8Array | null {
  const t = text.replace(/\s+/g, '').replace(/=+$/, '');
  if (t.length === 0 || t.length % 4 === 1) return null;
  const out = new Uint8Array(Math.floor((t.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let n = 0;
  for (let i = 0; i < t.length; i++) {
    const v = BASE64_VALUES.get(t.charAt(i));
    if (v === undefined) return null;
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[n++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** True when the bytes start with `prefix`. */
export function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return prefix.every((b, i) => bytes[at + i] === b);
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** True for PNG bytes. */
export function isPng(bytes: Uint8Array): boolean {
  return startsWith(bytes, PNG_SIGNATURE);
}

/** Width and height from a PNG's IHDR chunk, or null when the header is not there. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  if (!isPng(bytes) || bytes.length < 24) return null;
  const u32 = (o: number) => (((bytes[o] ?? 0) << 24) | ((bytes[o + 1] ?? 0) << 16) | ((bytes[o + 2] ?? 0) << 8) | (bytes[o + 3] ?? 0)) >>> 0;
  return { width: u32(16), height: u32(20) };
}
