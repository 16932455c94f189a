// Errors that stop a capture before any field is read. Each is a value with a bilingual message
// (capture-messages.ts), never a thrown Error, so it can cross a worker or IPC boundary intact.
import type { CaptureWarning } from './extracted';
import type { CaptureFileType } from './formats/sniff';

/** Codes of capture-stopping errors. */
export type CaptureErrorCode =
  | 'emptyFile' | 'unsupportedType' | 'corruptFile' | 'pdfPassword' | 'imageTooLarge' | 'notInvoice' | 'blankImage' | 'blurredImage';

/** A capture error: a code and the values its message needs. */
export type CaptureError = CaptureWarning & { readonly code: CaptureErrorCode };

/**
 * Images above this many pixels are refused before decoding: an A4 page scanned at 600 dpi (35 MP) passes, a
 * 48/50-megapixel phone photo does not (its RGBA pixels alone would take 200 MB, and every OCR copy as much
 * again); the message gives its size so the clerk can shrink it.
 */
export const MAX_IMAGE_MEGAPIXELS = 40;

/** Builds a capture error; pass the placeholders its message uses (unsupportedType: type; imageTooLarge: megapixels, limit). */
export function captureError(code: CaptureErrorCode, params?: Readonly<Record<string, string | number>>): CaptureError {
  return params === undefined ? { code } : { code, params };
}

/** The error for a sniffed type that capture cannot read, or null when it can. */
export function fileTypeError(type: CaptureFileType): CaptureError | null {
  if (type === 'empty') return captureError('emptyFile');
  if (type === 'unknown' || type === 'zip') return captureError('unsupportedType', { type: type === 'zip' ? 'ZIP' : '?' });
  return null;
}

/** The error for an image whose pixel count exceeds the limit, or null when it is small enough. */
export function imageSizeError(width: number, height: number, limitMegapixels = MAX_IMAGE_MEGAPIXELS): CaptureError | null {
  const megapixels = (width * height) / 1_000_000;
  if (megapixels <= limitMegapixels) return null;
  return captureError('imageTooLarge', { megapixels: Math.round(megapixels * 10) / 10, limit: limitMegapixels });
}
