// The CLI's one decode path (sharp): EXIF orientation, the PNG variants the old PDF wrapper could not read,
// WebP/TIFF/BMP, and damaged or oversized files refused rather than half read.
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { MAX_IMAGE_MEGAPIXELS } from '../../shared/capture/capture-error';
import type { RasterImage } from '../../shared/capture/image/raster';
import { decodeRaster } from './decode-image';

const RED = [255, 0, 0];
const BLUE = [0, 0, 255];

/** A w×h RGB image: the left half red, the right half blue. */
function halves(w: number, h: number): Buffer {
  const px = Buffer.alloc(w * h * 3);
  for (let i = 0; i < w * h; i++) px.set(i % w < w / 2 ? RED : BLUE, 3 * i);
  return px;
}

const rgbAt = (img: RasterImage | null, x: number, y: number): number[] => {
  if (!img) throw new Error('not decoded');
  const o = 4 * (y * img.width + x);
  return [...img.data.subarray(o, o + 3)];
};

/** Every channel within `tolerance` (lossy codecs move colours a little). */
function near(actual: number[], expected: number[], tolerance = 24): void {
  expect(actual.every((v, i) => Math.abs(v - (expected[i] ?? 0)) <= tolerance), `${actual.join(',')} ≈ ${expected.join(',')}`).toBe(true);
}

const pngHeader = (png: Uint8Array) => ({ bitDepth: png[24], colourType: png[25], interlace: png[28] });

