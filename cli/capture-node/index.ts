// Node implementations of the capture pipeline's platform decoders (shared/capture/pipeline.ts CaptureDeps).
import { imageSize } from '../../shared/capture/image-size';
import type { CaptureDeps } from '../../shared/capture/pipeline';
import { createNodeOcr } from './ocr-node';
import { tessdataDir } from './paths';
import { readPdf } from './pdf-node';
import { decodeQr } from './qr-node';

export { tessdataDir, VENDOR_DIR } from './paths';

/** CaptureDeps for Node and a close() that stops the OCR worker. */
export interface NodeCapture {
  readonly deps: CaptureDeps;
  readonly close: () => Promise<void>;
}

/** Builds the Node decoders; OCR is present when `langPath` (a folder of .traineddata.gz) is given. */
export function createNodeCapture(options: { readonly langPath?: string | null } = {}): NodeCapture {
  const base: CaptureDeps = { readPdf, decodeQr, imageSize: (b) => Promise.resolve(imageSize(b)) };
  const langPath = options.langPath === undefined ? tessdataDir() : options.langPath;
  if (langPath === null) return { deps: base, close: () => Promise.resolve() };
  const engine = createNodeOcr(langPath);
  return { deps: { ...base, ocr: engine.ocr }, close: engine.close };
}
