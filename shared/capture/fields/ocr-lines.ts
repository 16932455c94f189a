// Fields from the text engine's lines: each line becomes a positioned text item (its box's bottom as the baseline,
// its height as the glyph size), so the same label-and-position rules that read PDF and OFD faces read photos
// and scans — the value right of 名称 in the 购买方 block, the figure in the 价税合计（小写） cell — not the
// order in which the lines happen to come out.
import { extractFromLines } from './layout-fields';
import { groupIntoLines, type TextItem } from '../text/text-items';
import type { ExtractedInvoice } from '../extracted';
import type { OcrLine } from '../text/text-engine';

/** Confidence of a field read by label and position from PP-OCR lines (below structured data and the QR code). */
export const OCR_LINE_CONFIDENCE = 0.75;

/** The engine's lines as text items: DB boxes are grown around the glyphs, so the glyphs fill about 80 % of a box. */
export function ocrLinesToItems(lines: readonly OcrLine[]): TextItem[] {
  return lines.map((l) => ({ str: l.text, x: l.box.x, y: l.box.y + 0.9 * l.box.h, width: l.box.w, height: 0.8 * l.box.h, page: 1 }));
}

/** Reads the invoice fields from the text engine's lines by label and position. */
export function extractFromOcrLines(lines: readonly OcrLine[]): ExtractedInvoice {
  return extractFromLines(groupIntoLines(ocrLinesToItems(lines)), { source: 'ocr', confidence: OCR_LINE_CONFIDENCE, isOcr: true });
}
