/**
 * Decodes image bytes to RGBA pixels in a worker: EXIF orientation honoured (createImageBitmap), TIFF through
 * utif2 because Chromium cannot decode it. Results are cached per byte array so QR and OCR decode once.
 * The embedded colour profile is not applied (colorSpaceConversion 'none'), as in the CLI (sharp's ignoreIcc):
 * the samples as stored are then decoded to the same bytes in both, where two colour engines rounded ±1 apart
 * (Chromium's skcms, libvips' lcms2) and a borderline character could read differently. Text needs no colour fidelity.
 */
import * as UTIF from 'utif2';
import type { RasterImage } from '../../shared/capture/pipeline';

const cache = new WeakMap<Uint8Array, Promise<RasterImage>>();

/** The pixels of an encoded image. */
export function toRaster(bytes: Uint8Array): Promise<RasterImage> {
  let p = cache.get(bytes);
  if (!p) {
    p = decode(bytes);
    cache.set(bytes, p);
  }
  return p;
}

function isTiff(b: Uint8Array): boolean {
  return (b[0] === 0x49 && b[1] === 0x49 && b[2] === 0x2a) || (b[0] === 0x4d && b[1] === 0x4d && b[3] === 0x2a);
}

async function decode(bytes: Uint8Array): Promise<RasterImage> {
  if (isTiff(bytes)) {
    const buffer = bytes.slice().buffer;
    const [ifd] = UTIF.decode(buffer);
    if (!ifd) throw new Error('TIFF without an image');
    UTIF.decodeImage(buffer, ifd);
    const { width, height } = ifd;
    return { width, height, data: new Uint8ClampedArray(UTIF.toRGBA8(ifd)) };
  }
  const bitmap = await createImageBitmap(new Blob([bytes.slice()]), { imageOrientation: 'from-image', colorSpaceConversion: 'none' });
  try {
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const img = ctx.getImageData(0, 0, bitmap.width, bitmap.height);
    return { width: img.width, height: img.height, data: img.data };
  } finally {
    bitmap.close();
  }
}

/** A rectangle of an image (x, y, w, h as fractions of the whole). */
export function crop(img: RasterImage, fx: number, fy: number, fw: number, fh: number): RasterImage {
  const x0 = Math.floor(img.width * fx);
  const y0 = Math.floor(img.height * fy);
  const w = Math.max(1, Math.floor(img.width * fw));
  const h = Math.max(1, Math.floor(img.height * fh));
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const from = ((y0 + y) * img.width + x0) * 4;
    out.set(img.data.subarray(from, from + w * 4), y * w * 4);
  }
  return { width: w, height: h, data: out };
}

/**
 * The image as an OffscreenCanvas for OCR, scaled 2× when its longer side is under 1600 px: invoice photos
 * and screenshots of ~1000 px are ~150 dpi, and the CJK model reads far better nearer 300 dpi.
 */
export function toCanvas(img: RasterImage): OffscreenCanvas {
  const source = new OffscreenCanvas(img.width, img.height);
  const sctx = source.getContext('2d');
  if (!sctx) throw new Error('no 2d context');
  sctx.putImageData(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), 0, 0);
  if (Math.max(img.width, img.height) >= 1600) return source;
  const scaled = new OffscreenCanvas(img.width * 2, img.height * 2);
  const ctx = scaled.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.imageSmoothingQuality = 'high';
  ctx.drawImage(source, 0, 0, img.width * 2, img.height * 2);
  return scaled;
}
