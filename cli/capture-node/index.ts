// Node implementations of the capture pipeline's platform decoders (shared/capture/pipeline.ts CaptureDeps).
import { imageSizeError } from '../../shared/capture/capture-error';
import { imageSize } from '../../shared/capture/formats/image-size';
import type { CaptureDeps } from '../../shared/capture/pipeline';
import type { NodeOcr } from './ocr-node';
import type { PpocrEngine } from './ppocr';
import { tessdataDir } from './paths';

export { tessdataDir, VENDOR_DIR } from './paths';

/** CaptureDeps for Node and a close() that stops the OCR worker. */
export interface NodeCapture {
  readonly deps: CaptureDeps;
  readonly close: () => Promise<void>;
}

/** Which text engines to use: PP-OCR first with tesseract as its fallback (default), or only one of them. */
export type TextEngineChoice = 'ppocr' | 'tesseract' | 'both';

/** Options of createNodeCapture. */
export interface NodeCaptureOptions {
  /** Folder of tesseract's .traineddata.gz; null = no OCR at all; default: the bundled folder. */
  readonly langPath?: string | null;
  /** Default 'both': PP-OCR reads the page, tesseract re-reads cells and stands in when PP-OCR cannot start. */
  readonly engine?: TextEngineChoice;
}

/**
 * Builds the Node decoders; OCR is present when `langPath` (a folder of .traineddata.gz) is given.
 * pdf.js, zxing and tesseract.js are imported on first use: an OFD/XML batch never pays for loading them.
 */
export function createNodeCapture(options: NodeCaptureOptions = {}): NodeCapture {
  const base: CaptureDeps = {
    readPdf: async (b) => (await import('./pdf-node')).readPdf(b),
    decodeQr: async (img) => (await import('./qr-node')).decodeQr(img),
    imageSize: checkedSize,
    decodeImage: async (bytes) => (await import('./decode-image')).decodeRaster(bytes),
  };
  const langPath = options.langPath === undefined ? tessdataDir() : options.langPath;
  if (langPath === null) return { deps: base, close: () => Promise.resolve() };
  const choice = options.engine ?? 'both';
  let engine: Promise<NodeOcr> | null = null;
  const ocrEngine = () => (engine ??= import('./ocr-node').then((m) => m.createNodeOcr(langPath)));
  let ppocr: Promise<PpocrEngine> | null = null;
  const linesEngine = () => (ppocr ??= import('./ppocr').then((m) => m.createPpocrEngine()));
  const tesseract: Partial<CaptureDeps> = choice === 'ppocr' ? {} : {
    ocr: async (img) => (await ocrEngine()).ocr(img),
    ocrRegion: async (img, request) => (await ocrEngine()).ocrRegion(img, request),
  };
  const lines: Partial<CaptureDeps> = choice === 'tesseract' ? {} : { readLines: async (img) => (await linesEngine()).recognizeLines(img) };
  return {
    deps: {
      ...base,
      ...tesseract,
      ...lines,
    },
    close: async () => {
      if (engine) await (await engine).close();
      if (ppocr) await (await ppocr).close();
    },
  };
}

/**
 * The image's size, or null when it is not an image this host can read. An oversized image keeps its header
 * size (the pipeline refuses it with that size, nothing decoded); any other image is decoded here, once for
 * the whole capture (decodeRaster caches it for the QR reader and OCR), so a damaged or cut-short file is
 * corruptFile before anything reads half a page.
 */
async function checkedSize(b: Uint8Array): Promise<{ width: number; height: number } | null> {
  const size = imageSize(b);
  if (size === null || imageSizeError(size.width, size.height) !== null) return size;
  const raster = await (await import('./decode-image')).decodeRaster(b);
  return raster && { width: raster.width, height: raster.height };
}
