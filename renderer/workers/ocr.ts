/**
 * OCR with tesseract.js (chi_sim + eng, automatic page segmentation), entirely from the app's own files:
 * worker script, wasm core and language data are copied into vendor/ by scripts/prepare-assets.mjs.
 * One tesseract worker per capture worker, created on first use and kept.
 */
import { createWorker, PSM, type RecognizeOptions, type Worker, type WorkerParams } from 'tesseract.js';
import type { CaptureImage, RasterImage } from '../../shared/capture/pipeline';
import type { RegionRequest, RegionText } from '../../shared/capture/text/region-pass';
import { glyphsOf } from '../../shared/capture/text/reading-vote';
import { toCanvas, toRaster } from './raster';

const vendor = (path: string) => new URL(`../vendor/${path}`, new URL('.', self.location.href)).href;

let worker: Promise<Worker> | null = null;
let onProgress: ((p: number) => void) | null = null;

function tesseract(): Promise<Worker> {
  worker ??= createWorker(['chi_sim', 'eng'], 1, {
    workerPath: vendor('tesseract/worker.min.js'),
    corePath: vendor('tesseract/core'),
    langPath: vendor('tessdata'),
    workerBlobURL: false,
    cacheMethod: 'none',
    gzip: true,
    logger: (m) => { if (m.status === 'recognizing text') onProgress?.(m.progress); },
  }).then(async (w) => {
    // Invoices print no white-on-black text: re-reading doubtful lines inverted is wasted time.
    await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, tessedit_do_invert: '0' });
    return w;
  });
  return worker;
}

/** The text of an image; `progress` hears 0–1 while it reads. */
export async function ocr(image: CaptureImage, progress?: (p: number) => void): Promise<string> {
  const raster = image instanceof Uint8Array ? await toRaster(image) : image;
  const w = await tesseract();
  onProgress = progress ?? null;
  try {
    const result = await w.recognize(toCanvas(raster), { rotateAuto: true });
    return result.data.text;
  } finally {
    onProgress = null;
  }
}

/** One region of a page (already cropped and scaled) as a block (PSM 6) or a single line (PSM 7), optionally white/blacklisted; with glyph confidences. */
export async function ocrRegion(image: RasterImage, request: RegionRequest): Promise<RegionText> {
  const w = await tesseract();
  const canvas = new OffscreenCanvas(image.width, image.height);
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('no 2d context');
  ctx.putImageData(new ImageData(new Uint8ClampedArray(image.data), image.width, image.height), 0, 0);
  // tesseract.js sets these for this call only and restores the page settings afterwards.
  const params: Partial<RecognizeOptions & WorkerParams> = {
    tessedit_pageseg_mode: request.mode === 'line' ? PSM.SINGLE_LINE : PSM.SINGLE_BLOCK,
    ...(request.whitelist === undefined ? {} : { tessedit_char_whitelist: request.whitelist }),
    ...(request.blacklist === undefined ? {} : { tessedit_char_blacklist: request.blacklist }),
  };
  const { data } = await w.recognize(canvas, params, { text: true, blocks: true });
  return data.blocks ? { text: data.text, glyphs: glyphsOf(data.blocks) } : { text: data.text };
}
