/*
 * The capture pipeline (docs/architecture.md#capture-pipeline), the same for the renderer's workers and the CLI:
 * sniff → structured data (数电 XML, OFD) → invoice QR → PDF text layer → OCR only when key fields are
 * still missing → cross-checks → a prefilled draft. Everything platform-specific (pdf.js, the QR decoder,
 * tesseract) is injected, so this file stays pure and testable with fakes.
 */
import { strFromU8 } from 'fflate';
import { err, ok, type Result } from '../domain/result';
import { captureError, fileTypeError, imageSizeError, MAX_IMAGE_MEGAPIXELS, type CaptureError } from './capture-error';
import { crossCheck, toDraft, type CaptureDraft } from './checks/cross-check';
import { deriveTax } from './checks/derive';
import { extractFromXml } from './formats/digital-xml';
import { EXTRACTED_FIELD_NAMES, emptyExtraction, isCertain, withWarnings, type CaptureWarning, type ExtractedFieldName, type ExtractedInvoice, type FieldOrigin } from './extracted';
import { extractFromOfd } from './formats/ofd';
import { extractFromPdfText } from './formats/pdf-text';
import { parseInvoiceQr, withQrText } from './checks/qr';
import { hasAnyKeyField, missingKeyFields } from './key-fields';
import { ocrStage, type OcrDeps } from './ocr-stage';
import { isImageType, sniffFileType, type CaptureFileType } from './formats/sniff';
import type { PdfContent } from './formats/pdf-content';
import type { CaptureImage } from './image/raster';
import { inklessPage } from './image/blank';

export type { CaptureImage, RasterImage } from './image/raster';

export type { PdfContent } from './formats/pdf-content';

/** The platform's decoders. */
export interface CaptureDeps extends OcrDeps {
  /** Reads a PDF: text items, Info dictionary, embedded images; password-protected → captureError('pdfPassword'). */
  readonly readPdf: (bytes: Uint8Array) => Promise<Result<PdfContent, CaptureError>>;
  /** Every QR/barcode text found in an image (empty when none). */
  readonly decodeQr: (image: CaptureImage) => Promise<string[]>;
  /** An encoded image's pixel size without decoding it, or null when it is not a readable image. */
  readonly imageSize: (bytes: Uint8Array) => Promise<{ width: number; height: number } | null>;
}

/** A successful capture. */
export interface Captured {
  readonly type: CaptureFileType;
  readonly extracted: ExtractedInvoice;
  readonly prefill: CaptureDraft;
  /** Which route supplied the data, for the confirm screen and the CLI. */
  readonly route: readonly ('xml' | 'ofd' | 'qr' | 'pdf-text' | 'ocr')[];
}

export { KEY_FIELDS } from './key-fields';

