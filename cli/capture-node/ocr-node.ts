// OCR for Node: one tesseract.js worker (chi_sim+eng, LSTM only, PSM 3 AUTO, small-angle deskew), created on
// first use and reused for every file, terminated by close(). Models come from the vendor folder that
// scripts/prepare-assets.mjs fills (chi_sim without its lang.config); nothing is cached or downloaded.
import { createWorker, OEM, PSM, type RecognizeOptions, type Worker, type WorkerParams } from 'tesseract.js';
import type { CaptureImage } from '../../shared/capture/pipeline';
import type { RasterImage } from '../../shared/capture/pipeline';
import type { RegionRequest, RegionText } from '../../shared/capture/text/region-pass';
import { glyphsOf } from '../../shared/capture/text/reading-vote';
import { decodeRaster } from './decode-image';
import { scale } from '../../shared/capture/image/raster-ops';
import { encodePng } from './png-encode';
import { imageSize } from '../../shared/capture/formats/image-size';

/** An OCR engine that can be shut down. */
export interface NodeOcr {
  readonly ocr: (image: CaptureImage) => Promise<string>;
  /** One region of a page as a block or a line (already cropped and scaled by the caller). */
  readonly ocrRegion: (image: RasterImage, request: RegionRequest) => Promise<RegionText>;
  readonly close: () => Promise<void>;
}

/**
 * Images whose longer side is below this are scaled up 2× before OCR: invoice photos and screenshots of
 * ~1000 px are ~150 dpi, and the CJK model reads far better near 300 dpi (on the two sample images most
 * Chinese labels came out as Latin noise at 1×; at 2× they are read). It costs about 4× the OCR time.
 */
const UPSCALE_BELOW = 1600;

function prepared(img: RasterImage): Buffer {
  return Buffer.from(encodePng(Math.max(img.width, img.height) < UPSCALE_BELOW ? scale(img, 2) : img));
}

/**
 * Bytes tesseract's Leptonica can read quickly: a PNG/JPEG that is large enough goes as it is; small images,
 * other formats (TIFF, WebP, BMP) and decoded pixels are (upscaled and) re-encoded as PNG.
 */
async function toReadable(image: CaptureImage): Promise<Buffer> {
  if (!(image instanceof Uint8Array)) return prepared(image);
  const size = imageSize(image);
  const isPngOrJpeg = (image[0] === 0x89 && image[1] === 0x50) || (image[0] === 0xff && image[1] === 0xd8);
  if (isPngOrJpeg && size && Math.max(size.width, size.height) >= UPSCALE_BELOW) return Buffer.from(image.buffer, image.byteOffset, image.byteLength);
  const raster = await decodeRaster(image);
  return raster ? prepared(raster) : Buffer.from(image.buffer, image.byteOffset, image.byteLength);
}

/** An OCR engine reading models from `langPath` (a local folder holding *.traineddata.gz). */
export function createNodeOcr(langPath: string): NodeOcr {
  let worker: Promise<Worker> | null = null;
  const start = async (): Promise<Worker> => {
    const w = await createWorker(['chi_sim', 'eng'], OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
    // debug_file: tesseract's diagnostics ("Estimating resolution as …") would otherwise land on stdout.
    // tessedit_do_invert off: invoices print no white-on-black text, and re-reading every doubtful line
    // inverted is wasted time (most of it on speckled scans).
    await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1', debug_file: '/dev/null', tessedit_do_invert: '0' });
    return w;
  };
  const recognize = async (image: Buffer, options: Partial<RecognizeOptions & WorkerParams>, glyphs = false): Promise<RegionText> => {
    worker ??= start();
    try {
      const w = await worker;
      const { data } = await w.recognize(image, options, { text: true, blocks: glyphs });
      return glyphs && data.blocks ? { text: data.text, glyphs: glyphsOf(data.blocks) } : { text: data.text };
    } catch {
      // An image Leptonica cannot read (or a crashed worker): no text from this file; the next starts afresh.
      const failed = worker;
      worker = null;
      await failed.then((w) => w.terminate()).catch(() => undefined);
      return { text: '' };
    }
  };
  return {
    ocr: async (image) => (await recognize(await toReadable(image), { rotateAuto: true })).text,
    // Per-call parameters: tesseract.js sets them for this call only and restores the page settings after.
    ocrRegion: (image, request) => recognize(Buffer.from(encodePng(image)), {
      tessedit_pageseg_mode: request.mode === 'line' ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK,
      ...(request.whitelist === undefined ? {} : { tessedit_char_whitelist: request.whitelist }),
      ...(request.blacklist === undefined ? {} : { tessedit_char_blacklist: request.blacklist }),
    }, true),
    close: async () => {
      if (worker) await (await worker).terminate();
      worker = null;
    },
  };
}