describe('decodeRaster (sharp)', () => {
  it('turns a JPEG upright by its EXIF orientation, width and height from the upright image', async () => {
    // Orientation 6: the stored pixels must be turned 90° clockwise for display, so the stored left half (red)
    // ends up on top.
    const jpeg = await sharp(halves(40, 20), { raw: { width: 40, height: 20, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 6 }).toBuffer();
    expect((await sharp(jpeg).metadata()).orientation).toBe(6);
    const img = await decodeRaster(new Uint8Array(jpeg));
    expect([img?.width, img?.height]).toEqual([20, 40]);
    near(rgbAt(img, 10, 5), RED);
    near(rgbAt(img, 10, 34), BLUE);
    expect(img?.data.length).toBe(20 * 40 * 4);
    // Orientation 3 (upside down): red ends on the right.
    const upside = await sharp(halves(40, 20), { raw: { width: 40, height: 20, channels: 3 } }).jpeg({ quality: 95 }).withMetadata({ orientation: 3 }).toBuffer();
    const turned = await decodeRaster(new Uint8Array(upside));
    expect([turned?.width, turned?.height]).toEqual([40, 20]);
    near(rgbAt(turned, 35, 10), RED);
    near(rgbAt(turned, 4, 10), BLUE);
  });

  it('reads 16-bit, alpha, grey+alpha and interlaced PNGs (the PDF wrapper refused them all)', async () => {
    const raw = { raw: { width: 16, height: 8, channels: 3 } } as const;
    const png16 = await sharp(halves(16, 8), raw).toColourspace('rgb16').png().toBuffer();
    expect(pngHeader(png16).bitDepth).toBe(16);
    const sixteen = await decodeRaster(new Uint8Array(png16));
    expect(rgbAt(sixteen, 1, 1)).toEqual(RED);
    expect(rgbAt(sixteen, 14, 6)).toEqual(BLUE);
    expect(sixteen?.data[3]).toBe(255);

    const rgba = Buffer.alloc(4 * 4 * 2, 0);
    for (let i = 0; i < 8; i++) rgba.set([10 * i, 20, 30, i < 4 ? 255 : 64], 4 * i);
    const alphaPng = await sharp(rgba, { raw: { width: 4, height: 2, channels: 4 } }).png().toBuffer();
    expect(pngHeader(alphaPng).colourType).toBe(6);
    const alpha = await decodeRaster(new Uint8Array(alphaPng));
    // RGBA as the browser's getImageData gives it: colour and alpha untouched.
    expect(alpha && [...alpha.data]).toEqual([...rgba]);

    const greyAlphaPng = await sharp(Buffer.from([0, 255, 128, 100, 255, 0]), { raw: { width: 3, height: 1, channels: 2 } }).toColourspace('b-w').png().toBuffer();
    expect(pngHeader(greyAlphaPng).colourType).toBe(4);
    const greyAlpha = await decodeRaster(new Uint8Array(greyAlphaPng));
    expect(greyAlpha && [...greyAlpha.data]).toEqual([0, 0, 0, 255, 128, 128, 128, 100, 255, 255, 255, 0]);

    const interlacedPng = await sharp(halves(33, 17), { raw: { width: 33, height: 17, channels: 3 } }).png({ progressive: true }).toBuffer();
    expect(pngHeader(interlacedPng).interlace).toBe(1);
    const interlaced = await decodeRaster(new Uint8Array(interlacedPng));
    expect([interlaced?.width, interlaced?.height]).toEqual([33, 17]);
    expect(rgbAt(interlaced, 0, 16)).toEqual(RED);
    expect(rgbAt(interlaced, 32, 0)).toEqual(BLUE);
  });

  it('reads grey JPEGs, WebP, TIFF and BMP as RGBA', async () => {
    const grey = await sharp(Buffer.alloc(8 * 8, 200), { raw: { width: 8, height: 8, channels: 1 } }).jpeg().toBuffer();
    near(rgbAt(await decodeRaster(new Uint8Array(grey)), 3, 3), [200, 200, 200], 3);
    const source = sharp(halves(20, 10), { raw: { width: 20, height: 10, channels: 3 } });
    for (const encoded of [await source.clone().webp({ lossless: true }).toBuffer(), await source.clone().tiff({ compression: 'lzw' }).toBuffer()]) {
      const img = await decodeRaster(new Uint8Array(encoded));
      expect([img?.width, img?.height]).toEqual([20, 10]);
      expect(rgbAt(img, 2, 2)).toEqual(RED);
      expect(rgbAt(img, 17, 7)).toEqual(BLUE);
    }
    // A 2×2 24-bit BMP, bottom-up rows padded to 4 bytes: top row red, blue; bottom row white, black.
    const bmp = Buffer.alloc(54 + 16);
    bmp.write('BM', 0, 'latin1'); bmp.writeUInt32LE(bmp.length, 2); bmp.writeUInt32LE(54, 10);
    bmp.writeUInt32LE(40, 14); bmp.writeInt32LE(2, 18); bmp.writeInt32LE(2, 22); bmp.writeUInt16LE(1, 26); bmp.writeUInt16LE(24, 28);
    bmp.set([255, 255, 255, 0, 0, 0], 54); bmp.set([0, 0, 255, 255, 0, 0], 62);
    const img = await decodeRaster(new Uint8Array(bmp));
    expect(img && [...img.data]).toEqual([255, 0, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255]);
  });

  it('refuses a JPEG cut short or with garbage after a valid header: null, never half a page', async () => {
    const noise = Buffer.from(Array.from({ length: 300 * 200 * 3 }, (_, i) => (i * 7919) % 251));
    const jpeg = await sharp(noise, { raw: { width: 300, height: 200, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    expect(await decodeRaster(new Uint8Array(jpeg))).not.toBeNull();
    expect(await decodeRaster(new Uint8Array(jpeg.subarray(0, jpeg.length >> 1)))).toBeNull();
    // Header and tables kept, the second half of the entropy-coded data overwritten with random bytes, the end
    // marker kept. (Garbage without any 0xFF byte can be valid Huffman data: no decoder can tell it from a picture.)
    const garbled = Buffer.from(jpeg);
    let seed = 12345;
    for (let i = jpeg.length >> 1; i < garbled.length - 2; i++) garbled[i] = (seed = (seed * 1103515245 + 12345) >>> 0) >>> 24;
    expect(await decodeRaster(new Uint8Array(garbled))).toBeNull();
    const png = await sharp(noise, { raw: { width: 300, height: 200, channels: 3 } }).png().toBuffer();
    expect(await decodeRaster(new Uint8Array(png.subarray(0, png.length - 2000)))).toBeNull();
    expect(await decodeRaster(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).toBeNull();
    expect(await decodeRaster(new TextEncoder().encode('not an image'))).toBeNull();
  });

  it('refuses an image above the megapixel limit from its header, before allocating its pixels', async () => {
    // A real 50 MP JPEG (one grey colour compresses to ~1 MB): refused from the header alone.
    const [w, h] = [8660, 5774];
    expect((w * h) / 1e6).toBeGreaterThan(MAX_IMAGE_MEGAPIXELS);
    const big = await sharp({ create: { width: w, height: h, channels: 3, background: '#eeeeee' } }).jpeg({ quality: 10 }).toBuffer();
    const before = process.memoryUsage().rss;
    expect(await decodeRaster(new Uint8Array(big))).toBeNull();
    // Decoding would have allocated 200 MB of RGBA.
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  }, 30_000);

  it('decodes each bytes object once', async () => {
    const png = new Uint8Array(await sharp(halves(4, 4), { raw: { width: 4, height: 4, channels: 3 } }).png().toBuffer());
    const [a, b] = await Promise.all([decodeRaster(png), decodeRaster(png)]);
    expect(a).not.toBeNull();
    expect(a).toBe(b);
  });
});

/** A PNG chunk with its CRC (libpng checks them). */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, data.length);
  out.set(Array.from(type, (c) => c.charCodeAt(0)), 4);
  out.set(data, 8);
  v.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
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

/** An RGB PNG of `rows`, row y filtered with filters[y % n]. */
function filteredPng(width: number, rows: Uint8Array[], filters: readonly number[]): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, rows.length);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = rows.flatMap((r, y) => {
    const f = filters[y % filters.length] ?? 0;
    return [f, ...filterRow(r, y > 0 ? rows[y - 1] ?? null : null, 3, f)];
  });
  const parts = [Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Uint8Array.from(raw))), chunk('IEND', new Uint8Array(0))];
  return Uint8Array.from(parts.flatMap((p) => [...p]));
}

describe('PNG row filters', () => {
  it('undoes each filter on the first row and on later rows', async () => {
    const width = 7;
    let s = 1;
    const rows = Array.from({ length: 10 }, () => Uint8Array.from({ length: width * 3 }, () => (s = (s * 1103515245 + 12345) >>> 0) >>> 24));
    for (const filters of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0]]) {
      const img = await decodeRaster(filteredPng(width, rows, filters));
      expect(img && [...img.data]).toEqual(rows.flatMap((r) => Array.from({ length: width }, (_, x) => [r[3 * x], r[3 * x + 1], r[3 * x + 2], 255]).flat()));
    }
  });
});
