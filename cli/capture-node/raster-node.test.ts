import { describe, expect, it } from 'vitest';
import { imageSize } from '../../shared/capture/formats/image-size';
import { decodeRaster } from './decode-image';
import { scale } from '../../shared/capture/image/raster-ops';
import { cornerCrops, crop, decodeBmp, downscale2x } from './raster-node';
import { encodePng } from './png-encode';

/** A 3×2 image: red, green, blue / white, black, half-transparent black. */
const sample = {
  width: 3, height: 2,
  data: Uint8ClampedArray.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 0, 0, 0, 128]),
};

describe('Node raster helpers', () => {
  it('encodes a PNG that decodes back to the pixels, alpha over white', async () => {
    const png = encodePng(sample);
    expect(imageSize(png)).toEqual({ width: 3, height: 2 });
    const back = await decodeRaster(png);
    expect(back && [...back.data]).toEqual([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255]);
  });

  it('encodes an opaque grey image as a one-channel PNG that decodes back to the same pixels', async () => {
    const grey = { width: 2, height: 2, data: Uint8ClampedArray.from([0, 0, 0, 255, 90, 90, 90, 255, 200, 200, 200, 255, 255, 255, 255, 255]) };
    const png = encodePng(grey);
    expect(png[25]).toBe(0); // IHDR colour type: greyscale
    expect(png.length).toBeLessThan(encodePng({ ...grey, data: Uint8ClampedArray.from([...grey.data.subarray(0, 12), 255, 255, 254, 255]) }).length);
    const back = await decodeRaster(png);
    expect(back && [...back.data]).toEqual([...grey.data]);
  });

  it('crops, takes corners and downscales', () => {
    expect(crop(sample, 1, 1, 5, 5)).toEqual({ width: 2, height: 1, data: Uint8ClampedArray.from([0, 0, 0, 255, 0, 0, 0, 128]) });
    expect(cornerCrops(sample)).toHaveLength(4);
    const half = downscale2x(sample);
    expect([half.width, half.height]).toEqual([1, 1]);
    expect([...half.data]).toEqual([128, 128, 64, 255]);
    const doubled = scale(sample, 2);
    expect([doubled.width, doubled.height]).toEqual([6, 4]);
    expect([...doubled.data.subarray(0, 4)]).toEqual([...sample.data.subarray(0, 4)]);
  });

  it('decodes a hand-made PNG and refuses it cut short', async () => {
    // 2×1 RGB PNG: red, blue (zlib stream of two filter-0 rows is built by fflate).
    const { zlibSync } = await import('fflate');
    const crc32 = (b: Uint8Array) => {
      let c = ~0;
      for (const x of b) { c ^= x; for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1)); }
      return ~c >>> 0;
    };
    const chunk = (type: string, data: Uint8Array) => {
      const body = Uint8Array.from(Array.from(type, (ch) => ch.charCodeAt(0)).concat([...data]));
      const out = new Uint8Array(12 + data.length);
      const v = new DataView(out.buffer);
      v.setUint32(0, data.length); out.set(body, 4); v.setUint32(8 + data.length, crc32(body));
      return out;
    };
    const ihdr = new Uint8Array(13);
    new DataView(ihdr.buffer).setUint32(0, 2); new DataView(ihdr.buffer).setUint32(4, 1); ihdr[8] = 8; ihdr[9] = 2;
    const idat = zlibSync(Uint8Array.from([0, 255, 0, 0, 0, 0, 255]));
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...chunk('IHDR', ihdr), ...chunk('IDAT', idat), ...chunk('IEND', new Uint8Array(0))]);
    expect(await decodeRaster(png.subarray(0, 40))).toBeNull();
    const raster = await decodeRaster(png);
    expect(raster?.width).toBe(2);
    expect([...(raster?.data ?? [])]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });

  it('decodes palette, 32-bit BITFIELDS and top-down BMPs, and refuses RLE or cut-short ones', () => {
    /** A BMP with a 40-byte info header; `palette` BGRA entries, then rows (each padded to 4 bytes). */
    const bmp = (w: number, h: number, bpp: number, rows: number[][], extra: { compression?: number; palette?: number[]; masks?: number[] } = {}) => {
      const head = 54 + (extra.masks?.length ?? 0) * 4 + (extra.palette?.length ?? 0);
      const stride = Math.ceil((w * bpp) / 32) * 4;
      const b = Buffer.alloc(head + stride * rows.length);
      b.write('BM', 0, 'latin1'); b.writeUInt32LE(b.length, 2); b.writeUInt32LE(head, 10);
      b.writeUInt32LE(40, 14); b.writeInt32LE(w, 18); b.writeInt32LE(h, 22); b.writeUInt16LE(1, 26); b.writeUInt16LE(bpp, 28);
      b.writeUInt32LE(extra.compression ?? 0, 30);
      (extra.masks ?? []).forEach((m, i) => b.writeUInt32LE(m, 54 + 4 * i));
      b.set(extra.palette ?? [], 54 + (extra.masks?.length ?? 0) * 4);
      rows.forEach((r, y) => { b.set(r, head + y * stride); });
      return new Uint8Array(b);
    };
    // 1-bit, 3×2, bottom-up: palette 0 = black, 1 = white; bottom row 101, top row 010.
    const mono = decodeBmp(bmp(3, 2, 1, [[0b10100000], [0b01000000]], { palette: [0, 0, 0, 0, 255, 255, 255, 0] }));
    expect(mono && [...mono.data].filter((_, i) => i % 4 === 0)).toEqual([0, 255, 0, 255, 0, 255]);
    // 8-bit grey ramp, top-down (negative height).
    const ramp = decodeBmp(bmp(2, -1, 8, [[0, 1]], { palette: [10, 10, 10, 0, 200, 100, 50, 0] }));
    expect(ramp && [...ramp.data]).toEqual([10, 10, 10, 255, 50, 100, 200, 255]);
    // 32-bit BI_BITFIELDS with masks for R, G, B in the low three bytes (BGRX order on disk).
    const wide = decodeBmp(bmp(1, 1, 32, [[30, 20, 10, 0]], { compression: 3, masks: [0xff0000, 0xff00, 0xff] }));
    expect(wide && [...wide.data]).toEqual([10, 20, 30, 255]);
    // 16-bit 5-5-5: pure red is 0x7c00.
    const short = decodeBmp(bmp(1, 1, 16, [[0x00, 0x7c]]));
    expect(short && [...short.data]).toEqual([255, 0, 0, 255]);
    expect(decodeBmp(bmp(2, 1, 8, [[0, 1]], { compression: 1, palette: [0, 0, 0, 0, 9, 9, 9, 0] }))).toBeNull();
    expect(decodeBmp(bmp(3, 2, 24, [[1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3]]).subarray(0, 60))).toBeNull();
  });
});
