// 数电票 XML as downloaded from the 电子发票服务平台 (root EInvoice, no namespace; docs/invoice-rules.md#electronic-invoice-files), and the
// entry point for any invoice XML file: 数电 EInvoice, the older eInvoice (original_invoice.xml) or XBRL.
// Pitfall: TotalTax-includedAmount (invoice total, with a hyphen) vs TotaltaxIncludedAmount (a line's total).
import type { InvoiceKind } from '../../domain/invoice';
import { err, ok, type Result } from '../../domain/result';
import { ExtractionBuilder, type CaptureWarning, type ExtractedInvoice } from '../extracted';
import { commonLineRate, dateValue, linesValue, moneyValue, numberValue, remarksValue, taxIdValue, textValue } from '../fields/field-values';
import { extractOriginalInvoice, XML_CONFIDENCE, type StructuredCapture } from './original-invoice';
import { extractInvoiceXbrl, isInvoiceXbrl } from './xbrl';
import { children, parseXml, textAt, type XmlElement } from './xml';

/** GeneralOrSpecialVAT label codes: 01 专票, 02 普票. */
const KIND_BY_LABEL: Readonly<Record<string, InvoiceKind>> = { '01': 'digital_special', '02': 'digital_normal' };

/** Extracts fields from a parsed 数电 EInvoice root element. */
export function extractDigitalInvoice(root: XmlElement): ExtractedInvoice {
  const b = new ExtractionBuilder({ source: 'xml', confidence: XML_CONFIDENCE });
  const header = children(root, 'Header')[0];
  const data = children(root, 'EInvoiceData')[0];
  const supervision = children(root, 'TaxSupervisionInfo')[0];
  b.set('kind', KIND_BY_LABEL[textAt(header, 'InherentLabel', 'GeneralOrSpecialVAT', 'LabelCode') ?? '']);
  b.set('number', numberValue(textAt(supervision, 'InvoiceNumber') ?? textAt(header, 'EIid')));
  b.set('issueDate', dateValue(textAt(supervision, 'IssueTime') ?? textAt(data, 'BasicInformation', 'RequestTime')));
  b.set('sellerName', textValue(textAt(data, 'SellerInformation', 'SellerName')));
  b.set('sellerTaxId', taxIdValue(textAt(data, 'SellerInformation', 'SellerIdNum')));
  b.set('buyerName', textValue(textAt(data, 'BuyerInformation', 'BuyerName')));
  b.set('buyerTaxId', taxIdValue(textAt(data, 'BuyerInformation', 'BuyerIdNum')));
  b.set('amount', moneyValue(textAt(data, 'BasicInformation', 'TotalAmWithoutTax')));
  b.set('tax', moneyValue(textAt(data, 'BasicInformation', 'TotalTaxAm'), true));
  b.set('total', moneyValue(textAt(data, 'BasicInformation', 'TotalTax-includedAmount')));
  b.set('remarks', remarksValue(textAt(data, 'AdditionalInformation', 'Remark')));
  const items = children(data, 'IssuItemInformation');
  const lines = linesValue(items.map((i) => ({
    name: textAt(i, 'ItemName'), spec: textAt(i, 'SpecMod'), unit: textAt(i, 'MeaUnits'), qty: textAt(i, 'Quantity'),
    unitPrice: textAt(i, 'UnPrice'), amount: textAt(i, 'Amount'), taxRate: textAt(i, 'TaxRate'),
    // Line tax is given with six decimals ("0.120000"); money parsing accepts trailing zeros only.
    tax: textAt(i, 'ComTaxAm'),
  })));
  if (items.length > 0 && lines === undefined) b.warn('linesUnreadable');
  b.set('lines', lines);
  b.set('taxRate', commonLineRate(lines));
  return b.build();
}

/** Reads any supported invoice XML document from its parsed root. */
export function extractFromXmlRoot(name: string, root: XmlElement): Result<StructuredCapture, CaptureWarning> {
  if (name === 'EInvoice') return ok({ extracted: extractDigitalInvoice(root) });
  if (name === 'eInvoice') return ok(extractOriginalInvoice(root));
  if (isInvoiceXbrl(name, root)) return ok({ extracted: extractInvoiceXbrl(root) });
  return err({ code: 'xmlUnknown', params: { root: name } });
}

/**
 * Extracts fields from invoice XML text: a 数电 EInvoice, an eInvoice (original_invoice.xml) or an invoice
 * XBRL instance. Malformed XML gives `xmlMalformed`; other XML gives `xmlUnknown` with the root's name.
 */
export function extractFromXml(text: string): Result<StructuredCapture, CaptureWarning> {
  const parsed = parseXml(text);
  if (!parsed.ok) return err({ code: 'xmlMalformed' });
  return extractFromXmlRoot(parsed.value.name, parsed.value.root);
}
