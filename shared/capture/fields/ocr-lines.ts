// Fields from the text engine's lines. The page's landmarks (ocr-page.ts) place every label in its block, and
// each field is read where the invoice prints it, checked against a second reading where there is one
// (ocr-header.ts, ocr-parties.ts, ocr-amounts.ts). The label rules shared with PDF and OFD faces
// (layout-fields.ts) then fill what is still missing; where they disagree the conflict is kept for the clerk.
import { describeInvoiceCode } from '../../domain/invoice-code';
import { ExtractionBuilder, mergeExtractions, type ExtractedInvoice } from '../extracted';
import { extractFromLines } from './layout-fields';
import { readAmounts } from './ocr-amounts';
import { isBelievableIssueDate, LABELLED, readHeader } from './ocr-header';
import { readPage } from './ocr-page';
import { readParties } from './ocr-parties';
import { groupIntoLines, type TextItem } from '../text/text-items';
import type { OcrLine } from '../text/text-engine';

/** Confidence of a field the shared label rules read from engine lines (doubtful: shown for checking). */
export const OCR_LINE_CONFIDENCE = 0.6;

/** The engine's lines as text items: DB boxes are grown around the glyphs, so the glyphs fill about 80 % of a box. */
export function ocrLinesToItems(lines: readonly OcrLine[]): TextItem[] {
  return lines.map((l) => ({ str: l.text, x: l.box.x, y: l.box.y + 0.9 * l.box.h, width: l.box.w, height: 0.8 * l.box.h, page: 1 }));
}

/** Reads the invoice fields from the text engine's lines; `today` (YYYY-MM-DD) bounds a believable issue date. */
export function extractFromOcrLines(lines: readonly OcrLine[], today: string): ExtractedInvoice {
  const page = readPage(lines);
  const b = new ExtractionBuilder({ source: 'ocr', confidence: OCR_LINE_CONFIDENCE });
  readHeader(page, b, today);
  readParties(page, b);
  readAmounts(page, b);
  const byLabels = extractFromLines(groupIntoLines(ocrLinesToItems(lines)), { source: 'ocr', confidence: OCR_LINE_CONFIDENCE, isOcr: true });
  return withKindFromCode(mergeExtractions(b.build(), withoutUnbelievableDate(byLabels, today)));
}

/**
 * A title OCR could not read leaves the kind open; the 发票代码's kind digits then name it (…04 on a 12-digit
 * code is a 增值税普通发票), doubtful like every inference. Without a code the kind stays for the clerk.
 */
function withKindFromCode(e: ExtractedInvoice): ExtractedInvoice {
  if (e.fields.kind !== undefined || e.fields.code === undefined) return e;
  const kind = describeInvoiceCode(e.fields.code)?.kind;
  if (kind === undefined || kind === null) return e;
  return { ...e, fields: { ...e.fields, kind }, sources: { ...e.sources, kind: { source: 'ocr', confidence: LABELLED } } };
}

/** The label rules' date, dropped when it is not believable (isBelievableIssueDate). */
function withoutUnbelievableDate(e: ExtractedInvoice, today: string): ExtractedInvoice {
  const d = e.fields.issueDate;
  if (d === undefined || isBelievableIssueDate(d, today)) return e;
  const fields = { ...e.fields };
  const sources = { ...e.sources };
  delete fields.issueDate;
  delete sources.issueDate;
  return { ...e, fields, sources };
}
