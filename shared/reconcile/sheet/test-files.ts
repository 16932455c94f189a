/*
 * Test helpers for the spreadsheet readers: text in the encodings banks and Excel use (GBK, UTF-16 with BOM,
 * UTF-8 with BOM), and the files docs/invoice-rules.md#platform-exports and #bank-statements describe, built in memory. Used by the tests beside this file.
 */
import { strToU8 } from 'fflate';

interface TextDecoderLike {
  decode(input: Uint8Array): string;
}
const Decoder = (globalThis as unknown as { TextDecoder: new (label: string) => TextDecoderLike }).TextDecoder;

let gbkTable: Map<string, number> | null = null;

/** Character → GBK double-byte code, built once by decoding every lead/trail byte pair. */
function gbk(): Map<string, number> {
  if (gbkTable) return gbkTable;
  const table = new Map<string, number>();
  const decoder = new Decoder('gbk');
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      const ch = decoder.decode(pair);
      // Unmapped pairs decode to U+FFFD (plus the trail byte when it is ASCII); only clean single characters count.
      if (ch.length === 1 && ch !== '\ufffd' && !table.has(ch)) table.set(ch, (lead << 8) | trail);
    }
  }
  gbkTable = table;
  return table;
}

/** Encodes text as GBK (throws on a character GBK lacks: a test bug). */
export function encodeGbk(text: string): Uint8Array {
  const table = gbk();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const two = table.get(ch);
    if (two === undefined) throw new Error(`not in GBK: ${ch}`);
    out.push(two >> 8, two & 0xff);
  }
  return new Uint8Array(out);
}

/** Encodes text as UTF-16 with a BOM, as Excel's "Unicode text" does (little-endian) or big-endian. */
export function encodeUtf16(text: string, littleEndian = true): Uint8Array {
  const out = new Uint8Array(2 + text.length * 2);
  const view = new DataView(out.buffer);
  view.setUint16(0, 0xfeff, littleEndian);
  for (let i = 0; i < text.length; i++) view.setUint16(2 + i * 2, text.charCodeAt(i), littleEndian);
  return out;
}

/** UTF-8 bytes, optionally with the BOM Excel writes for "CSV UTF-8". */
export function encodeUtf8(text: string, bom = false): Uint8Array {
  const body = strToU8(text);
  if (!bom) return body;
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Joins rows of cells into CSV text, quoting cells that need it (thousands separators, quotes, line breaks). */
export function toCsv(rows: readonly (readonly string[])[], eol = '\n', delimiter = ','): string {
  const quote = (c: string): string => (/[",\n\r]/.test(c) || c.includes(delimiter) ? `"${c.replace(/"/g, '""')}"` : c);
  return rows.map((r) => r.map(quote).join(delimiter)).join(eol) + eol;
}
