// The MOF XBRL forms of an invoice: the 2021 `inv` taxonomy attached to some 2022 OFDs (flavour b
// in docs/invoice-rules.md#electronic-invoice-files) and the 2023 `einv` taxonomy of 数电 invoices. Facts are flat children of the xbrl root
// (line items sit in a tuple), so they are looked up by local name.
import { ExtractionBuilder, type ExtractedInvoice } from '../extracted';
import {
  checkCodeValue, codeValue, commonLineRate, dateValue, linesValue, moneyValue, numberValue, remarksValue, taxIdValue,
  textValue,
} from '../fields/field-values';
import { XML_CONFIDENCE } from './original-invoice';
import { childNames, children, textAt, type XmlElement } from './xml';

/** The text of the first fact whose local name matches. */
function fact(root: XmlElement, pattern: RegExp): string | undefined {
  const name = childNames(root).find((n) => pattern.test(n));
  return name === undefined ? undefined : textAt(root, name);
}

/** True when a parsed root looks like an invoice XBRL instance. */
export function isInvoiceXbrl(rootName: string, root: XmlElement): boolean {
  if (rootName !== 'xbrl') return false;
  const names = childNames(root);
  return names.includes('NumberOfInvoice') || names.includes('InvoiceNumber');
}

/** Extracts fields from an invoice XBRL instance (either taxonomy). */
export function extractInvoiceXbrl(root: XmlElement): ExtractedInvoice {
  const b = new ExtractionBuilder({ source: 'xml', confidence: XML_CONFIDENCE });
  b.set('code', codeValue(fact(root, /^CodeOfInvoice$/)));
  b.set('number', numberValue(fact(root, /^(NumberOfInvoice|InvoiceNumber)$/)));
  b.set('issueDate', dateValue(fact(root, /^(DateOfIssue|RequestTime|IssueTime)$/)));
  b.set('checkCode', checkCodeValue(fact(root, /^IdentifyingCode$/)));
  b.set('buyerName', textValue(fact(root, /^(NameOfPurchaser|BuyerName)$/)));
  b.set('buyerTaxId', taxIdValue(fact(root, /^(TaxpayerIdentificationNumber\w*OfPurchaser|BuyerIdNum)$/)));
  b.set('sellerName', textValue(fact(root, /^(NameOfSeller|SellerName)$/)));
  b.set('sellerTaxId', taxIdValue(fact(root, /^(TaxpayerIdentificationNumber\w*OfSeller|SellerIdNum)$/)));
  b.set('amount', moneyValue(fact(root, /^(TotalAmountExcludingTax|TotalAmWithoutTax)$/)));
  b.set('tax', moneyValue(fact(root, /^(TotalTaxAmount|TotalTaxAm)$/), true));
  b.set('total', moneyValue(fact(root, /^(TaxIncludedAmountInFigures|TotalTax-includedAmount)$/)));
  b.set('remarks', remarksValue(fact(root, /^(Remarks|Remark)$/)));
  const tuples = children(root, 'InformationOfTaxableGoodsOrServicesDetailItemsTuple');
  const lines = linesValue(tuples.map((t) => ({
    name: textAt(t, 'NameOfTaxableGoodsOrServices'), spec: textAt(t, 'Specification'),
    unit: textAt(t, 'UnitOfGoodsOrServices'), qty: textAt(t, 'QuantityOfGoodsOrServices'),
    unitPrice: textAt(t, 'UnitPriceOfGoodsOrServices'), amount: textAt(t, 'AmountExcludingTax'),
    taxRate: textAt(t, 'TaxRate'), tax: textAt(t, 'TaxAmount'),
  })));
  if (tuples.length > 0 && lines === undefined) b.warn('linesUnreadable');
  b.set('lines', lines);
  b.set('taxRate', commonLineRate(lines));
  return b.build();
}
