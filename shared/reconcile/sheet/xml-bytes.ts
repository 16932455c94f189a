/*
 * Byte helpers for scanning XML without decoding it: finding ASCII markup, and decoding the short UTF-8 values
 * between it (a decoder call per cell costs more than the decoding itself).
 */
import { strFromU8 } from 'fflate';

/** Index of `pattern` in `b` at or after `from`, before `end`; -1 when absent. */
export function findBytes(b: Uint8Array, pattern: Uint8Array, from = 0, end = b.length): number {
  const first = pattern[0] ?? 0;
  for (let i = b.indexOf(first, from); i !== -1 && i + pattern.length <= end; i = b.indexOf(first, i + 1)) {
    let k = 1;
    while (k < pattern.length && b[i + k] === pattern[k]) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

/** Index of the last `pattern` in `b`; -1 when absent (for parts that sit at the end of a large sheet). */
export function findLastBytes(b: Uint8Array, pattern: Uint8Array): number {
  const first = pattern[0] ?? 0;
  for (let i = b.lastIndexOf(first); i !== -1; i = i === 0 ? -1 : b.lastIndexOf(first, i - 1)) {
    let k = 1;
    while (k < pattern.length && b[i + k] === pattern[k]) k++;
    if (k === pattern.length) return i;
  }
  return -1;
}

/** Code units of a short value being decoded (reused: one value at a time). */
let units = new Uint16Array(256);

/**
 * Text of bytes [from, to) as UTF-8. Values in a sheet are short, and a decoder call per cell costs more than
 * decoding by hand; long values and anything unusual (4-byte sequences, bad bytes) go to the real decoder.
 */
export function utf8Text(b: Uint8Array, from: number, to: number): string {
  if (to - from > 512) return strFromU8(b.subarray(from, to));
  if (units.length < to - from) units = new Uint16Array(to - from);
  let n = 0;
  for (let i = from; i < to; ) {
    const c = b[i] ?? 0;
    const c1 = b[i + 1] ?? 0;
    if (c < 0x80) {
      units[n++] = c;
      i++;
    } else if (c >= 0xc2 && c < 0xe0 && i + 1 < to && (c1 & 0xc0) === 0x80) {
      units[n++] = ((c & 0x1f) << 6) | (c1 & 0x3f);
      i += 2;
    } else if (c >= 0xe0 && c < 0xf0 && i + 2 < to && (c1 & 0xc0) === 0x80 && ((b[i + 2] ?? 0) & 0xc0) === 0x80) {
      const unit = ((c & 0x0f) << 12) | ((c1 & 0x3f) << 6) | ((b[i + 2] ?? 0) & 0x3f);
      // Overlong forms and encoded surrogates are invalid UTF-8: the real decoder handles them.
      if (unit < 0x800 || (unit >= 0xd800 && unit <= 0xdfff)) return strFromU8(b.subarray(from, to));
      units[n++] = unit;
      i += 3;
    } else {
      return strFromU8(b.subarray(from, to));
    }
  }
  return String.fromCharCode.apply(null, units.subarray(0, n) as unknown as number[]);
}
