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
    imageSize: (b) => Promise.resolve(headerSize(b)),
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
      decodeImage: async (bytes) => (await import('./decode-image')).decodeRaster(bytes),
    },
    close: async () => {
      if (engine) await (await engine).close();
      if (ppocr) await (await ppocr).close();
    },
  };
}

/** The header size; null when unreadable or when a small-enough image was cut short (an oversized one is left to be refused). */
function headerSize(b: Uint8Array): { width: number; height: number } | null {
  const size = imageSize(b);
  if (size === null || imageSizeError(size.width, size.height) !== null) return size;
  return isTruncated(b) ? null : size;
}

/**
 * A PNG without its IEND chunk or a JPEG without an end-of-image marker near its end was cut short (an
 * interrupted download or copy); the pipeline then reports corruptFile instead of OCR-ing half an image.
 */
export function isTruncated(b: Uint8Array): boolean {
  const tail = b.subarray(Math.max(0, b.length - 1024));
  const has = (needle: readonly number[]) => tail.some((_, i) => needle.every((x, k) => tail[i + k] === x));
  if (b[0] === 0x89 && b[1] === 0x50 && b[2] === 0x4e && b[3] === 0x47) return !has([0x49, 0x45, 0x4e, 0x44]);
  if (b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return !has([0xff, 0xd9]);
  return false;
}
