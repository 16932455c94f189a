/*
 * Reads what the capture pipeline needs from a PDF with pdf.js — positioned text (top-left origin), the Info
 * dictionary, embedded images as RGBA (largest first) — for both hosts: the renderer's worker passes the
 * modern pdfjs-dist build, the CLI the legacy one. pdf.js itself is injected, so this file stays pure.
 */
import { err, ok, type Result } from '../../domain/result';
import { captureError, type CaptureError } from '../capture-error';
import type { RasterImage } from '../image/raster';
import type { TextItem } from '../text/text-items';

/** What a PDF reader hands the pipeline. */
export interface PdfContent {
  readonly items: readonly TextItem[];
  readonly info: Readonly<Record<string, unknown>>;
  /** Images embedded in the pages (the QR code of e-invoices, the scan of scanned PDFs), largest first. */
  readonly images: readonly RasterImage[];
  readonly pageCount: number;
}


/** The part of a pdf.js page this reader uses. */
export interface PdfJsPage {
  getViewport(params: { scale: number }): { readonly height: number };
  getTextContent(): Promise<{ readonly items: readonly unknown[] }>;
  getOperatorList(): Promise<{ readonly fnArray: readonly number[]; readonly argsArray: readonly unknown[] }>;
  readonly objs: { get(id: string, callback?: (v: unknown) => void): unknown };
  readonly commonObjs: { get(id: string, callback?: (v: unknown) => void): unknown };
  cleanup(): unknown;
}

/** The part of a pdf.js document this reader uses. */
export interface PdfJsDocument {
  readonly numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  getMetadata(): Promise<{ readonly info: unknown }>;
  destroy(): Promise<void>;
}

/** pdf.js as injected by the host, with the host's own document options (asset URLs, worker settings). */
export interface PdfJsApi {
  openDocument(data: Uint8Array): Promise<PdfJsDocument>;
  readonly ops: { readonly paintImageXObject: number; readonly paintInlineImageXObject: number };
}

/** Pages read per PDF (an invoice has 1–5; a 500-page statement is not an invoice). */
const MAX_PAGES = 20;
/** Embedded images kept per PDF, and the largest one decoded (QR codes and invoice scans are far smaller). */
const MAX_IMAGES = 8;
const MAX_IMAGE_PIXELS = 25_000_000;

/** Text, Info dictionary and images of a PDF, or pdfPassword / corruptFile. */
export async function readPdfContent(pdfjs: PdfJsApi, bytes: Uint8Array): Promise<Result<PdfContent, CaptureError>> {
  let doc: PdfJsDocument;
  try {
    doc = await pdfjs.openDocument(bytes.slice()); // pdf.js transfers (detaches) the buffer it is given
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
      if (images.length < MAX_IMAGES) images.push(...(await pageImages(pdfjs, page)).slice(0, MAX_IMAGES - images.length));
      page.cleanup();
    }
    const meta = await doc.getMetadata().catch(() => null);
    images.sort((a, b) => b.width * b.height - a.width * a.height);
    const info = typeof meta?.info === 'object' && meta.info !== null ? (meta.info as Record<string, unknown>) : {};
    return ok({ items, info, images, pageCount: doc.numPages });
  } catch {
    return err(captureError('corruptFile'));
  } finally {
    await doc.destroy().catch(() => undefined);
  }
}

interface PdfTextItem { readonly str: string; readonly transform: readonly number[]; readonly width: number; readonly height: number }

function isTextItem(v: unknown): v is PdfTextItem {
  return typeof v === 'object' && v !== null && 'str' in v && 'transform' in v && Array.isArray(v.transform);
}

async function pageText(page: PdfJsPage, n: number): Promise<TextItem[]> {
  const viewport = page.getViewport({ scale: 1 });
  const content = await page.getTextContent();
  const out: TextItem[] = [];
  for (const item of content.items) {
    if (!isTextItem(item)) continue;
    const [a = 0, b = 0, c = 0, d = 0, e = 0, f = 0] = item.transform;
    // Space items come with height 0; their font size is the transform's scale.
    const height = item.height > 0 ? item.height : Math.hypot(c, d) || Math.hypot(a, b);
    out.push({ str: item.str, x: e, y: viewport.height - f, width: item.width, height, page: n });
  }
  return out;
}

/** What pdf.js resolves an image object to (decoded pixels; ImageBitmaps are not used). */
interface PdfImage {
  readonly width: number;
  readonly height: number;
  readonly kind?: number;
  readonly data?: Uint8Array | Uint8ClampedArray;
}

function isPdfImage(v: unknown): v is PdfImage {
  return typeof v === 'object' && v !== null && 'width' in v && 'height' in v && typeof v.width === 'number' && typeof v.height === 'number';
}

async function pageImages(pdfjs: PdfJsApi, page: PdfJsPage): Promise<RasterImage[]> {
  const ops = await page.getOperatorList();
  const out: RasterImage[] = [];
  for (let i = 0; i < ops.fnArray.length && out.length < MAX_IMAGES; i++) {
    const fn = ops.fnArray[i];
    if (fn !== pdfjs.ops.paintImageXObject && fn !== pdfjs.ops.paintInlineImageXObject) continue;
    const args = ops.argsArray[i];
    const arg: unknown = Array.isArray(args) ? (args as unknown[])[0] : undefined;
    const img = typeof arg === 'string' ? await resolveObject(page, arg) : arg;
    if (!isPdfImage(img) || img.width * img.height > MAX_IMAGE_PIXELS) continue;
    const raster = pdfImageToRgba(img);
    if (raster) out.push(raster);
  }
  return out;
}

/** Page objects resolve asynchronously; shared ones (g_…) live in commonObjs. */
function resolveObject(page: PdfJsPage, id: string): Promise<unknown> {
  const objs = id.startsWith('g_') ? page.commonObjs : page.objs;
  return new Promise((resolve) => {
    try {
      objs.get(id, resolve);
    } catch {
      resolve(null);
    }
  });
}

/** pdf.js ImageKind: 1 = 1 bit grey (rows padded to bytes), 2 = RGB, 3 = RGBA; anything else is skipped. */
export function pdfImageToRgba(img: PdfImage): RasterImage | null {
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
        const v = (((data[y * rowBytes + (x >> 3)] ?? 0) >> (7 - (x & 7))) & 1) * 255;
        const q = (y * width + x) * 4;
        rgba[q] = v; rgba[q + 1] = v; rgba[q + 2] = v; rgba[q + 3] = 255;
      }
    }
  } else {
    return null;
  }
  return { width, height, data: rgba };
}
