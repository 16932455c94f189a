// decodeQr for Node: zxing-wasm's reader, its .wasm read from disk (the vendor copy, else node_modules), never a CDN.
// Images are decoded once by decode-image.ts (the pixels are cached for OCR) and zxing reads the pixels. When
// nothing is found, the pixels are retried as four corner crops and a 2× downscale.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import type { CaptureImage, RasterImage } from '../../shared/capture/pipeline';
import { decodeRaster } from './decode-image';
import { NODE_MODULES, VENDOR_DIR } from './paths';
import { cornerCrops, downscale2x } from './raster-node';

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

async function read(image: RasterImage): Promise<string[]> {
  // Our rasters are always backed by a plain ArrayBuffer; the DOM ImageData type insists on it.
  const pixels = { data: image.data as Uint8ClampedArray<ArrayBuffer>, width: image.width, height: image.height, colorSpace: 'srgb' } as const;
  const results = await readBarcodes(pixels, OPTIONS);
  return results.filter((r) => r.isValid && r.text !== '').map((r) => r.text);
}

/** Every QR text found in the image; empty when none. */
export async function decodeQr(image: CaptureImage): Promise<string[]> {
  prepare();
  // A page given as bytes is decoded anyway (OCR and the retries need its pixels): zxing reads the pixels
  // instead of decoding the file a second time itself. Bytes that do not decode (damaged, oversized) hold no QR
  // code worth trusting.
  const raster = image instanceof Uint8Array ? await decodeRaster(image) : image;
  if (!raster) return [];
  const found = await read(raster);
  if (found.length > 0) return found;
  if (Math.max(raster.width, raster.height) < RETRY_MIN_SIDE) return [];
  for (const candidate of [...cornerCrops(raster), downscale2x(raster)]) {
    const texts = await read(candidate);
    if (texts.length > 0) return texts;
  }
  return [];
}
