// Pixel helpers for the Node decoders: BMP → RGBA (libvips, under sharp, reads no BMP; scanners still write
// them), corner crops and a 2× box downscale for QR retries.
import type { RasterImage } from '../../shared/capture/image/raster';

/** True for BMP bytes with a header long enough to read. */
export function isBmp(b: Uint8Array): boolean {
  return b[0] === 0x42 && b[1] === 0x4d && b.length >= 26;
}

/** Colour masks of a 16- or 32-bit BMP: from the header for BI_BITFIELDS, else 5-5-5 or 8-8-8. */
function bmpMasks(v: DataView, bpp: number, compression: number): readonly [number, number, number] | null {
  if (compression === 3 && v.byteLength >= 66) return [v.getUint32(54, true), v.getUint32(58, true), v.getUint32(62, true)];
  if (compression !== 0) return null;
  return bpp === 16 ? [0x7c00, 0x03e0, 0x001f] : [0xff0000, 0x00ff00, 0x0000ff];
}

/** A mask's channel scaled to 0–255. */
function channel(pixel: number, mask: number): number {
  if (mask === 0) return 0;
  const shift = 31 - Math.clz32(mask & -mask);
  const max = mask >>> shift;
  return Math.round((((pixel & mask) >>> shift) * 255) / max);
}

/**
 * An uncompressed BMP (1/4/8-bit palette, 16/24/32-bit, BI_BITFIELDS) as opaque RGBA, bottom-up or top-down;
 * null for RLE, for a header it cannot read, or when the pixel rows are cut short.
 */
export function decodeBmp(b: Uint8Array): RasterImage | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const offset = v.getUint32(10, true);
  const header = v.getUint32(14, true);
  const core = header === 12;
  if (!core && (header < 40 || b.length < 54)) return null;
  const width = core ? v.getUint16(18, true) : v.getInt32(18, true);
  const rawHeight = core ? v.getUint16(20, true) : v.getInt32(22, true);
  const bpp = v.getUint16(core ? 24 : 28, true);
  const compression = core ? 0 : v.getUint32(30, true);
  const height = Math.abs(rawHeight);
  const stride = Math.ceil((width * bpp) / 32) * 4;
  if (![1, 4, 8, 16, 24, 32].includes(bpp) || width <= 0 || height === 0 || offset + stride * height > b.length) return null;
  const paletted = bpp <= 8;
  const entry = core ? 3 : 4;
  const palette = 14 + header;
  // The palette lies between the header and the pixels; writers disagree on how many entries they declare.
  const colours = paletted ? Math.min((core ? 0 : v.getUint32(46, true)) || 1 << bpp, Math.floor((offset - palette) / entry)) : 0;
  if (paletted && (compression !== 0 || colours < 1)) return null;
  const masks = bpp === 16 || bpp === 32 ? bmpMasks(v, bpp, compression) : null;
  if (!paletted && bpp !== 24 && masks === null) return null;
  if (bpp === 24 && compression !== 0) return null;
  const data = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0, o = y * width * 4; x < width; x++, o += 4) {
      if (paletted) {
        const bit = x * bpp;
        const index = ((b[row + (bit >> 3)] ?? 0) >> (8 - bpp - (bit & 7))) & ((1 << bpp) - 1);
        const p = palette + Math.min(index, colours - 1) * entry;
        data[o] = b[p + 2] ?? 0; data[o + 1] = b[p + 1] ?? 0; data[o + 2] = b[p] ?? 0;
      } else if (bpp === 24) {
        const p = row + 3 * x;
        data[o] = b[p + 2] ?? 0; data[o + 1] = b[p + 1] ?? 0; data[o + 2] = b[p] ?? 0;
      } else if (masks) {
        const px = bpp === 16 ? v.getUint16(row + 2 * x, true) : v.getUint32(row + 4 * x, true);
        data[o] = channel(px, masks[0]); data[o + 1] = channel(px, masks[1]); data[o + 2] = channel(px, masks[2]);
      }
      data[o + 3] = 255;
    }
  }
  return { width, height, data };
}

/** A rectangle of the image (clamped to its bounds). */
export function crop(img: RasterImage, x0: number, y0: number, w: number, h: number): RasterImage {
  const x = Math.max(0, Math.floor(x0));
  const y = Math.max(0, Math.floor(y0));
  const width = Math.max(1, Math.min(img.width - x, Math.floor(w)));
  const height = Math.max(1, Math.min(img.height - y, Math.floor(h)));
  const data = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((y + row) * img.width + x) * 4;
    data.set(img.data.subarray(from, from + width * 4), row * width * 4);
  }
  return { width, height, data };
}

/** The four corner quarters (plus a margin), where invoices print their QR code. */
export function cornerCrops(img: RasterImage): RasterImage[] {
  const w = img.width * 0.55;
  const h = img.height * 0.55;
  return [crop(img, 0, 0, w, h), crop(img, img.width - w, 0, w, h), crop(img, 0, img.height - h, w, h), crop(img, img.width - w, img.height - h, w, h)];
}

/** Half the size, each pixel the mean of a 2×2 box (smooths scanner noise and halftone dots). */
export function downscale2x(img: RasterImage): RasterImage {
  const width = Math.max(1, img.width >> 1);
  const height = Math.max(1, img.height >> 1);
  const data = new Uint8ClampedArray(width * height * 4);
  const d = img.data;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const a = (2 * y * img.width + 2 * x) * 4;
      const b = a + img.width * 4;
      for (let c = 0; c < 4; c++) data[(y * width + x) * 4 + c] = ((d[a + c] ?? 0) + (d[a + 4 + c] ?? 0) + (d[b + c] ?? 0) + (d[b + 4 + c] ?? 0)) / 4;
    }
  }
  return { width, height, data };
}
