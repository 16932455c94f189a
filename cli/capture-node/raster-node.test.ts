import { describe, expect, it } from 'vitest';
import { imageSize } from '../../shared/capture/formats/image-size';
import { decodeImage } from './decode-image';
import { scale } from '../../shared/capture/image/raster-ops';
import { isTruncated } from './index';
import { cornerCrops, crop, downscale2x } from './raster-node';
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
    const back = await decodeImage(png);
    expect(back && [...back.data]).toEqual([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255, 0, 0, 0, 255, 127, 127, 127, 255]);
  });

  it('encodes an opaque grey image as a one-channel PNG that decodes back to the same pixels', async () => {
    const grey = { width: 2, height: 2, data: Uint8ClampedArray.from([0, 0, 0, 255, 90, 90, 90, 255, 200, 200, 200, 255, 255, 255, 255, 255]) };
    const png = encodePng(grey);
    expect(png[25]).toBe(0); // IHDR colour type: greyscale
    expect(png.length).toBeLessThan(encodePng({ ...grey, data: Uint8ClampedArray.from([...grey.data.subarray(0, 12), 255, 255, 254, 255]) }).length);
    const back = await decodeImage(png);
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

  it('decodes a PNG through pdf.js and round-trips the pixels', async () => {
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
    expect(isTruncated(png)).toBe(false);
    expect(isTruncated(png.subarray(0, 40))).toBe(true);
    const raster = await decodeImage(png);
    expect(raster?.width).toBe(2);
    expect([...(raster?.data ?? [])]).toEqual([255, 0, 0, 255, 0, 0, 255, 255]);
  });
});
