// readPdf for Node: pdf.js's legacy build with its worker code run in-process (no worker thread, no canvas).
// Text items with top-left coordinates, the Info dictionary, and embedded images as RGBA, largest first.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getDocument, GlobalWorkerOptions, OPS, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { captureError, type CaptureError } from '../../shared/capture/capture-error';
import type { PdfContent, RasterImage } from '../../shared/capture/pipeline';
import type { TextItem } from '../../shared/capture/text-items';
import { err, ok, type Result } from '../../shared/domain/result';
import { NODE_MODULES } from './paths';

const PDFJS = join(NODE_MODULES, 'pdfjs-dist');
// The worker module from node_modules (pdf.js imports it in-process when no Worker is available).
GlobalWorkerOptions.workerSrc = pathToFileURL(join(PDFJS, 'legacy', 'build', 'pdf.worker.mjs')).href;

/** Pages read per PDF (an invoice has 1–5; a 500-page statement is not an invoice). */
const MAX_PAGES = 20;
/** Embedded images kept per PDF, and the largest one decoded (QR codes and invoice scans are far smaller). */
const MAX_IMAGES = 8;
const MAX_IMAGE_PIXELS = 25_000_000;

/** Text, Info dictionary and images of a PDF, or pdfPassword / corruptFile. */
export async function readPdf(bytes: Uint8Array): Promise<Result<PdfContent, CaptureError>> {
  let doc: PDFDocumentProxy;
  try {
    doc = await getDocument({
      data: bytes.slice(), // pdf.js transfers (detaches) the buffer it is given
      isEvalSupported: false, useSystemFonts: false, disableFontFace: true, isOffscreenCanvasSupported: false,
      stopAtErrors: false, verbosity: 0,
      cMapUrl: `${join(PDFJS, 'cmaps')}/`, cMapPacked: true,
      standardFontDataUrl: `${join(PDFJS, 'standard_fonts')}/`,
      wasmUrl: `${join(PDFJS, 'wasm')}/`,
    }).promise;
  } catch (e) {
    // pdf.js rejects with a PasswordException (not exported by name); its class name survives.
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
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    images.sort((a, b) => b.width * b.height - a.width * a.height);
    return ok({ items, info: (meta?.info ?? {}) as Record<string, unknown>, images, pageCount: doc.numPages });
  } catch {
    return err(captureError('corruptFile'));
  } finally {
    await doc.destroy();
  }
}

async function pageText(page: PDFPageProxy, n: number): Promise<TextItem[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const out: TextItem[] = [];
  for (const item of content.items) {
    if (!('str' in item)) continue;
    const t = item.transform as number[];
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = t;
    // Space items come with height 0; their font size is the transform's scale.
    const height = item.height > 0 ? item.height : Math.hypot(c, d) || Math.hypot(a, b);
    out.push({ str: item.str, x: e, y: viewport.height - f, width: item.width, height, page: n });
  }
  return out;
}

/** What pdf.js resolves an image object to in Node (no ImageBitmap without OffscreenCanvas). */
interface PdfImage {
  readonly width: number;
  readonly height: number;
  readonly kind?: number;
  readonly data?: Uint8Array | Uint8ClampedArray;
}

function isPdfImage(v: unknown): v is PdfImage {
  return typeof v === 'object' && v !== null && 'width' in v && 'height' in v && typeof v.width === 'number' && typeof v.height === 'number';
}

async function pageImages(page: PDFPageProxy): Promise<RasterImage[]> {
  const ops = await page.getOperatorList();
  const out: RasterImage[] = [];
  for (let i = 0; i < ops.fnArray.length && out.length < MAX_IMAGES; i++) {
    const fn = ops.fnArray[i];
    if (fn !== OPS.paintImageXObject && fn !== OPS.paintInlineImageXObject) continue;
    const arg: unknown = (ops.argsArray[i] as unknown[] | undefined)?.[0];
    const img = typeof arg === 'string' ? await resolveObject(page, arg) : arg;
    if (!isPdfImage(img) || img.width * img.height > MAX_IMAGE_PIXELS) continue;
    const raster = toRgba(img);
    if (raster) out.push(raster);
  }
  return out;
}

/** Page objects resolve asynchronously; shared ones (g_…) live in commonObjs. */
function resolveObject(page: PDFPageProxy, id: string): Promise<unknown> {
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    try {
      (objs.get as (id: string, callback: (v: unknown) => void) => void)(id, resolve);
    } catch {
      resolve(null);
    }
  });
}

/** pdf.js ImageKind: 1 = 1 bit grey (rows padded to bytes), 2 = RGB, 3 = RGBA. */
function toRgba(img: PdfImage): RasterImage | null {
  const { width, height, kind, data } = img;
  if (!data || width <= 0 || height <= 0) return null;
  const rgba = new Uint8ClampedArray(width * height * 4);
  if (kind === 3 && data.length >= rgba.length) {
    rgba.set(data.subarray(0, rgba.length));
  } else if (kind === 2 && data.length >= width * height * 3) {
    for (let p = 0, q = 0; q < rgba.length; p += 3, q += 4) {
      rgba[q] = data[p] ?? 0; rgba[q + 1] = data[p + 1] ?? 0; rgba[q + 2] = data[p + 2] ?? 0; rgba[q + 3] = 255;
    }
  } else if (kind === 1) {
    const rowBytes = (width + 7) >> 3;
    if (data.length < rowBytes * height) return null;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const bit = ((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1;
        const v = bit ? 255 : 0;
        const q = (y * width + x) * 4;
        rgba[q] = v; rgba[q + 1] = v; rgba[q + 2] = v; rgba[q + 3] = 255;
      }
    }
  } else {
    return null;
  }
  return { width, height, data: rgba };
}
