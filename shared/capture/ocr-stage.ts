// The OCR stage of the pipeline (DESIGN.md §3), for what structured data, the QR code and the text layer left
// out. Page OCR (PSM 3) reads everything; the cell pass (region-pass.ts) reads only the ruled cells that hold
// missing fields. Page OCR dominates capture time, so it is spared where it is not needed:
// - when a QR code gave the invoice's numbers, only parties and the total are missing: the cells are read first,
//   and page OCR runs only if they did not yield every key field;
// - a speckled page is despeckled once and both passes read the clean pixels (tesseract on speckle is slower and
//   reads names as Latin noise).
import { cleanPage } from './despeckle';
import { emptyExtraction, mergeExtractions, withWarnings, type ExtractedFieldName, type ExtractedInvoice } from './extracted';
import { hasAnyKeyField, missingKeyFields } from './key-fields';
import type { CaptureDeps, CaptureImage, RasterImage } from './pipeline';
import { extractFromText } from './plain-text';
import { readRegions } from './region-pass';

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
 * says a QR code supplied the invoice's numbers, so the cells are read before (and usually instead of) the page.
 */
export async function ocrStage(source: CaptureImage, extracted: ExtractedInvoice, deps: CaptureDeps, qrRead: boolean): Promise<OcrOutcome> {
  const page = await preparePage(source, deps);
  let current = extracted;
  let read = false;
  const merge = (e: ExtractedInvoice) => {
    if (!hasAnyKeyField(e)) return;
    current = hasAnyKeyField(current) ? mergeExtractions(current, e) : e;
    read = true;
  };
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

async function preparePage(source: CaptureImage, deps: CaptureDeps): Promise<Page> {
  const raster = source instanceof Uint8Array ? (deps.decodeImage ? await deps.decodeImage(source) : null) : source;
  if (raster === null) return { raster: null, forOcr: source };
  const page = cleanPage(raster);
  return { raster: page.image, forOcr: page.despeckled ? page.image : source };
}

/**
 * Cell-by-cell OCR for the missing key fields (empty when nothing is missing or the pass is not available).
 * Its values only fill gaps: the merge keeps earlier values and records conflicts.
 */
async function cellPass(raster: RasterImage | null, extracted: ExtractedInvoice, deps: CaptureDeps): Promise<ExtractedInvoice> {
  const gaps = missingKeyFields(extracted);
  if (gaps.length === 0 || !deps.ocrRegion || raster === null) return emptyExtraction();
  // The amount is no key field, but without it the tax cannot be derived: the items table is read for it.
  const wanted: ExtractedFieldName[] = extracted.fields.amount === undefined ? [...gaps, 'amount'] : gaps;
  const regions = await readRegions(raster, deps.ocrRegion, wanted);
  return Object.keys(regions.fields).length === 0 ? regions : withWarnings(regions, [{ code: 'textLowConfidence' }]);
}
