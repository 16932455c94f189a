// The OCR stage of the pipeline (docs/architecture.md#capture-pipeline), for what structured data, the QR code and the text layer left
// out. The text engine (PP-OCR, `readLines`) reads every line of the page with its box and the fields are read
// by position (fields/ocr-lines.ts). When it cannot run, tesseract stands in: page OCR (PSM 3) reads everything
// and the cell pass (region-pass.ts) re-reads the ruled cells that hold missing fields; there
// - when a QR code gave the invoice's numbers, only parties and the total are missing: the cells are read first,
//   and page OCR runs only if they did not yield every key field;
// - a speckled page is despeckled once and both passes read the clean pixels (tesseract on speckle is slower and
//   reads names as Latin noise).
import { cleanPage } from './image/despeckle';
import { straighten } from './image/straighten';
import { emptyExtraction, mergeExtractions, withWarnings, type ExtractedFieldName, type ExtractedInvoice } from './extracted';
import { hasAnyKeyField, missingKeyFields } from './key-fields';
import type { CaptureImage, RasterImage } from './image/raster';
import { extractFromText } from './fields/plain-text';
import { readRegions, type RegionOcr } from './text/region-pass';
import { extractFromOcrLines } from './fields/ocr-lines';
import type { OcrLine, ReadLines } from './text/text-engine';

/** The text engines and the image decoder the OCR stage uses (all optional: without them the stage reads nothing). */
export interface OcrDeps {
  /** The text engine (PP-OCR): every line of an image with its box; absent or failing → the tesseract `ocr` fallback. */
  readonly readLines?: ReadLines;
  /** OCR text of an image (tesseract.js, the fallback engine); absent when OCR is not available or not wanted. */
  readonly ocr?: (image: CaptureImage) => Promise<string>;
  /** OCR of one region (a block or a single line, optionally whitelisted), for the second pass; absent = no second pass. */
  readonly ocrRegion?: RegionOcr;
  /** Decoded pixels of image bytes (EXIF orientation applied), or null when they cannot be decoded; needed by the second pass. */
  readonly decodeImage?: (bytes: Uint8Array) => Promise<RasterImage | null>;
}

/** The extraction after the OCR stage, and whether OCR supplied any key field. */
export interface OcrOutcome {
  readonly extracted: ExtractedInvoice;
  readonly read: boolean;
}

/** The page as OCR should see it: decoded (null without a decoder) and despeckled when it is speckled. */
interface Page {
  readonly raster: RasterImage | null;
  /** What page OCR reads: the despeckled pixels, or the source as it came (encoded bytes need no re-encoding). */
  readonly forOcr: CaptureImage;
}

/**
 * Reads the missing key fields by OCR (the caller checked that some are missing and `deps.ocr` exists). `qrRead`
 * says a QR code supplied the invoice's numbers, so the cells are read before (and usually instead of) the page;
 * `today` (YYYY-MM-DD) bounds a believable issue date.
 */
export async function ocrStage(source: CaptureImage, extracted: ExtractedInvoice, deps: OcrDeps, qrRead: boolean, today: string): Promise<OcrOutcome> {
  const page = await preparePage(source, deps);
  let current = extracted;
  let read = false;
  const merge = (e: ExtractedInvoice) => {
    if (!hasAnyKeyField(e)) return;
    current = hasAnyKeyField(current) ? mergeExtractions(current, e) : e;
    read = true;
  };
  // The text engine reads the whole page by position; tesseract (page text and cell re-reads) stands in only
  // when it could not run.
  const lines = page.raster !== null && deps.readLines ? await readLinesSafely(page.raster, deps) : null;
  if (lines !== null) {
    merge(extractFromOcrLines(lines, today));
    return { extracted: current, read };
  }
  const cellsFirst = qrRead && page.raster !== null && deps.ocrRegion !== undefined;
  if (cellsFirst) {
    merge(await cellPass(page.raster, current, deps));
    if (missingKeyFields(current).length === 0) return { extracted: current, read };
  }
  if (deps.ocr) merge(extractFromText(await deps.ocr(page.forOcr), 'ocr'));
  // The cells are read once: after page OCR they would be the same cells again.
  if (!cellsFirst) merge(await cellPass(page.raster, current, deps));
  return { extracted: current, read };
}

/** The text engine's lines, or null when it could not run (the tesseract fallback reads the page instead). */
async function readLinesSafely(raster: RasterImage, deps: OcrDeps): Promise<OcrLine[] | null> {
  if (!deps.readLines) return null;
  try {
    return await deps.readLines(raster);
  } catch {
    return null;
  }
}

async function preparePage(source: CaptureImage, deps: OcrDeps): Promise<Page> {
  const decoded = source instanceof Uint8Array ? (deps.decodeImage ? await deps.decodeImage(source) : null) : source;
  if (decoded === null) return { raster: null, forOcr: source };
  // A photo in perspective, a skewed scan or an invoice inside a larger image is read as an upright view of the invoice.
  const straight = straighten(decoded);
  const page = cleanPage(straight.image);
  return { raster: page.image, forOcr: page.despeckled || straight.applied !== 'none' ? page.image : source };
}

/**
 * Cell-by-cell OCR for the missing key fields (empty when nothing is missing or the pass is not available).
 * Its values only fill gaps: the merge keeps earlier values and records conflicts.
 */
async function cellPass(raster: RasterImage | null, extracted: ExtractedInvoice, deps: OcrDeps): Promise<ExtractedInvoice> {
  const gaps = missingKeyFields(extracted);
  if (gaps.length === 0 || !deps.ocrRegion || raster === null) return emptyExtraction();
  // The amount is no key field, but without it the tax cannot be derived: the items table is read for it.
  const wanted: ExtractedFieldName[] = extracted.fields.amount === undefined ? [...gaps, 'amount'] : gaps;
  const regions = await readRegions(raster, deps.ocrRegion, wanted);
  return Object.keys(regions.fields).length === 0 ? regions : withWarnings(regions, [{ code: 'textLowConfidence' }]);
}
