/**
 * Reads a PDF with pdf.js inside the capture worker: positioned text items, the Info dictionary, and the
 * embedded images (the QR code of e-invoices, the page of scanned PDFs). pdf.js's own worker script is a
 * bundled asset, never fetched from elsewhere.
 */
import { getDocument, GlobalWorkerOptions, OPS, type PDFPageProxy } from 'pdfjs-dist';
import pdfWorkerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { captureError, type CaptureError } from '../../shared/capture/capture-error';
import type { PdfContent, RasterImage } from '../../shared/capture/pipeline';
import type { TextItem } from '../../shared/capture/text-items';
import { err, ok, type Result } from '../../shared/domain/result';

GlobalWorkerOptions.workerSrc = new URL(pdfWorkerUrl, self.location.href).href;

const MAX_PAGES = 20;
const MAX_IMAGES = 12;

/** Text, metadata and images of a PDF, or a capture error (password-protected, corrupt). */
export async function readPdf(bytes: Uint8Array): Promise<Result<PdfContent, CaptureError>> {
  let doc;
  try {
    doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false, disableFontFace: true }).promise;
  } catch (e) {
    // pdf.js does not export PasswordException; its errors carry the class name.
    return err(e instanceof Error && e.name === 'PasswordException' ? captureError('pdfPassword') : captureError('corruptFile'));
  }
  try {
    const items: TextItem[] = [];
    const images: RasterImage[] = [];
    const pages = Math.min(doc.numPages, MAX_PAGES);
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      items.push(...(await pageText(page, n)));
      if (images.length < MAX_IMAGES) images.push(...(await pageImages(page)).slice(0, MAX_IMAGES - images.length));
    }
    const meta = await doc.getMetadata().catch(() => null);
    images.sort((a, b) => b.width * b.height - a.width * a.height);
    return ok({ items, info: (meta?.info ?? {}) as Record<string, unknown>, images, pageCount: doc.numPages });
  } catch {
    return err(captureError('corruptFile'));
  } finally {
    void doc.destroy();
  }
}

async function pageText(page: PDFPageProxy, n: number): Promise<TextItem[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const out: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const [x, y] = viewport.convertToViewportPoint(item.transform[4] as number, item.transform[5] as number) as [number, number];
    out.push({ str: item.str, x, y, width: item.width, height: item.height, page: n });
  }
  return out;
}

interface PdfImage { width: number; height: number; data?: Uint8ClampedArray; kind?: number; bitmap?: ImageBitmap }

async function pageImages(page: PDFPageProxy): Promise<RasterImage[]> {
  const ops = await page.getOperatorList();
  const out: RasterImage[] = [];
  for (let i = 0; i < ops.fnArray.length; i++) {
    if (ops.fnArray[i] !== OPS.paintImageXObject) continue;
    const name = (ops.argsArray[i] as unknown[])[0] as string;
    const img = await new Promise<PdfImage | null>((resolve) => {
      try {
        page.objs.get(name, (v: unknown) => { resolve(v as PdfImage); });
      } catch {
        resolve(null);
      }
    });
    const raster = img ? toRgba(img) : null;
    if (raster) out.push(raster);
  }
  return out;
}

/** pdf.js image data (grey, RGB, RGBA or a bitmap) as RGBA. */
function toRgba(img: PdfImage): RasterImage | null {
  if (img.bitmap) {
    const canvas = new OffscreenCanvas(img.bitmap.width, img.bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) return null;
    ctx.drawImage(img.bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, canvas.width, canvas.height);
    return { width: d.width, height: d.height, data: d.data };
  }
  if (!img.data) return null;
  const n = img.width * img.height;
  const channels = img.data.length / n;
  if (channels === 4) return { width: img.width, height: img.height, data: img.data };
  if (channels !== 3 && channels !== 1) return null; // 1-bit packed masks and the like: not a QR or a scan we can use
  const rgba = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    if (channels === 3) {
      rgba[p * 4] = img.data[p * 3] ?? 0;
      rgba[p * 4 + 1] = img.data[p * 3 + 1] ?? 0;
      rgba[p * 4 + 2] = img.data[p * 3 + 2] ?? 0;
    } else {
      const g = img.data[p] ?? 0;
      rgba[p * 4] = g;
      rgba[p * 4 + 1] = g;
      rgba[p * 4 + 2] = g;
    }
    rgba[p * 4 + 3] = 255;
  }
  return { width: img.width, height: img.height, data: rgba };
}
