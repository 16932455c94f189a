// OCR for Node: one tesseract.js worker (chi_sim+eng, LSTM only, PSM 3 AUTO, small-angle deskew), created on
// first use and reused for every file, terminated by close(). Models come from the vendor folder that
// scripts/prepare-assets.mjs fills (chi_sim without its lang.config); nothing is cached or downloaded.
import { createWorker, OEM, PSM, type Worker } from 'tesseract.js';
import type { CaptureImage } from '../../shared/capture/pipeline';
import { decodeTiff, encodeBmp, isTiff } from './raster-node';

/** An OCR engine that can be shut down. */
export interface NodeOcr {
  readonly ocr: (image: CaptureImage) => Promise<string>;
  readonly close: () => Promise<void>;
}

/** Bytes tesseract's Leptonica can read: PNG/JPEG/BMP/WebP as they are, TIFF and raw pixels as BMP. */
function toReadable(image: CaptureImage): Buffer {
  if (!(image instanceof Uint8Array)) return Buffer.from(encodeBmp(image));
  if (isTiff(image)) {
    const raster = decodeTiff(image);
    if (!raster) throw new Error('TIFF could not be decoded');
    return Buffer.from(encodeBmp(raster));
  }
  return Buffer.from(image.buffer, image.byteOffset, image.byteLength);
}

/** An OCR engine reading models from `langPath` (a local folder holding *.traineddata.gz). */
export function createNodeOcr(langPath: string): NodeOcr {
  let worker: Promise<Worker> | null = null;
  const start = async (): Promise<Worker> => {
    const w = await createWorker(['chi_sim', 'eng'], OEM.LSTM_ONLY, { langPath, gzip: true, cacheMethod: 'none' });
    await w.setParameters({ tessedit_pageseg_mode: PSM.AUTO, preserve_interword_spaces: '1' });
    return w;
  };
  return {
    ocr: async (image) => {
      worker ??= start();
      const w = await worker;
      const { data } = await w.recognize(toReadable(image), { rotateAuto: true });
      return data.text;
    },
    close: async () => {
      if (worker) await (await worker).terminate();
      worker = null;
    },
  };
}
