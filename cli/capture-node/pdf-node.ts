// readPdf for Node: pdf.js's legacy build with its worker code run in-process (no worker thread, no canvas),
// handed to the shared reader (shared/capture/formats/pdf-content.ts) with local asset paths.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, GlobalWorkerOptions, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import type { CaptureError } from '../../shared/capture/capture-error';
import { readPdfContent, type PdfJsApi } from '../../shared/capture/formats/pdf-content';
import type { PdfContent } from '../../shared/capture/pipeline';
import type { Result } from '../../shared/domain/result';
import { NODE_MODULES } from './paths';

const PDFJS = join(NODE_MODULES, 'pdfjs-dist');
// The worker module from node_modules (pdf.js imports it in-process when no Worker is available).
GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS, 'legacy', 'build', 'pdf.worker.mjs')).href;

const pdfjs: PdfJsApi = {
  openDocument: (data) => getDocument({
    data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, isOffscreenCanvasSupported: false,
    stopAtErrors: false, verbosity: 0,
    cMapUrl: `${join(PDFJS, 'cmaps')}/`, cMapPacked: true,
    standardFontDataUrl: `${join(PDFJS, 'standard_fonts')}/`,
    wasmUrl: `${join(PDFJS, 'wasm')}/`,
  }).promise,
  ops: OPS,
};

/** Text, Info dictionary and images of a PDF, or pdfPassword / corruptFile. */
export function readPdf(bytes: Uint8Array): Promise<Result<PdfContent, CaptureError>> {
  return readPdfContent(pdfjs, bytes);
}
