import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { decodeImage } from './decode-image';

/** A PNG chunk (the decoder does not check CRCs, so they are left zero). */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  new DataView(out.buffer).setUint32(0, data.length);
  out.set(Array.from(type, (c) => c.charCodeAt(0)), 4);
  out.set(data, 8);
  return out;
}

/** Applies PNG filter `f` to a row, given the previous (unfiltered) row or null. */
function filterRow(row: Uint8Array, prev: Uint8Array | null, bpp: number, f: number): number[] {
  return Array.from(row, (x, i) => {
    const a = i >= bpp ? row[i - bpp] ?? 0 : 0;
    const b = prev ? prev[i] ?? 0 : 0;
    const c = prev && i >= bpp ? prev[i - bpp] ?? 0 : 0;
    const p = a + b - c;
    const paeth = Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c) ? a : Math.abs(p - b) <= Math.abs(p - c) ? b : c;
    const pred = [0, a, b, (a + b) >> 1, paeth][f] ?? 0;
    return (x - pred) & 255;
  });
}

/** A PNG of `rows` (colour type 0 or 2), row y filtered with filters[y % 5]. */
function png(width: number, rows: Uint8Array[], colorType: 0 | 2, filters: readonly number[]): Uint8Array {
  const bpp = colorType === 2 ? 3 : 1;
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, rows.length);
  ihdr.set([8, colorType, 0, 0, 0], 8);
  const raw = rows.flatMap((r, y) => {
    const f = filters[y % filters.length] ?? 0;
    return [f, ...filterRow(r, y > 0 ? rows[y - 1] ?? null : null, bpp, f)];
  });
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Uint8Array.from(raw))), chunk('IEND', new Uint8Array(0))];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  parts.reduce((at, p) => { out.set(p, at); return at + p.length; }, 0);
  return out;
}

/** Deterministic pseudo-random bytes (wide swings, so every Paeth branch is taken). */
function bytes(n: number, seed: number): Uint8Array {
  let s = seed;
  return Uint8Array.from({ length: n }, () => (s = (s * 1103515245 + 12345) >>> 0) >>> 24);
}

describe('PNG decoding', () => {
  // Each filter on the first row (no row above) and on later rows, in both orders.
  for (const filters of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 2, 4, 4, 3, 3, 1]]) {
    it(`undoes the row filters ${filters.join(',')} for RGB and grey`, async () => {
      const width = 7;
      const rgbRows = Array.from({ length: 10 }, (_, y) => bytes(width * 3, y + 1));
      const rgb = await decodeImage(png(width, rgbRows, 2, filters));
      expect(rgb && [...rgb.data]).toEqual(rgbRows.flatMap((r) => Array.from({ length: width }, (_, x) => [r[3 * x], r[3 * x + 1], r[3 * x + 2], 255]).flat()));
      const greyRows = Array.from({ length: 10 }, (_, y) => bytes(width, y + 50));
      const grey = await decodeImage(png(width, greyRows, 0, filters));
      expect(grey && [...grey.data]).toEqual(greyRows.flatMap((r) => Array.from(r, (g) => [g, g, g, 255]).flat()));
    });
  }
});
