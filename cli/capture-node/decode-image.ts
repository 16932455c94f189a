// Image bytes → RGBA pixels in Node, the CLI's one decode path: sharp (libvips) reads JPEG, PNG (any bit depth,
// alpha, interlaced), WebP and TIFF (first page), with the EXIF orientation applied as the app's
// createImageBitmap({ imageOrientation: 'from-image' }) does; BMP, which libvips does not read, goes through
// raster-node.ts. Every pixel the QR reader, PP-OCR and tesseract see in the CLI comes from here.
import sharp from 'sharp';
import { imageSizeError, MAX_IMAGE_MEGAPIXELS } from '../../shared/capture/capture-error';
import { imageSize } from '../../shared/capture/formats/image-size';
import type { RasterImage } from '../../shared/capture/image/raster';
import { decodeBmp, isBmp } from './raster-node';

// A batch decodes each file once and never again: libvips' operation cache would only hold on to old pages.
sharp.cache(false);

/**
 * Decoded pixels by the file's bytes: the header check, the QR reader and the OCR stage all need the same
 * page's pixels, and a decode of a 12 MP photo costs ~0.3 s. Callers never write to a raster.
 */
const decoded = new WeakMap<Uint8Array, Promise<RasterImage | null>>();

/**
 * RGBA pixels of a JPEG, PNG, WebP, TIFF or BMP, upright by its EXIF orientation (width and height are the
 * upright image's); null when the bytes are not such an image, are damaged or cut short (a truncated JPEG is
 * refused, never returned half grey), or declare more than MAX_IMAGE_MEGAPIXELS (refused from the header,
 * before any pixel is allocated). Decoded once per bytes object.
 */
export function decodeRaster(bytes: Uint8Array): Promise<RasterImage | null> {
  let r = decoded.get(bytes);
  if (!r) {
    r = decodeUncached(bytes);
    decoded.set(bytes, r);
  }
  return r;
}

async function decodeUncached(bytes: Uint8Array): Promise<RasterImage | null> {
  const size = imageSize(bytes);
  if (!size || imageSizeError(size.width, size.height) !== null) return null;
  if (isBmp(bytes)) return decodeBmp(bytes);
  try {
    const { data, info } = await sharp(bytes, {
      // libvips checks the header against this too, so a header imageSize misread cannot slip through.
      limitInputPixels: MAX_IMAGE_MEGAPIXELS * 1_000_000,
      // Any decoder warning ("Premature end of JPEG file", "Corrupt JPEG data: bad Huffman code") refuses the
      // file: a damaged invoice is sent back to the clerk, not read as half a page.
      failOn: 'warning',
      // The embedded colour profile is not applied, as the app decodes with colorSpaceConversion 'none': Chromium
      // and libvips convert Display P3 to sRGB ±1 apart, which flipped a character between the app and the CLI.
      ignoreIcc: true,
    })
      .rotate()
      .toColourspace('srgb')
      .ensureAlpha()
      .raw({ depth: 'uchar' })
      .toBuffer({ resolveWithObject: true });
    if (info.channels !== 4 || data.length !== info.width * info.height * 4) return null;
    // The engines view the pixels as 32-bit words, which needs a 4-aligned offset (small Buffers share a pool).
    const pixels = data.byteOffset % 4 === 0 ? new Uint8ClampedArray(data.buffer, data.byteOffset, data.length) : new Uint8ClampedArray(data);
    return { width: info.width, height: info.height, data: pixels };
  } catch {
    return null;
  }
}
