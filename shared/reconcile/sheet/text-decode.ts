/*
 * Text files (CSV, TSV, Excel's "Unicode text") arrive in whatever encoding the bank or Excel chose: UTF-8 with or
 * without a BOM, UTF-16 with a BOM, or GBK (most Chinese bank exports). The order below is the one that cannot
 * misread: a BOM is certain, valid UTF-8 is almost never accidental for Chinese text, and GBK is the fallback.
 */

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
type TextDecoderCtor = new (label: string, options?: { readonly fatal?: boolean }) => TextDecoderLike;

// shared/ compiles without the DOM lib; TextDecoder (with GBK) exists in Node 20, browsers and workers alike.
const Decoder = (globalThis as unknown as { TextDecoder: TextDecoderCtor }).TextDecoder;

/** The encodings a text spreadsheet is read in. */
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gbk';

/** Decoded text and the encoding it was read in. */
export interface DecodedText {
  readonly text: string;
  readonly encoding: TextEncodingName;
}

/** How much of the start is inspected for UTF-16 without a BOM and for binary junk. */
const SAMPLE = 65_536;
/** Share of suspicious characters (controls, replacement characters) above which the text is binary junk. */
const JUNK_SHARE = 0.005;

/** Guesses UTF-16 without a BOM from zero bytes at alternating positions (ASCII-heavy text only). */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const n = Math.min(bytes.length, SAMPLE) & ~1;
  if (n < 4) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZeros++;
    if (bytes[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.3 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.3 && oddZeros < pairs * 0.05) return 'utf-16be';
  return null;
}

/** Decodes by BOM, then strict UTF-8, then GBK. */
function decodeAny(bytes: Uint8Array): DecodedText {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { text: new Decoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (b0 === 0xff && b1 === 0xfe) return { text: new Decoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (b0 === 0xfe && b1 === 0xff) return { text: new Decoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  const wide = utf16WithoutBom(bytes);
  if (wide) return { text: new Decoder(wide).decode(bytes), encoding: wide };
  try {
    return { text: new Decoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Chinese bank exports are GBK (the WHATWG decoder reads the GB18030 superset).
    return { text: new Decoder('gbk').decode(bytes), encoding: 'gbk' };
  }
}

/** True when the text holds NULs or more control/replacement characters than any real table would. */
export function looksBinary(text: string): boolean {
  const n = Math.min(text.length, SAMPLE);
  let suspicious = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0) return true;
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) suspicious++;
  }
  return suspicious > Math.max(2, n * JUNK_SHARE);
}

/** Decodes a text spreadsheet; null when the bytes are not text in any of the supported encodings. */
export function decodeSpreadsheetText(bytes: Uint8Array): DecodedText | null {
  const decoded = decodeAny(bytes);
  return looksBinary(decoded.text) ? null : decoded;
}
