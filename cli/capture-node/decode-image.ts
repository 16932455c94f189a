// PNG and JPEG → RGBA in Node without an image library: the bytes are wrapped in a one-page PDF as an image
// XObject (JPEG as /DCTDecode; PNG's zlib stream as /FlateDecode with PNG predictors, which is the same
// format) and pdf.js's own decoders unpack them. Used for QR corner retries and for upscaling before OCR.
// Interlaced, 16-bit and alpha PNGs are not handled (null): callers fall back to the encoded bytes.
import { inflateSync } from 'node:zlib';
import { imageSize } from '../../shared/capture/formats/image-size';
import type { RasterImage } from '../../shared/capture/pipeline';
import { readPdf } from './pdf-node';

const latin1 = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 255);

/** A PDF whose single page paints `stream` as an image with the given dictionary entries. */
function imagePdf(width: number, height: number, dict: string, stream: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const offsets: number[] = [];
  let length = 0;
  const push = (b: Uint8Array) => { parts.push(b); length += b.length; };
  const obj = (n: number, body: string, data?: Uint8Array) => {
    offsets[n] = length;
    push(latin1(`${n} 0 obj\n${body}`));
    if (data) { push(latin1('\nstream\n')); push(data); push(latin1('\nendstream')); }
    push(latin1('\nendobj\n'));
  };
  push(latin1('%PDF-1.4\n'));
  obj(1, '<< /Type /Catalog /Pages 2 0 R >>');
  obj(2, '<< /Type /Pages /Kids [3 0 R] /Count 1 >>');
  obj(3, `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${width} ${height}] /Resources << /XObject << /Im0 4 0 R >> >> /Contents 5 0 R >>`);
  obj(4, `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /BitsPerComponent 8 ${dict} /Length ${stream.length} >>`, stream);
  const content = latin1(`q ${width} 0 0 ${height} 0 0 cm /Im0 Do Q`);
  obj(5, `<< /Length ${content.length} >>`, content);
  const xref = length;
  const rows = [1, 2, 3, 4, 5].map((n) => `${String(offsets[n] ?? 0).padStart(10, '0')} 00000 n \n`).join('');
  push(latin1(`xref\n0 6\n0000000000 65535 f \n${rows}trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`));
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of parts) { out.set(p, at); at += p.length; }
  return out;
}

/** Colour components of a baseline/progressive JPEG (from its SOF segment), or null. */
function jpegComponents(b: Uint8Array): number | null {
  let i = 2;
  while (i + 9 < b.length && b[i] === 0xff) {
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) { i++; continue; }
    const len = ((b[i + 2] ?? 0) << 8) | (b[i + 3] ?? 0);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) return b[i + 9] ?? null;
    i += 2 + len;
  }
  return null;
}

/** The PNG's chunks: IHDR fields, PLTE, and the concatenated IDAT stream. */
function pngParts(b: Uint8Array): { colorType: number; bitDepth: number; interlace: number; palette: Uint8Array | null; idat: Uint8Array } | null {
  const v = new DataView(b.buffer, b.byteOffset, b.byteLength);
  let i = 8;
  let header: { colorType: number; bitDepth: number; interlace: number } | null = null;
  let palette: Uint8Array | null = null;
  const idat: Uint8Array[] = [];
  while (i + 8 <= b.length) {
    const len = v.getUint32(i);
    const type = String.fromCharCode(...b.subarray(i + 4, i + 8));
    const data = b.subarray(i + 8, i + 8 + len);
    if (data.length < len) return null;
    if (type === 'IHDR') header = { bitDepth: data[8] ?? 0, colorType: data[9] ?? 0, interlace: data[12] ?? 0 };
    else if (type === 'PLTE') palette = data;
    else if (type === 'IDAT') idat.push(data);
    else if (type === 'IEND') break;
    i += 12 + len;
  }
  if (!header || idat.length === 0) return null;
  const total = idat.reduce((n, d) => n + d.length, 0);
  const joined = new Uint8Array(total);
  let at = 0;
  for (const d of idat) { joined.set(d, at); at += d.length; }
  return { ...header, palette, idat: joined };
}

const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');

