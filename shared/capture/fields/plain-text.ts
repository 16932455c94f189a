// Invoice fields from plain text, e.g. OCR output: the same label rules as for PDF faces, with lines taken
// as printed, segments split at runs of spaces, and OCR look-alikes (O/0, l/1, spaces inside numbers)
// repaired inside digit fields. Trusted less than any structured source.
import { mergeExtractions, withWarnings, type CaptureSource, type ExtractedInvoice } from '../extracted';
import { extractByShape } from './label-free';
import { extractFromLines } from './layout-fields';
import { linesFromPlainText } from '../text/text-items';

/** Confidence of fields read from recognised text. */
export const OCR_TEXT_CONFIDENCE = 0.5;

/** Extracts invoice fields from plain text (OCR output by default), always with a "check each field" warning. */
export function extractFromText(text: string, source: CaptureSource = 'ocr'): ExtractedInvoice {
  const byLabel = extractFromLines(linesFromPlainText(text), { source, confidence: OCR_TEXT_CONFIDENCE, isOcr: true });
  // Values read by their shape only fill what the label rules missed (labels are what OCR garbles most).
  const byShape = extractByShape(text, source);
  const gaps = Object.fromEntries(Object.entries(byShape.fields).filter(([k]) => !(k in byLabel.fields)));
  const extracted = mergeExtractions(byLabel, { ...byShape, fields: gaps });
  return Object.keys(extracted.fields).length === 0 ? extracted : withWarnings(extracted, [{ code: 'textLowConfidence' }]);
}
