/**
 * readPdf for the capture worker: the modern pdf.js build handed to the shared reader
 * (shared/capture/formats/pdf-content.ts). pdf.js's own worker script is a bundled asset, never fetched from elsewhere.
 */
import { getDocument, GlobalWorkerOptions, OPS } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import type { CaptureError } from '../../shared/capture/capture-error';
import { readPdfContent, type PdfJsApi } from '../../shared/capture/formats/pdf-content';
import type { PdfContent } from '../../shared/capture/pipeline';
import type { Result } from '../../shared/domain/result';

GlobalWorkerOptions.workerSrc = new URL(pdfWorkerUrl, self.location.href).href;

const pdfjs: PdfJsApi = {
  // Decoded pixels rather than ImageBitmaps, so images read the same way as in the CLI.
  openDocument: (data) => getDocument({ data, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, isOffscreenCanvasSupported: false }).promise,
  ops: OPS,
};

/** Text, metadata and images of a PDF, or a capture error (password-protected, corrupt). */
export function readPdf(bytes: Uint8Array): Promise<Result<PdfContent, CaptureError>> {
  return readPdfContent(pdfjs, bytes);
}