/** The PDF image dictionary for PNG or JPEG bytes, or null for a variant pdf.js cannot take this way. */
function imageDict(bytes: Uint8Array, width: number): { dict: string; stream: Uint8Array } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xd8) {
    const n = jpegComponents(bytes);
    const space = n === 1 ? '/DeviceGray' : n === 3 ? '/DeviceRGB' : n === 4 ? '/DeviceCMYK' : null;
    return space ? { dict: `/ColorSpace ${space} /Filter /DCTDecode`, stream: bytes } : null;
  }
  const png = pngParts(bytes);
  if (!png || png.interlace !== 0 || png.bitDepth !== 8) return null;
  const colors = png.colorType === 0 || png.colorType === 3 ? 1 : png.colorType === 2 ? 3 : 0;
  if (colors === 0) return null; // alpha channels (types 4, 6) would need an SMask
  let space = colors === 1 ? '/DeviceGray' : '/DeviceRGB';
  if (png.colorType === 3) {
    if (!png.palette) return null;
    space = `[/Indexed /DeviceRGB ${png.palette.length / 3 - 1} <${hex(png.palette)}>]`;
  }
  return { dict: `/ColorSpace ${space} /Filter /FlateDecode /DecodeParms << /Predictor 15 /Colors ${colors} /BitsPerComponent 8 /Columns ${width} >>`, stream: png.idat };
}

const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** Bytes per pixel of an 8-bit PNG colour type (grey, RGB, palette, grey+alpha, RGBA), or 0. */
const PNG_CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

/**
 * An 8-bit, non-interlaced PNG decoded with node:zlib and the five PNG row filters; null for other variants.
 * The rows are unfiltered in place in the inflated stream and widened to RGBA in one pass (~0.1 s for a
 * 200-dpi A4 scan; ~1 s through pdf.js).
 */
function decodePng(bytes: Uint8Array, width: number, height: number): RasterImage | null {
  const png = pngParts(bytes);
  const bpp = png ? PNG_CHANNELS[png.colorType] ?? 0 : 0;
  if (!png || png.interlace !== 0 || png.bitDepth !== 8 || bpp === 0 || (png.colorType === 3 && !png.palette)) return null;
  let raw: Uint8Array;
  try {
    raw = inflateSync(png.idat);
  } catch {
    return null;
  }
  const stride = width * bpp;
  if (raw.length < (stride + 1) * height) return null;
  for (let y = 0; y < height; y++) {
    const at = y * (stride + 1) + 1;
    unfilter(raw, at, y > 0 ? at - stride - 1 : -1, stride, bpp, raw[at - 1] ?? 0);
  }
  return { width, height, data: toRgba(raw, width, height, png.colorType, png.palette) };
}

/** RGBA pixels from unfiltered PNG rows (each row preceded by its filter byte). */
function toRgba(raw: Uint8Array, width: number, height: number, colorType: number, palette: Uint8Array | null): Uint8ClampedArray {
  const bpp = PNG_CHANNELS[colorType] ?? 1;
  const data = new Uint8ClampedArray(width * height * 4);
  if (LITTLE_ENDIAN && (colorType === 2 || colorType === 0)) {
    // One 32-bit store per pixel (alpha in the high byte on little-endian machines) instead of four byte stores.
    const px = new Uint32Array(data.buffer);
    for (let y = 0, o = 0; y < height; y++) {
      const row = y * (width * bpp + 1) + 1;
      const end = row + width * bpp;
      if (colorType === 2) for (let q = row; q < end; q += 3) px[o++] = 0xff000000 | ((raw[q + 2] ?? 0) << 16) | ((raw[q + 1] ?? 0) << 8) | (raw[q] ?? 0);
      else for (let q = row; q < end; q++) px[o++] = 0xff000000 | ((raw[q] ?? 0) * 0x010101);
    }
    return data;
  }
  for (let y = 0, o = 0; y < height; y++) {
    const row = y * (width * bpp + 1) + 1;
    const end = row + width * bpp;
    if (colorType === 2) {
      for (let q = row; q < end; q += 3, o += 4) {
        data[o] = raw[q] ?? 0; data[o + 1] = raw[q + 1] ?? 0; data[o + 2] = raw[q + 2] ?? 0; data[o + 3] = 255;
      }
    } else if (colorType === 6) {
      data.set(raw.subarray(row, end), o);
      o += width * 4;
    } else if (colorType === 3 && palette) {
      for (let q = row; q < end; q++, o += 4) {
        const v = 3 * (raw[q] ?? 0);
        data[o] = palette[v] ?? 0; data[o + 1] = palette[v + 1] ?? 0; data[o + 2] = palette[v + 2] ?? 0; data[o + 3] = 255;
      }
    } else {
      for (let q = row; q < end; q += bpp, o += 4) {
        const v = raw[q] ?? 0;
        data[o] = v; data[o + 1] = v; data[o + 2] = v; data[o + 3] = bpp === 2 ? raw[q + 1] ?? 255 : 255;
      }
    }
  }
  return data;
}

