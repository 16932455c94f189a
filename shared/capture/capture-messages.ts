// Messages for capture warnings and errors, one per code (key `capture.<code>`). Each says what is wrong in
// plain words and what the clerk can do; a test checks both languages and matching placeholders.
import type { FieldName } from '../domain/invoice';
import { fieldLabel } from '../i18n/domain-messages';
import { translate, type Catalogue, type Locale } from '../i18n/translate';
import type { CaptureWarning } from './extracted';

/** Every warning and error code capture emits. */
export const CAPTURE_CODES = [
  'qrCrcMismatch', 'notInvoiceQr', 'qrFieldUnreadable',
  'ofdNotZip', 'ofdTooLarge', 'ofdMalformedXml', 'ofdNoInvoiceData', 'ofdPageTextOnly',
  'xmlMalformed', 'xmlUnknown', 'linesUnreadable', 'pdfNoText', 'textLowConfidence',
  'conflict', 'totalMismatch', 'taxRateMismatch', 'linesSumMismatch', 'taxDerived',
  'emptyFile', 'unsupportedType', 'corruptFile', 'pdfPassword', 'imageTooLarge', 'notInvoice', 'blankImage', 'blurredImage',
] as const;

/** A capture warning or error code. */
export type CaptureCode = (typeof CAPTURE_CODES)[number];

/** Capture messages in Simplified Chinese and English. */
export const CAPTURE_MESSAGES: Catalogue = {
  'capture.qrCrcMismatch': {
    'zh-CN': '二维码校验位不符，请核对', en: 'The QR code check digits do not match its content; check the invoice',
  },
  'capture.notInvoiceQr': {
    'zh-CN': '这个二维码不是增值税发票二维码，请手工录入', en: 'This QR code is not a VAT invoice code; enter the invoice by hand',
  },
  'capture.qrFieldUnreadable': {
    'zh-CN': '二维码中的{field}无法识别，请手工填写', en: 'The {field} in the QR code could not be read; fill it in by hand',
  },
  'capture.ofdNotZip': {
    'zh-CN': '文件不是有效的 OFD（无法按压缩包打开），可能已损坏', en: 'The file is not a valid OFD (it cannot be opened as an archive); it may be damaged',
  },
  'capture.ofdTooLarge': {
    'zh-CN': 'OFD 文件内容过大或条目过多（上限 {limit}），已拒绝打开', en: 'The OFD file is too large or has too many parts (limit {limit}); it was not opened',
  },
  'capture.ofdMalformedXml': {
    'zh-CN': 'OFD 中的 {part} 格式错误，无法读取', en: 'The part {part} inside the OFD is malformed and cannot be read',
  },
  'capture.ofdNoInvoiceData': {
    'zh-CN': 'OFD 中没有找到发票数据，请手工录入', en: 'No invoice data was found in the OFD; enter the invoice by hand',
  },
  'capture.ofdPageTextOnly': {
    'zh-CN': '只能从版面文字中读取，请逐项核对', en: 'Fields were read from the page text only; check each one',
  },
  'capture.xmlMalformed': {
    'zh-CN': 'XML 文件格式错误，无法读取', en: 'The XML file is malformed and cannot be read',
  },
  'capture.xmlUnknown': {
    'zh-CN': '不是可识别的发票 XML（根元素 {root}）', en: 'Not a recognised invoice XML (root element {root})',
  },
  'capture.linesUnreadable': {
    'zh-CN': '部分明细行的金额或税额无法识别，明细未导入，请手工填写',
    en: 'Some line items have an unreadable amount or tax, so no lines were imported; enter them by hand',
  },
  'capture.pdfNoText': {
    'zh-CN': 'PDF 没有可读取的文字（可能是扫描件），将尝试识别二维码和图像文字',
    en: 'The PDF has no readable text (it may be a scan); the QR code and image text will be tried instead',
  },
  'capture.textLowConfidence': {
    'zh-CN': '文字识别结果可能有误，请逐项核对', en: 'Text recognition may contain mistakes; check each field',
  },
  'capture.conflict': {
    'zh-CN': '{field}在不同来源中读数不一致（{sources}），请对照发票核对',
    en: 'The {field} differs between sources ({sources}); compare it with the invoice',
  },
  'capture.totalMismatch': {
    'zh-CN': '金额加税额不等于价税合计（应为 {expected}），请核对', en: 'Amount plus tax does not equal the total (expected {expected}); check them',
  },
  'capture.taxRateMismatch': {
    'zh-CN': '税额与金额×税率（{rate}）不符（应约为 {expected}），请核对', en: 'The tax does not match amount × rate ({rate}): about {expected} expected; check them',
  },
  'capture.taxDerived': {
    'zh-CN': '税额未能读出，已按价税合计减金额算出（{tax}），请核对', en: 'The tax could not be read; it was computed as total minus amount ({tax}); check it',
  },
  'capture.linesSumMismatch': {
    'zh-CN': '明细行{field}之和（{sum}）与合计不一致，请核对', en: 'The line items\u2019 {field} add up to {sum}, which differs from the header; check them',
  },
  'capture.emptyFile': { 'zh-CN': '文件是空的（0 字节），请重新选择', en: 'The file is empty (0 bytes); choose it again' },
  'capture.unsupportedType': {
    'zh-CN': '不支持此文件类型（{type}），请使用 PDF、OFD、XML 或图片',
    en: 'This file type is not supported ({type}); use PDF, OFD, XML or an image',
  },
  'capture.corruptFile': {
    'zh-CN': '文件已损坏或不完整，无法打开，请向开票方重新索取',
    en: 'The file is damaged or incomplete and cannot be opened; ask the issuer for a new copy',
  },
  'capture.pdfPassword': {
    'zh-CN': 'PDF 有密码保护，无法读取，请先去除密码或手工录入',
    en: 'The PDF is password-protected and cannot be read; remove the password first or enter the invoice by hand',
  },
  'capture.imageTooLarge': {
    'zh-CN': '图片过大（{megapixels} 百万像素，上限 {limit}），请缩小后再试',
    en: 'The image is too large ({megapixels} megapixels, limit {limit}); shrink it and try again',
  },
  'capture.notInvoice': {
    'zh-CN': '没有在文件中找到发票信息，请确认文件或手工录入', en: 'No invoice was found in this file; check the file or enter the invoice by hand',
  },
  'capture.blankImage': {
    'zh-CN': '图片是空白的，没有可识别的内容，请确认选对了文件，或重新扫描',
    en: 'The image is blank: there is nothing on it to read; check that this is the right file, or scan it again',
  },
  'capture.blurredImage': {
    'zh-CN': '图片太模糊，无法可靠识别，请重新拍摄或扫描清晰的图片，或手工录入',
    en: 'The image is too blurred to read reliably; take a sharper photo or scan, or enter the invoice by hand',
  },
};

