// Pixel helpers for the Node decoders: TIFF → RGBA (utif2), RGBA → BMP bytes (what tesseract's Leptonica reads
// without any codec), corner crops and a 2× box downscale for QR retries.
import * as UTIF from 'utif2';
import type { RasterImage } from '../../shared/capture/pipeline';

/** True for TIFF bytes (either byte order). */
export function isTiff(b: Uint8Array): boolean {
  return (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a && b[3] === 0) || (b[0] === 0x4d && b[1] === 0x4d && b[2] === 0 && b[3] === 0x2a);
}

/** The first page of a TIFF as RGBA, or null when utif2 cannot decode it. */
export function decodeTiff(bytes: Uint8Array): RasterImage | null {
  try {
    const buffer = bytes.slice().buffer;
    const [ifd] = UTIF.decode(buffer);
    if (!ifd) return null;
    UTIF.decodeImage(buffer, ifd);
    const { width, height } = ifd;
    if (!(width > 0 && height > 0)) return null;
    const rgba = UTIF.toRGBA8(ifd);
    return rgba.length === width * height * 4 ? { width, height, data: new Uint8ClampedArray(rgba) } : null;
  } catch {
    return null;
  }
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
