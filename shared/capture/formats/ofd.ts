// Invoice OFD files (GB/T 33190, a ZIP of XML parts). Data flavours, most trusted first (docs/invoice-rules.md#electronic-invoice-files):
//   (a) Doc_0/Attachs/original_invoice.xml (eInvoice)       → source 'xml'
//   (b) an XBRL attachment (MOF inv/einv taxonomy)          → source 'xml'
//   (c) OFD.xml CustomData + semantic tags into page text    → source 'ofd' (the only data in 数电 OFDs)
//   (d) page text alone, read by labels and coordinates      → source 'ofd', low confidence, last resort
// The sources found are merged in that order (CustomData always, the tags only when there is no attachment),
// so disagreements between them surface as conflicts. The page text also fills what the data leaves out
// (the kind from the printed title, the rate from the table) but never contradicts it.
import { err, ok, type Result } from '../../domain/result';
import { isPng, pngSize } from './bytes';
import { extractFromXmlRoot } from './digital-xml';
import { emptyExtraction, mergeExtractions, withWarnings, type CaptureWarning, type ExtractedInvoice } from '../extracted';
import { extractFromLines } from '../fields/layout-fields';
import { extractCustomData, extractCustomTags } from './ofd-custom';
import { OfdPackage, dirname, resolvePath } from './ofd-package';
import { pageTextItems, readOfdPages } from './ofd-pages';
import { groupIntoLines } from '../text/text-items';
import { child, children, ownText } from './xml';
import { openZip, type ZipLimits } from './zip-reader';
import type { StructuredCapture } from './original-invoice';

/** Confidence of fields read from OFD page text by labels and coordinates. */
export const OFD_PAGE_TEXT_CONFIDENCE = 0.6;

/** Which data flavour supplied the main fields. */
export type OfdFlavour = 'original-invoice' | 'xbrl' | 'custom-data' | 'page-text';

/** What an OFD yields: fields, the flavour, and the QR as text or images for a later image decoder. */
export interface OfdCapture {
  readonly extracted: ExtractedInvoice;
  readonly flavour: OfdFlavour;
  /** QR text from GraphCode, already merged into `extracted`. */
  readonly qrText?: string;
  /** PNG of the QR carried in GraphCode (Baiwang variant). */
  readonly qrImage?: Uint8Array;
  /** QR-looking image resources of the document (qr/ewm/graph in the name, or square PNGs). */
  readonly qrImages: readonly Uint8Array[];
}

/** Finds the attachment parts: listed in Attachments.xml, plus any XML under an Attachs folder. */
function attachmentPaths(pkg: OfdPackage, docRoot: string): string[] {
  const paths: string[] = [];
  const doc = pkg.xml(docRoot);
  const listLoc = doc.ok ? ownText(child(doc.value.root, 'Attachments')).trim() : '';
  const listPath = listLoc === '' ? `${dirname(docRoot)}/Attachs/Attachments.xml` : resolvePath(dirname(docRoot), listLoc);
  const list = pkg.xml(listPath);
  if (list.ok) {
    for (const a of children(list.value.root, 'Attachment')) {
      const loc = ownText(child(a, 'FileLoc')).trim();
      if (loc !== '') paths.push(resolvePath(dirname(listPath), loc));
    }
  }
  for (const name of pkg.find(/(^|\/)attachs?\/[^/]+\.xml$/i)) {
    if (!/attachments\.xml$/i.test(name) && !paths.some((p) => p.toLowerCase() === name.toLowerCase())) paths.push(name);
  }
  // original_invoice.xml first: it is the richest flavour.
  return paths.sort((a, b) => Number(/original_invoice/i.test(b)) - Number(/original_invoice/i.test(a)));
}

/** Reads the first attachment that is invoice XML (flavour a or b). */
function readAttachment(pkg: OfdPackage, docRoot: string): { capture: StructuredCapture; flavour: OfdFlavour } | null {
  for (const path of attachmentPaths(pkg, docRoot)) {
    const part = pkg.xml(path);
    if (!part.ok) continue;
    const result = extractFromXmlRoot(part.value.name, part.value.root);
    if (result.ok) return { capture: result.value, flavour: part.value.name === 'eInvoice' ? 'original-invoice' : 'xbrl' };
  }
  return null;
}

