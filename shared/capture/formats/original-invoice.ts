// The pre-数电 e-invoice XML `original_invoice.xml` (root eInvoice, namespace
// http://www.edrm.org.cn/schema/e-invoice/2019), attached inside OFD files (flavour a, docs/invoice-rules.md#electronic-invoice-files).
// GraphCode holds the QR text — or, in the Baiwang variant, a base64 PNG of the QR, returned for an image decoder.
import { describeInvoiceCode } from '../../domain/invoice-code';
import { base64Bytes, isPng } from './bytes';
import { ExtractionBuilder, mergeExtractions, type ExtractedInvoice } from '../extracted';
import {
  checkCodeValue, codeValue, commonLineRate, dateValue, linesValue, moneyValue, numberValue, remarksValue, taxIdValue,
  textValue,
} from '../fields/field-values';
import { parseInvoiceQr } from '../checks/qr';
import { children, textAt, type XmlElement } from './xml';

/** Confidence of values read from a structured XML invoice. */
export const XML_CONFIDENCE = 0.98;
/** Confidence of a kind inferred from the 发票代码 digits (a documented rule, but vendors deviate). */
const KIND_FROM_CODE_CONFIDENCE = 0.7;

/** What an eInvoice XML yields: fields, plus the QR as text or as PNG bytes when GraphCode carries one. */
export interface StructuredCapture {
  readonly extracted: ExtractedInvoice;
  readonly qrText?: string;
  readonly qrImage?: Uint8Array;
}

/** Reads the line items (GoodsInfos/GoodsInfo). */
function goodsLines(root: XmlElement) {
  const goods = children(root, 'GoodsInfos').flatMap((g) => children(g, 'GoodsInfo'));
  return goods.map((g) => ({
    name: textAt(g, 'Item'), spec: textAt(g, 'Specification'), unit: textAt(g, 'MeasurementDimension'),
    qty: textAt(g, 'Quantity'), unitPrice: textAt(g, 'Price'), amount: textAt(g, 'Amount'),
    taxRate: textAt(g, 'TaxScheme'), tax: textAt(g, 'TaxAmount'),
  }));
}

/** Extracts fields from a parsed eInvoice root element. */
export function extractOriginalInvoice(root: XmlElement): StructuredCapture {
  const b = new ExtractionBuilder({ source: 'xml', confidence: XML_CONFIDENCE });
  const code = codeValue(textAt(root, 'InvoiceCode'));
  b.set('code', code);
  b.set('number', numberValue(textAt(root, 'InvoiceNo')));
  b.set('issueDate', dateValue(textAt(root, 'IssueDate')));
  b.set('checkCode', checkCodeValue(textAt(root, 'InvoiceCheckCode')));
  b.set('buyerName', textValue(textAt(root, 'Buyer', 'BuyerName')));
  b.set('buyerTaxId', taxIdValue(textAt(root, 'Buyer', 'BuyerTaxID')));
  b.set('sellerName', textValue(textAt(root, 'Seller', 'SellerName')));
  b.set('sellerTaxId', taxIdValue(textAt(root, 'Seller', 'SellerTaxID')));
  b.set('amount', moneyValue(textAt(root, 'TaxExclusiveTotalAmount')));
  b.set('tax', moneyValue(textAt(root, 'TaxTotalAmount'), true));
  b.set('total', moneyValue(textAt(root, 'TaxInclusiveTotalAmount')));
  b.set('remarks', remarksValue(textAt(root, 'Note')));
  const rawLines = goodsLines(root);
  const lines = linesValue(rawLines);
  if (rawLines.length > 0 && lines === undefined) b.warn('linesUnreadable');
  b.set('lines', lines);
  b.set('taxRate', commonLineRate(lines));

  const graph = textAt(root, 'GraphCode');
  const qr = graph === undefined ? undefined : parseInvoiceQr(graph);
  if (qr?.ok !== true) {
    // Without a readable QR type, the kind digits of the 发票代码 are the best structured hint.
    const kind = code === undefined ? null : (describeInvoiceCode(code)?.kind ?? null);
    if (kind !== null) b.set('kind', kind, KIND_FROM_CODE_CONFIDENCE);
  }
  const own = b.build();
  if (qr?.ok === true && graph !== undefined) return { extracted: mergeExtractions(own, qr.extracted), qrText: graph };
  const png = graph === undefined ? null : base64Bytes(graph);
  return png !== null && isPng(png) ? { extracted: own, qrImage: png } : { extracted: own };
}
