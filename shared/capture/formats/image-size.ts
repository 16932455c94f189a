// Pixel size of an encoded image from its header alone, so an oversized image (a 15000×15000 "scan") is refused
// before anything allocates its pixels. Pure and synchronous: the renderer and the CLI share it.

/** Width and height in pixels. */
export interface ImageSize {
  readonly width: number;
  readonly height: number;
}

const size = (width: number, height: number): ImageSize | null => (width > 0 && height > 0 ? { width, height } : null);

function view(bytes: Uint8Array): DataView {
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function ascii(bytes: Uint8Array, at: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(at, at + length));
}

/** PNG: IHDR is the first chunk; width and height are big-endian at 16 and 20. */
function pngSize(b: Uint8Array): ImageSize | null {
  if (b.length < 24 || ascii(b, 12, 4) !== 'IHDR') return null;
  const v = view(b);
  return size(v.getUint32(16), v.getUint32(20));
}

/** GIF: logical screen size, little-endian at 6 and 8. */
function gifSize(b: Uint8Array): ImageSize | null {
  if (b.length < 10) return null;
  const v = view(b);
  return size(v.getUint16(6, true), v.getUint16(8, true));
}

/** BMP: BITMAPCOREHEADER (12 bytes, 16-bit sizes) or BITMAPINFOHEADER and later (32-bit; height < 0 = top-down). */
function bmpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 26) return null;
  const v = view(b);
  const headerSize = v.getUint32(14, true);
  if (headerSize === 12) return size(v.getUint16(18, true), v.getUint16(20, true));
  return size(v.getInt32(18, true), Math.abs(v.getInt32(22, true)));
}

/** JPEG: walks the segments to the first SOFn marker (C0–CF except C4 DHT, C8 JPG, CC DAC). */
function jpegSize(b: Uint8Array): ImageSize | null {
  const v = view(b);
  let i = 2;
  while (i + 9 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1] ?? 0;
    if (marker === 0xff) { i++; continue; } // fill byte
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { i += 2; continue; }
    const length = v.getUint16(i + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      return size(v.getUint16(i + 7), v.getUint16(i + 5));
    }
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

/** WebP: VP8 (lossy), VP8L (lossless) or VP8X (extended) as the first chunk. */
function webpSize(b: Uint8Array): ImageSize | null {
  if (b.length < 30) return null;
  const v = view(b);
  const chunk = ascii(b, 12, 4);
  if (chunk === 'VP8 ') return size(v.getUint16(26, true) & 0x3fff, v.getUint16(28, true) & 0x3fff);
  if (chunk === 'VP8L') {
    const bits = v.getUint32(21, true);
    return size((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (chunk === 'VP8X') {
    const w = (b[24] ?? 0) | ((b[25] ?? 0) << 8) | ((b[26] ?? 0) << 16);
    const h = (b[27] ?? 0) | ((b[28] ?? 0) << 8) | ((b[29] ?? 0) << 16);
    return size(w + 1, h + 1);
  }
  return null;
}

/** TIFF: ImageWidth (256) and ImageLength (257) in the first IFD, SHORT or LONG, either byte order. */
function tiffSize(b: Uint8Array): ImageSize | null {
  if (b.length < 8) return null;
  const v = view(b);
  const little = b[0] === 0x49;
  const ifd = v.getUint32(4, little);
  if (ifd + 2 > b.length) return null;
  const count = v.getUint16(ifd, little);
  let width = 0;
  let height = 0;
  for (let k = 0; k < count; k++) {
    const at = ifd + 2 + 12 * k;
    if (at + 12 > b.length) return null;
    const tag = v.getUint16(at, little);
    if (tag !== 256 && tag !== 257) continue;
    const type = v.getUint16(at + 2, little);
    const value = type === 3 ? v.getUint16(at + 8, little) : type === 4 ? v.getUint32(at + 8, little) : 0;
    if (tag === 256) width = value;
    else height = value;
  }
  return size(width, height);
}

const startsWith = (b: Uint8Array, prefix: readonly number[], at = 0): boolean => prefix.every((x, i) => b[at + i] === x);

/** The pixel size of a PNG, JPEG, GIF, BMP, TIFF or WebP from its header, or null when the header is not readable. */
export function imageSize(bytes: Uint8Array): ImageSize | null {
  const b = bytes;
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return pngSize(b);
  if (startsWith(b, [0xff, 0xd8, 0xff])) return jpegSize(b);
  if (startsWith(b, [0x47, 0x49, 0x46, 0x38])) return gifSize(b);
  if (startsWith(b, [0x49, 0x49, 0x2a, 0x00]) || startsWith(b, [0x4d, 0x4d, 0x00, 0x2a])) return tiffSize(b);
  if (ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webpSize(b);
  if (startsWith(b, [0x42, 0x4d])) return bmpSize(b);
  return null;
}
