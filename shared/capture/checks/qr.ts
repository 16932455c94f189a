// VAT invoice QR text (docs/invoice-rules.md#qr-codes): 版本,种类,代码,号码,金额,日期,校验码,CRC[,]
//
// The 8th field is CRC-16/UMTS (poly 0x8005, init 0, no reflection, xorout 0) over the ASCII of the first seven
// fields joined by commas plus a trailing comma, as 4 upper-case hex digits. This was found empirically (13 of
// 15 real strings match, no public document states it), so a mismatch is only a warning, never a rejection.
// The CRC is computed over the fields as printed: a 数电 QR with " " in its empty fields matches only untrimmed.
import type { InvoiceKind } from '../../domain/invoice';
import { ExtractionBuilder, mergeExtractions, withWarnings, type CaptureWarning, type ExtractedInvoice } from '../extracted';
import { checkCodeValue, codeValue, dateValue, moneyValue, numberValue } from '../fields/field-values';

/** Confidence of values read from an invoice QR: machine-made and CRC-protected. */
export const QR_CONFIDENCE = 0.99;

/** QR type code (field 2) → invoice kind; 31/32 are 数电; the platform's 票种 codes differ. */
const KIND_BY_QR_TYPE: Readonly<Record<string, InvoiceKind>> = {
  '01': 'vat_special', '04': 'vat_normal', '10': 'e_normal', '20': 'e_special', '31': 'digital_special',
  '32': 'digital_normal', '11': 'roll', '14': 'toll', '03': 'vehicle',
};

/** The fields of a VAT QR as printed, trimmed, before interpretation. */
export interface VatQrFields {
  readonly version: string;
  readonly typeCode: string;
  readonly code: string;
  readonly number: string;
  /** Field 5: 不含税金额 on old invoices, 价税合计 on 数电 (see `isDigital`). */
  readonly amountText: string;
  readonly dateText: string;
  readonly checkCode: string;
  /** Field 8, or null when the string stops after 7 fields. */
  readonly crc: string | null;
  /** 数电: empty code field and a 20-digit number. */
  readonly isDigital: boolean;
  readonly crcStatus: 'match' | 'mismatch' | 'absent';
}

/** The outcome of reading QR text: an invoice QR with its extraction, or a clear "not an invoice QR". */
export type QrParseResult =
  | { readonly ok: true; readonly qr: VatQrFields; readonly extracted: ExtractedInvoice }
  | { readonly ok: false; readonly reason: 'notInvoiceQr'; readonly warning: CaptureWarning };

/** CRC-16/UMTS of the UTF-8 bytes of `text`, as 4 upper-case hex digits. */
export function crc16Umts(text: string): string {
  let crc = 0;
  for (const byte of utf8Bytes(text)) {
    crc ^= byte << 8;
    for (let bit = 0; bit < 8; bit++) crc = (crc & 0x8000 ? (crc << 1) ^ 0x8005 : crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

/** UTF-8 bytes without a TextEncoder global (shared/ compiles with lib ES2023 only). */
function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp < 0x80) out.push(cp);
    else if (cp < 0x800) out.push(0xc0 | (cp >> 6), 0x80 | (cp & 63));
    else if (cp < 0x10000) out.push(0xe0 | (cp >> 12), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
    else out.push(0xf0 | (cp >> 18), 0x80 | ((cp >> 12) & 63), 0x80 | ((cp >> 6) & 63), 0x80 | (cp & 63));
  }
  return out;
}

const NOT_INVOICE: QrParseResult = { ok: false, reason: 'notInvoiceQr', warning: { code: 'notInvoiceQr' } };

/** Splits QR text into raw fields; full-width commas (，) count as commas. */
function splitFields(text: string): string[] | null {
  const t = text.replace(/\uFF0C/g, ',').replace(/[\r\n]+$/, '');
  if (t.length > 400) return null;
  const raw = t.split(',');
  // A trailing comma gives an empty 9th field; anything past that is not this layout.
  if (raw.length === 9 && (raw[8] ?? '').trim() === '') raw.pop();
  return raw.length === 7 || raw.length === 8 ? raw : null;
}

/** Checks the CRC over the fields as printed; also accepts the trimmed form, which is what a re-typed code has. */
function crcStatus(raw: readonly string[], crc: string | null): VatQrFields['crcStatus'] {
  if (crc === null || crc === '') return 'absent';
  const printed = `${raw.slice(0, 7).join(',')},`;
  const trimmed = `${raw.slice(0, 7).map((f) => f.trim()).join(',')},`;
  return crc.toUpperCase() === crc16Umts(printed) || crc.toUpperCase() === crc16Umts(trimmed) ? 'match' : 'mismatch';
}

/** Reads the structure of VAT QR text, or null when the text is not in that layout. */
export function readVatQrFields(text: string): VatQrFields | null {
  const raw = splitFields(text.trim());
  if (raw === null) return null;
  const f = raw.map((x) => x.trim());
  const [version = '', typeCode = '', code = '', number = '', amountText = '', dateText = '', checkCode = ''] = f;
  const crc = f[7] ?? null;
  if (!/^\d{2}$/.test(version) || !/^\d{2}$/.test(typeCode)) return null;
  if (!/^\d{8}$|^\d{20}$/.test(number) || !/^\d{8}$/.test(dateText)) return null;
  if (crc !== null && crc !== '' && !/^[0-9A-Fa-f]{4}$/.test(crc)) return null;
  const isDigital = code === '' && number.length === 20;
  return { version, typeCode, code, number, amountText, dateText, checkCode, crc, isDigital, crcStatus: crcStatus(raw, crc) };
}

/**
 * Parses the text of an invoice QR into fields. On 数电 QRs the amount is 价税合计 and maps to `total`; on older
 * invoices it is the amount before tax and maps to `amount`. Non-invoice QRs (URLs, etc.) give `notInvoiceQr`.
 */
export function parseInvoiceQr(text: string): QrParseResult {
  const qr = readVatQrFields(text);
  if (qr === null) return NOT_INVOICE;
  const b = new ExtractionBuilder({ source: 'qr', confidence: QR_CONFIDENCE });
  b.set('kind', KIND_BY_QR_TYPE[qr.typeCode] ?? 'other');
  if (qr.code !== '') {
    const code = codeValue(qr.code);
    if (code === undefined) b.warn('qrFieldUnreadable', { field: 'code' });
    b.set('code', code);
  }
  b.set('number', numberValue(qr.number));
  const money = moneyValue(qr.amountText);
  if (money === undefined) b.warn('qrFieldUnreadable', { field: qr.isDigital ? 'total' : 'amount' });
  b.set(qr.isDigital ? 'total' : 'amount', money);
  const date = dateValue(qr.dateText);
  if (date === undefined) b.warn('qrFieldUnreadable', { field: 'issueDate' });
  b.set('issueDate', date);
  if (qr.checkCode !== '') {
    const check = checkCodeValue(qr.checkCode);
    if (check === undefined) b.warn('qrFieldUnreadable', { field: 'checkCode' });
    b.set('checkCode', check);
  }
  if (qr.crcStatus === 'mismatch') b.warn('qrCrcMismatch');
  return { ok: true, qr, extracted: b.build() };
}

/** Merges decoded QR text into an extraction (QR values fill gaps; disagreements become conflicts). */
export function withQrText(extracted: ExtractedInvoice, qrText: string): ExtractedInvoice {
  const qr = parseInvoiceQr(qrText);
  return qr.ok ? mergeExtractions(extracted, qr.extracted) : withWarnings(extracted, [qr.warning]);
}