const FIELD_NAMES: ReadonlySet<string> = new Set([
  'kind', 'code', 'number', 'issueDate', 'buyerName', 'buyerTaxId', 'sellerName', 'sellerTaxId',
  'amount', 'tax', 'total', 'taxRate', 'checkCode', 'remarks',
]);

/** How each capture source is named to the clerk. */
const SOURCE_LABELS: Readonly<Record<string, Readonly<Record<Locale, string>>>> = {
  xml: { 'zh-CN': 'XML 数据', en: 'XML data' },
  ofd: { 'zh-CN': 'OFD 数据', en: 'OFD data' },
  qr: { 'zh-CN': '二维码', en: 'QR code' },
  'pdf-text': { 'zh-CN': 'PDF 文字', en: 'PDF text' },
  ocr: { 'zh-CN': '文字识别', en: 'OCR' },
};

/**
 * The message for a warning; a `field` param naming a form field is shown as its label ("价税合计") and a
 * `sources` param ("qr / pdf-text") as the sources' names ("二维码 / PDF 文字").
 */
export function captureMessage(warning: CaptureWarning, locale: Locale): string {
  const params: Record<string, string | number> = { ...warning.params };
  const sources = params['sources'];
  if (typeof sources === 'string') {
    params['sources'] = sources.split(' / ').map((s) => SOURCE_LABELS[s]?.[locale] ?? s).join(' / ');
  }
  const field = params['field'];
  if (typeof field === 'string' && FIELD_NAMES.has(field)) params['field'] = fieldLabel(field as FieldName, locale);
  if (field === 'lines') params['field'] = locale === 'zh-CN' ? '明细' : 'line items';
  return translate(CAPTURE_MESSAGES, locale, `capture.${warning.code}`, params);
}
