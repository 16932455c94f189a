/**
 * QR decoding with zxing-wasm, loaded from the app's own files (its default would fetch the wasm from a CDN).
 * zxing with tryHarder found codes on desk photos that jsQR missed; when the whole image yields nothing,
 * the corners (where invoices print the code) and a smaller copy are tried too.
 */
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { CaptureImage, RasterImage } from '../../shared/capture/pipeline';
import { crop, toRaster } from './raster';

prepareZXingModule({
  overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? new URL(wasmUrl, self.location.href).href : prefix + path) },
});

const OPTIONS: ReaderOptions = { formats: ['QRCode'], tryHarder: true, tryRotate: true, tryInvert: true, tryDownscale: true, maxNumberOfSymbols: 4 };

const CORNERS: readonly [number, number, number, number][] = [
  [0, 0, 0.5, 0.55], [0.5, 0, 0.5, 0.55], [0, 0.45, 0.5, 0.55], [0.5, 0.45, 0.5, 0.55],
];

async function read(img: RasterImage): Promise<string[]> {
  const results = await readBarcodes(new ImageData(new Uint8ClampedArray(img.data), img.width, img.height), OPTIONS);
  return results.filter((r) => r.isValid).map((r) => r.text);
}

/** Every QR text found in an image. */
export async function decodeQr(image: CaptureImage): Promise<string[]> {
  const raster = image instanceof Uint8Array ? await toRaster(image) : image;
  const whole = await read(raster);
  if (whole.length > 0) return whole;
  for (const [x, y, w, h] of CORNERS) {
    const found = await read(crop(raster, x, y, w, h));
    if (found.length > 0) return found;
  }
  return [];
}
