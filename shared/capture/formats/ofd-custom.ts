// The two structured sources every invoice OFD has, including 数电 OFDs without an attachment
// (flavour c, docs/invoice-rules.md#electronic-invoice-files): OFD.xml DocInfo/CustomDatas (发票号码, 开票日期 "2020年07月23日", 合计金额, …) and
// the semantic tags (CustomTag.xml, Tag_Invoice.xml, …) whose ObjectRefs point at TextObjects on the pages.
// Amount tags often point at two objects, "¥" and the figure, which are joined before parsing.
import { ExtractionBuilder, type ExtractedInvoice } from '../extracted';
import {
  checkCodeValue, codeValue, commonLineRate, dateValue, linesValue, moneyValue, numberValue, remarksValue, taxIdValue,
  textValue, type RawLine,
} from '../fields/field-values';
import { dirname, resolvePath, type OfdPackage } from './ofd-package';
import { indexTextObjects, type OfdPage, type TextObjectLookup } from './ofd-pages';
import { attr, child, children, childNames, ownText, type XmlElement } from './xml';

/** Confidence of OFD.xml CustomData (written by the issuing platform). */
export const CUSTOM_DATA_CONFIDENCE = 0.95;
/** Confidence of values resolved through the semantic tags into page text. */
export const CUSTOM_TAG_CONFIDENCE = 0.9;

/** Reads OFD.xml DocInfo/CustomDatas by name. */
export function extractCustomData(ofdRoot: XmlElement): ExtractedInvoice {
  const data = new Map<string, string>();
  for (const cd of children(child(ofdRoot, 'DocBody', 'DocInfo', 'CustomDatas'), 'CustomData')) {
    const name = (attr(cd, 'Name') ?? '').replace(/\s+/g, '');
    if (name !== '' && !data.has(name)) data.set(name, ownText(cd).trim());
  }
  const b = new ExtractionBuilder({ source: 'ofd', confidence: CUSTOM_DATA_CONFIDENCE });
  b.set('code', codeValue(data.get('发票代码')));
  b.set('number', numberValue(data.get('发票号码')));
  b.set('issueDate', dateValue(data.get('开票日期')));
  b.set('checkCode', checkCodeValue(data.get('校验码')));
  b.set('amount', moneyValue(data.get('合计金额')));
  b.set('tax', moneyValue(data.get('合计税额'), true));
  b.set('total', moneyValue(data.get('价税合计')));
  b.set('buyerName', textValue(data.get('购买方名称')));
  b.set('buyerTaxId', taxIdValue(data.get('购买方纳税人识别号')));
  b.set('sellerName', textValue(data.get('销售方名称')));
  b.set('sellerTaxId', taxIdValue(data.get('销售方纳税人识别号')));
  return b.build();
}

/** The text an element's ObjectRefs point at, joined in order; undefined when it has no refs. */
function resolveRefs(el: XmlElement, find: TextObjectLookup): string | undefined {
  const refs = children(el, 'ObjectRef');
  if (refs.length === 0) return undefined;
  return refs.map((r) => find(ownText(r).trim(), attr(r, 'PageRef'))?.text ?? '').join('');
}

/** Walks a tag tree, giving each tagged element's local name and resolved text; GoodsInfo groups are collected apart. */
function collectTags(node: XmlElement, find: TextObjectLookup, tags: Map<string, string>, goods: RawLine[], depth = 0): void {
  if (depth > 16) return;
  for (const name of childNames(node)) {
    for (const el of children(node, name)) {
      if (name === 'GoodsInfo') {
        const text = (n: string) => { const c = child(el, n); return c ? resolveRefs(c, find) : undefined; };
        goods.push({
          name: text('Item'), spec: text('Specification'), unit: text('MeasurementDimension'), qty: text('Quantity'),
          unitPrice: text('Price'), amount: text('Amount'), taxRate: text('TaxScheme'), tax: text('TaxAmount'),
        });
        continue;
      }
      const text = resolveRefs(el, find);
      if (text !== undefined && !tags.has(name)) tags.set(name, text);
      collectTags(el, find, tags, goods, depth + 1);
    }
  }
}

/** Reads the tag files listed by the document's CustomTags part. */
function readTagFiles(pkg: OfdPackage, docRoot: string, pages: readonly OfdPage[]): { tags: Map<string, string>; goods: RawLine[] } {
  const tags = new Map<string, string>();
  const goods: RawLine[] = [];
  const find = indexTextObjects(pages);
  const doc = pkg.xml(docRoot);
  const indexLoc = doc.ok ? ownText(child(doc.value.root, 'CustomTags')).trim() : '';
  if (indexLoc === '') return { tags, goods };
  const indexPath = resolvePath(dirname(docRoot), indexLoc);
  const index = pkg.xml(indexPath);
  if (!index.ok) return { tags, goods };
  for (const tag of children(index.value.root, 'CustomTag')) {
    const loc = ownText(child(tag, 'FileLoc')).trim();
    const file = loc === '' ? null : pkg.xml(resolvePath(dirname(indexPath), loc));
    if (file?.ok === true) collectTags({ [file.value.name]: [file.value.root] }, find, tags, goods);
  }
  return { tags, goods };
}

/** Resolves the semantic tags of the document into field values. */
export function extractCustomTags(pkg: OfdPackage, docRoot: string, pages: readonly OfdPage[]): ExtractedInvoice {
  const { tags, goods } = readTagFiles(pkg, docRoot, pages);
  const b = new ExtractionBuilder({ source: 'ofd', confidence: CUSTOM_TAG_CONFIDENCE });
  b.set('code', codeValue(tags.get('InvoiceCode')));
  b.set('number', numberValue(tags.get('InvoiceNo')));
  b.set('issueDate', dateValue(tags.get('IssueDate')));
  b.set('checkCode', checkCodeValue(tags.get('InvoiceCheckCode')));
  b.set('buyerName', textValue(tags.get('BuyerName')));
  b.set('buyerTaxId', taxIdValue(tags.get('BuyerTaxID')));
  b.set('sellerName', textValue(tags.get('SellerName')));
  b.set('sellerTaxId', taxIdValue(tags.get('SellerTaxID')));
  b.set('amount', moneyValue(tags.get('TaxExclusiveTotalAmount')));
  b.set('tax', moneyValue(tags.get('TaxTotalAmount'), true));
  b.set('total', moneyValue(tags.get('TaxInclusiveTotalAmount')));
  b.set('remarks', remarksValue(tags.get('Note')));
  const lines = linesValue(goods);
  b.set('lines', lines);
  b.set('taxRate', commonLineRate(lines));
  return b.build();
}
