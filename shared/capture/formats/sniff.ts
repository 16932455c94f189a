// What kind of file the clerk dropped, by its first bytes (names lie: "发票.pdf" is sometimes an OFD).
import { startsWith } from './bytes';
import { openZip } from './zip-reader';

/** The file kinds capture distinguishes. */
export type CaptureFileType = 'pdf' | 'ofd' | 'zip' | 'xml' | 'png' | 'jpeg' | 'tiff' | 'bmp' | 'webp' | 'empty' | 'unknown';

const ascii = (s: string): number[] => Array.from(s, (c) => c.charCodeAt(0));

/** True when `needle` occurs in the first `within` bytes. */
function occursWithin(bytes: Uint8Array, needle: readonly number[], within: number): boolean {
  const end = Math.min(bytes.length - needle.length, within);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, needle, i)) return true;
  return false;
}

/** XML text after an optional UTF-8 byte-order mark and leading whitespace. */
function looksLikeXml(bytes: Uint8Array): boolean {
  let i = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  while (i < bytes.length && i < 1024 && [0x20, 0x09, 0x0a, 0x0d].includes(bytes[i] ?? 0)) i++;
  return ['<?xml', '<EInvoice', '<eInvoice', '<xbrl', '<xbrli:xbrl'].some((p) => startsWith(bytes, ascii(p), i));
}

/** A ZIP is an OFD when it holds OFD.xml; a damaged or oversized one named *.ofd is still treated as OFD. */
function zipKind(bytes: Uint8Array, name: string): 'ofd' | 'zip' {
  const zip = openZip(bytes);
  if (zip.ok) return zip.value.find('OFD.xml') ? 'ofd' : 'zip';
  return /\.ofd$/i.test(name) ? 'ofd' : 'zip';
}

/** Identifies a file by its magic bytes; the name only breaks ties (a damaged ZIP called *.ofd). */
export function sniffFileType(bytes: Uint8Array, name = ''): CaptureFileType {
  if (bytes.length === 0) return 'empty';
  // The PDF header may follow a little junk (the spec tolerates it within the first 1024 bytes).
  if (occursWithin(bytes, ascii('%PDF-'), 1024)) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes, name);
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) return 'tiff';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  if (startsWith(bytes, ascii('BM')) && bytes.length >= 26) return 'bmp';
  if (looksLikeXml(bytes)) return 'xml';
  return 'unknown';
}

/** True for the image kinds that go to QR decoding and OCR. */
export function isImageType(type: CaptureFileType): boolean {
  return type === 'png' || type === 'jpeg' || type === 'tiff' || type === 'bmp' || type === 'webp';
}