/** Runs the pipeline over one file; a failure is a capture code with a bilingual message. `today` (YYYY-MM-DD) validates the prefilled draft. */
export async function captureFile(bytes: Uint8Array, name: string, deps: CaptureDeps, today: string): Promise<Result<Captured, CaptureWarning>> {
  const type = sniffFileType(bytes, name);
  const typeError = fileTypeError(type);
  if (typeError) return err(typeError);
  const route: Captured['route'][number][] = [];
  let extracted = emptyExtraction();
  const qrCandidates: CaptureImage[] = [];
  let ocrSource: CaptureImage | null = null;
  let blurred = false;

  if (type === 'xml') {
    const r = extractFromXml(strFromU8(bytes));
    if (!r.ok) return err(r.error);
    extracted = r.value.extracted;
    route.push('xml');
    if (r.value.qrImage) qrCandidates.push(r.value.qrImage);
  } else if (type === 'ofd') {
    const r = extractFromOfd(bytes);
    if (!r.ok) return err(r.error);
    extracted = r.value.extracted;
    route.push(r.value.flavour === 'original-invoice' ? 'xml' : 'ofd');
    if (r.value.qrText === undefined) {
      if (r.value.qrImage) qrCandidates.push(r.value.qrImage);
      qrCandidates.push(...r.value.qrImages);
    } else route.push('qr');
  } else if (type === 'pdf') {
    const r = await deps.readPdf(bytes);
    if (!r.ok) return err(r.error);
    const text = extractFromPdfText(r.value.items, r.value.info);
    if (hasAnyKeyField(text)) {
      extracted = text;
      route.push('pdf-text');
    }
    qrCandidates.push(...r.value.images);
    ocrSource = r.value.images[0] ?? null;
  } else if (isImageType(type)) {
    const size = await deps.imageSize(bytes);
    if (!size) return err(captureError('corruptFile'));
    const tooLarge = imageSizeError(size.width, size.height, MAX_IMAGE_MEGAPIXELS);
    if (tooLarge) return err(tooLarge);
    // A blank page is told before QR and OCR spend seconds on it (the decode is cached). A blurred one is still
    // read — a QR code or figures that add up may survive — but only confirmed values are kept (below).
    const inkless = deps.decodeImage ? await deps.decodeImage(bytes).then((page) => page && inklessPage(page)) : null;
    if (inkless === 'blank') return err(captureError('blankImage'));
    blurred = inkless === 'blurred';
    qrCandidates.push(bytes);
    ocrSource = bytes;
  }

  const qr = await firstInvoiceQr(qrCandidates, deps);
  if (qr.text !== null) {
    extracted = hasAnyKeyField(extracted) ? withQrText(extracted, qr.text) : qrOnly(qr.text);
    route.push('qr');
  }
  if (qr.warnings.length > 0) extracted = withWarnings(extracted, qr.warnings);

  if (ocrSource !== null && (deps.ocr || deps.readLines) && missingKeyFields(extracted).length > 0) {
    const r = await ocrStage(ocrSource, extracted, deps, qr.text !== null, today);
    extracted = r.extracted;
    if (r.read) route.push('ocr');
  }

  if (blurred) {
    extracted = certainOnly(extracted);
    if (!hasAnyKeyField(extracted)) return err(captureError('blurredImage'));
  }
  if (!hasAnyKeyField(extracted)) return err(captureError('notInvoice'));
  const checked = crossCheck(deriveTax(extracted));
  return ok({ type, extracted: checked, prefill: toDraft(checked, today), route });
}

/** A blurred page's reading: the values confirmed by a second reading (QR, check character, sums), with a warning; guesses go. */
function certainOnly(e: ExtractedInvoice): ExtractedInvoice {
  const fields: Partial<Record<ExtractedFieldName, unknown>> = {};
  const sources: Partial<Record<ExtractedFieldName, FieldOrigin>> = {};
  for (const name of EXTRACTED_FIELD_NAMES) {
    const origin = e.sources[name];
    if (origin === undefined || !isCertain(origin) || e.conflicts.some((c) => c.field === name)) continue;
    fields[name] = e.fields[name];
    sources[name] = origin;
  }
  return withWarnings({ ...e, fields: fields as ExtractedInvoice['fields'], sources, conflicts: [] }, [{ code: 'blurredImage' }]);
}

function qrOnly(text: string): ExtractedInvoice {
  const r = parseInvoiceQr(text);
  return r.ok ? r.extracted : emptyExtraction();
}

/** The first candidate image holding a VAT invoice QR; other codes (URLs, …) are skipped, not fatal. */
async function firstInvoiceQr(images: readonly CaptureImage[], deps: CaptureDeps): Promise<{ text: string | null; warnings: CaptureWarning[] }> {
  const warnings: CaptureWarning[] = [];
  for (const image of images) {
    let texts: string[];
    try {
      texts = await deps.decodeQr(image);
    } catch {
      continue; // a seal or a corrupt resource: try the next image
    }
    for (const text of texts) {
      const r = parseInvoiceQr(text);
      if (r.ok) return { text, warnings };
      warnings.push(r.warning);
    }
  }
  return { text: null, warnings };
}
