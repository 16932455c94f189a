// A minimal PNG encoder for handing decoded pixels to tesseract: grey or RGB, no filtering, stored deflate
// blocks by node:zlib (the PNG only crosses to the OCR worker in memory; compressing it cost ~0.3 s per A4 page,
// and fflate's stored blocks ~0.1 s against node:zlib's 0.02 s). The BMP used before declared 72 dpi, which
// made tesseract.js ~8× slower on an A4 page (20 s vs 2.7 s): a PNG without a resolution chunk lets tesseract
// estimate it.
import { crc32, deflateSync } from 'node:zlib';
import type { RasterImage } from '../../shared/capture/pipeline';

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** True when every pixel is opaque and grey (R = G = B): a despeckled or grey page, stored at one byte a pixel. */
function isOpaqueGrey(data: Uint8ClampedArray): boolean {
  for (let p = 0; p < data.length; p += 4) if (data[p] !== data[p + 1] || data[p] !== data[p + 2] || data[p + 3] !== 255) return false;
  return true;
}

/** One-byte-per-pixel rows (filter byte 0 each) of an opaque grey image. */
function greyRows(img: RasterImage): Uint8Array {
  const { width, height, data } = img;
  const raw = new Uint8Array((width + 1) * height);
  for (let y = 0, o = 0; y < height; y++) {
    raw[o++] = 0;
    for (let x = 0, p = y * width * 4; x < width; x++, p += 4) raw[o++] = data[p] ?? 0;
  }
  return raw;
}

/**
 * Encodes RGBA pixels as a PNG without a resolution chunk (tesseract estimates it): 8-bit grey when every pixel
 * is opaque grey (a third of the bytes to copy and parse for a despeckled A4 page), else RGB with alpha blended onto white.
 */
export function encodePng(img: RasterImage): Uint8Array {
  const { width, height, data } = img;
  const grey = isOpaqueGrey(data);
  const raw = grey ? greyRows(img) : rgbRows(img);
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, grey ? 0 : 2, 0, 0, 0], 8); // 8-bit, grey or RGB, deflate, no filter, no interlace
  const parts = [new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 0 })), chunk('IEND', new Uint8Array())];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Three-bytes-per-pixel rows (filter byte 0 each), alpha blended onto white. */
function rgbRows(img: RasterImage): Uint8Array {
  const { width, height, data } = img;
  const raw = new Uint8Array((width * 3 + 1) * height);
  for (let y = 0, o = 0; y < height; y++) {
    raw[o++] = 0; // filter: none
    for (let x = 0, p = y * width * 4; x < width; x++, p += 4) {
      if (data[p + 3] === 255) {
        raw[o++] = data[p] ?? 0;
        raw[o++] = data[p + 1] ?? 0;
        raw[o++] = data[p + 2] ?? 0;
        continue;
      }
      const a = (data[p + 3] ?? 255) / 255;
      raw[o++] = Math.round((data[p] ?? 0) * a + 255 * (1 - a));
      raw[o++] = Math.round((data[p + 1] ?? 0) * a + 255 * (1 - a));
      raw[o++] = Math.round((data[p + 2] ?? 0) * a + 255 * (1 - a));
    }
  }
  return raw;
}
