// decodeQr for Node: zxing-wasm's reader, its .wasm read from disk (the vendor copy, else node_modules), never a CDN.
// Images are decoded once (TIFF via utif2, PNG/JPEG via decode-image.ts; the pixels are cached for OCR) and zxing
// reads the pixels; other formats go to zxing as bytes (it decodes BMP/GIF itself). When nothing is found, the
// pixels are retried as four corner crops and a 2× downscale.
// WebP and alpha/interlaced/16-bit PNGs cannot be decoded here and get no retries.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { CaptureImage, RasterImage } from '../../shared/capture/pipeline';
import { decodeImage } from './decode-image';
import { NODE_MODULES, VENDOR_DIR } from './paths';
import { cornerCrops, decodeTiff, downscale2x, isTiff } from './raster-node';

const OPTIONS: ReaderOptions = {
  formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true, maxNumberOfSymbols: 4,
};

/** Decoded images at least this wide or tall get crop and downscale retries. */
const RETRY_MIN_SIDE = 600;

let prepared = false;

function prepare(): void {
  if (prepared) return;
  const vendored = join(VENDOR_DIR, 'zxing', 'zxing_reader.wasm');
  const file = existsSync(vendored) ? vendored : join(NODE_MODULES, 'zxing-wasm', 'dist', 'reader', 'zxing_reader.wasm');
  const bytes = readFileSync(file);
  const wasmBinary = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  prepareZXingModule({ overrides: { wasmBinary }, fireImmediately: false });
  prepared = true;
}

async function read(input: Uint8Array | RasterImage): Promise<string[]> {
  const results = await readBarcodes(
    input instanceof Uint8Array
      ? input
      // Our rasters are always backed by a plain ArrayBuffer; the DOM ImageData type insists on it.
      : { data: input.data as Uint8ClampedArray<ArrayBuffer>, width: input.width, height: input.height, colorSpace: 'srgb' },
    OPTIONS,
  );
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
}

/** Every QR text found in the image; empty when none. */
export async function decodeQr(image: CaptureImage): Promise<string[]> {
  prepare();
  let raster: RasterImage | null;
  if (image instanceof Uint8Array) {
    if (isTiff(image)) {
      raster = decodeTiff(image);
      if (!raster) return [];
      const found = await read(raster);
      if (found.length > 0) return found;
    } else {
      // The page is decoded anyway (OCR and the retries need its pixels): zxing reads them instead of decoding
      // the file a second time itself; what our decoder cannot read (WebP, …) goes to zxing as bytes.
      raster = await decodeImage(image);
      if (!raster) return read(image);
      const found = await read(raster);
      if (found.length > 0) return found;
    }
  } else {
    raster = image;
    const found = await read(raster);
    if (found.length > 0) return found;
  }
  if (Math.max(raster.width, raster.height) < RETRY_MIN_SIDE) return [];
  for (const candidate of [...cornerCrops(raster), downscale2x(raster)]) {
    const texts = await read(candidate);
    if (texts.length > 0) return texts;
  }
  return [];
}
