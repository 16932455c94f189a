/**
 * OCR with tesseract.js (chi_sim + eng, automatic page segmentation), entirely from the app's own files:
 * worker script, wasm core and language data are copied into vendor/ by scripts/prepare-assets.mjs.
 * One tesseract worker per capture worker, created on first use and kept.
 */
import { createWorker, PSM, type Worker } from 'tesseract.js';
import type { CaptureImage } from '../../shared/capture/pipeline';
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
    await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO });
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
