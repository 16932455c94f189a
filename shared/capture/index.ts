// The public API of capture: bytes in, fields out. Callers (renderer workers, CLI) import from here.
export {
  CERTAIN_CONFIDENCE, EXTRACTED_FIELD_NAMES, ExtractionBuilder, emptyExtraction, isCertain, mergeExtractions, withWarnings,
  type CaptureSource, type CaptureWarning, type ExtractedFieldName, type ExtractedFields, type ExtractedInvoice,
  type ExtractedLine, type FieldConflict, type FieldOrigin,
} from './extracted';
export { CAPTURE_CODES, CAPTURE_MESSAGES, captureMessage, type CaptureCode } from './capture-messages';
export { QR_CONFIDENCE, crc16Umts, parseInvoiceQr, readVatQrFields, withQrText, type QrParseResult, type VatQrFields } from './checks/qr';
export { extractFromOfd, OFD_PAGE_TEXT_CONFIDENCE, type OfdCapture, type OfdFlavour } from './formats/ofd';
export { DEFAULT_ZIP_LIMITS, openZip, type ZipArchive, type ZipEntry, type ZipError, type ZipLimits } from './formats/zip-reader';
export { extractDigitalInvoice, extractFromXml } from './formats/digital-xml';
export { extractOriginalInvoice, XML_CONFIDENCE, type StructuredCapture } from './formats/original-invoice';
export { extractInvoiceXbrl } from './formats/xbrl';
export { extractFromPdfInfo, extractFromPdfText, PDF_INFO_CONFIDENCE, PDF_TEXT_CONFIDENCE } from './formats/pdf-text';
export { extractFromText, OCR_TEXT_CONFIDENCE } from './fields/plain-text';
export { groupIntoLines, type TextItem, type TextLine, type TextSegment } from './text/text-items';
export { kindFromTitle } from './fields/kind-title';
export { isImageType, sniffFileType, type CaptureFileType } from './formats/sniff';
export {
  MAX_IMAGE_MEGAPIXELS, captureError, fileTypeError, imageSizeError, type CaptureError, type CaptureErrorCode,
} from './capture-error';
export { crossCheck, toDraft, type CaptureDraft, type DraftFieldSources } from './checks/cross-check';