/**
 * Decoded pixels by the file's bytes: the QR retries, the upscale before page OCR and the second OCR pass all
 * need the same page's pixels, and each decode of an A4 scan costs 0.1–0.2 s. Callers never write to a raster.
 */
const decoded = new WeakMap<Uint8Array, Promise<RasterImage | null>>();

/**
 * Undoes one row's PNG filter in place: each byte plus a prediction from the byte `bpp` to the left, the byte
 * above (row `up`, -1 on the first row) and the one above-left. Hot loop of the decoder: no bounds branches.
 */
function unfilter(rows: Uint8Array, at: number, up: number, stride: number, bpp: number, filter: number): void {
  const end = at + stride;
  if (filter === 1) {
    for (let i = at + bpp; i < end; i++) rows[i] = (rows[i] ?? 0) + (rows[i - bpp] ?? 0);
  } else if (filter === 2 && up >= 0) {
    for (let i = at, j = up; i < end; i++, j++) rows[i] = (rows[i] ?? 0) + (rows[j] ?? 0);
  } else if (filter === 3) {
    for (let i = 0; i < bpp; i++) rows[at + i] = (rows[at + i] ?? 0) + (up >= 0 ? (rows[up + i] ?? 0) >> 1 : 0);
    if (up < 0) for (let i = at + bpp; i < end; i++) rows[i] = (rows[i] ?? 0) + ((rows[i - bpp] ?? 0) >> 1);
    else for (let i = at + bpp, j = up + bpp; i < end; i++, j++) rows[i] = (rows[i] ?? 0) + (((rows[i - bpp] ?? 0) + (rows[j] ?? 0)) >> 1);
  } else if (filter === 4) {
    // Paeth with no row above is Sub, and the first pixel's prediction is the byte above.
    if (up < 0) {
      for (let i = at + bpp; i < end; i++) rows[i] = (rows[i] ?? 0) + (rows[i - bpp] ?? 0);
      return;
    }
    for (let i = 0; i < bpp; i++) rows[at + i] = (rows[at + i] ?? 0) + (rows[up + i] ?? 0);
    for (let i = at + bpp, j = up + bpp; i < end; i++, j++) {
      const left = rows[i - bpp] ?? 0;
      const above = rows[j] ?? 0;
      const corner = rows[j - bpp] ?? 0;
      const pa = above > corner ? above - corner : corner - above;
      const pb = left > corner ? left - corner : corner - left;
      const pc = left + above - 2 * corner > 0 ? left + above - 2 * corner : 2 * corner - left - above;
      rows[i] = (rows[i] ?? 0) + (pa <= pb && pa <= pc ? left : pb <= pc ? above : corner);
    }
  }
}

/** RGBA pixels of a PNG or JPEG (decoded once per bytes object), or null when this decoder cannot read it. */
export function decodeImage(bytes: Uint8Array): Promise<RasterImage | null> {
  let r = decoded.get(bytes);
  if (!r) {
    r = decodeUncached(bytes);
    decoded.set(bytes, r);
  }
  return r;
}

async function decodeUncached(bytes: Uint8Array): Promise<RasterImage | null> {
  const size = imageSize(bytes);
  if (!size) return null;
  if (bytes[0] === 0x89 && bytes[1] === 0x50) {
    const png = decodePng(bytes, size.width, size.height);
    if (png) return png;
  }
  const spec = imageDict(bytes, size.width);
  if (!spec) return null;
  const r = await readPdf(imagePdf(size.width, size.height, spec.dict, spec.stream));
  const img = r.ok ? r.value.images[0] : undefined;
  return img && img.width === size.width && img.height === size.height ? img : null;
}

/** RGBA pixels of a PNG, JPEG or TIFF, or null when none of the Node decoders can read it. */
export async function decodeRaster(bytes: Uint8Array): Promise<RasterImage | null> {
  const { decodeTiff, isTiff } = await import('./raster-node');
  return isTiff(bytes) ? decodeTiff(bytes) : decodeImage(bytes);
}
