// The public API of capture: bytes in, fields out. Callers (renderer workers, CLI) import from here.
export {
  EXTRACTED_FIELD_NAMES, ExtractionBuilder, emptyExtraction, mergeExtractions, withWarnings,
  type CaptureSource, type CaptureWarning, type ExtractedFieldName, type ExtractedFields, type ExtractedInvoice,
  type ExtractedLine, type FieldConflict, type FieldOrigin,
} from './extracted';
export { CAPTURE_CODES, CAPTURE_MESSAGES, captureMessage, type CaptureCode } from './capture-messages';
export { QR_CONFIDENCE, crc16Umts, parseInvoiceQr, readVatQrFields, withQrText, type QrParseResult, type VatQrFields } from './qr';
export { extractFromOfd, OFD_PAGE_TEXT_CONFIDENCE, type OfdCapture, type OfdFlavour } from './ofd';
export { DEFAULT_ZIP_LIMITS, openZip, type ZipArchive, type ZipEntry, type ZipError, type ZipLimits } from './zip-reader';
export { extractDigitalInvoice, extractFromXml } from './digital-xml';
export { extractOriginalInvoice, XML_CONFIDENCE, type StructuredCapture } from './original-invoice';
export { extractInvoiceXbrl } from './xbrl';
export { extractFromPdfInfo, extractFromPdfText, PDF_INFO_CONFIDENCE, PDF_TEXT_CONFIDENCE } from './pdf-text';
export { extractFromText, OCR_TEXT_CONFIDENCE } from './plain-text';
export { groupIntoLines, type TextItem, type TextLine, type TextSegment } from './text-items';
export { kindFromTitle } from './kind-title';
export { isImageType, sniffFileType, type CaptureFileType } from './sniff';
export {
  MAX_IMAGE_MEGAPIXELS, captureError, fileTypeError, imageSizeError, type CaptureError, type CaptureErrorCode,
} from './capture-error';
export { crossCheck, toDraft, type CaptureDraft, type DraftFieldSources } from './cross-check';