/** Image resources that look like the QR: named like one, or else square PNGs (seals are rarely PNG squares). */
function qrImageResources(pkg: OfdPackage): Uint8Array[] {
  const images = pkg.find(/\/res\/[^/]+\.(png|jpe?g|bmp)$/i);
  const named = images.filter((n) => /qr|ewm|graph|code/i.test(n.split('/').pop() ?? ''));
  const read = (n: string) => { const b = pkg.bytes(n); return b.ok ? b.value : null; };
  if (named.length > 0) return named.map(read).filter((b) => b !== null);
  return images.map(read).filter((b): b is Uint8Array => {
    const size = b !== null && isPng(b) ? pngSize(b) : null;
    return size !== null && size.width === size.height && size.width >= 21;
  });
}

const ZIP_ERRORS = { notZip: 'ofdNotZip', corrupt: 'ofdNotZip', tooLarge: 'ofdTooLarge' } as const;

/**
 * Extracts an invoice from OFD bytes, refusing ZIP bombs (declared and actual sizes are both bounded).
 * Fails with ofdNotZip / ofdTooLarge / ofdMalformedXml / ofdNoInvoiceData; damaged secondary parts only warn.
 */
export function extractFromOfd(bytes: Uint8Array, limits?: ZipLimits): Result<OfdCapture, CaptureWarning> {
  const zip = openZip(bytes, limits);
  if (!zip.ok) {
    const e = zip.error;
    return err(e.kind === 'tooLarge' ? { code: ZIP_ERRORS.tooLarge, params: { limit: e.limit } } : { code: ZIP_ERRORS[e.kind] });
  }
  const pkg = new OfdPackage(zip.value);
  const ofd = pkg.xml('OFD.xml');
  if (!ofd.ok) {
    if (ofd.error.kind === 'zip' && ofd.error.error.kind === 'tooLarge') return err({ code: 'ofdTooLarge', params: { limit: ofd.error.error.limit } });
    return err(ofd.error.kind === 'missing' ? { code: 'ofdNotZip' } : { code: 'ofdMalformedXml', params: { part: 'OFD.xml' } });
  }
  const docRoot = resolvePath('', ownText(child(ofd.value.root, 'DocBody', 'DocRoot')).trim() || 'Doc_0/Document.xml');
  const attachment = readAttachment(pkg, docRoot);
  // With an attachment, the tags would only repeat it: read the first page (title, rate) and skip the rest,
  // which keeps a 100-line, 5-page invoice fast. Without one, every page is needed to resolve the tags.
  const pages = readOfdPages(pkg, docRoot, attachment === null ? Infinity : 1);
  const customData = extractCustomData(ofd.value.root);
  const tags = attachment === null ? extractCustomTags(pkg, docRoot, pages) : emptyExtraction();
  const lines = groupIntoLines(pageTextItems(pages));
  const pageText = extractFromLines(lines, { source: 'ofd', confidence: OFD_PAGE_TEXT_CONFIDENCE, isOcr: false });
  const structured = mergeExtractions(attachment?.capture.extracted ?? customData, customData, tags);

  let extracted: ExtractedInvoice;
  let flavour: OfdFlavour = attachment?.flavour ?? 'custom-data';
  if (structured.fields.number !== undefined) {
    // Page text only fills gaps here; its misreadings should not pose as conflicts with real data.
    const missing = Object.fromEntries(Object.entries(pageText.fields).filter(([k]) => !(k in structured.fields)));
    extracted = mergeExtractions(structured, { ...pageText, fields: missing });
  } else if (pageText.fields.number !== undefined) {
    flavour = 'page-text';
    extracted = withWarnings(mergeExtractions(structured, pageText), [{ code: 'ofdPageTextOnly' }]);
  } else {
    return err({ code: 'ofdNoInvoiceData' });
  }
  const damaged = [...new Set(pkg.damagedParts)].map((part): CaptureWarning => ({ code: 'ofdMalformedXml', params: { part } }));
  extracted = withWarnings(extracted, damaged);
  const qrImages = qrImageResources(pkg);
  const { qrText, qrImage } = attachment?.capture ?? {};
  return ok({
    extracted, flavour, qrImages,
    ...(qrText === undefined ? {} : { qrText }),
    ...(qrImage === undefined ? {} : { qrImage }),
  });
}
