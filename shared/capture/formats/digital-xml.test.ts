import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { extractFromXml } from './digital-xml';
import { extractFromOfd } from './ofd';

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url), 'utf8');
const sample = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/samples/ofd/${name}`, import.meta.url)));

describe('extractFromXml: 数电 EInvoice', () => {
  it('reads header fields, kind, lines and the tax-inclusive total (not the line total)', () => {
    const r = extractFromXml(fixture('shudian-einvoice.xml'));
    if (!r.ok) throw new Error(r.error.code);
    const { lines, ...fields } = r.value.extracted.fields;
    expect(fields).toEqual({
      kind: 'digital_normal', number: '24112000000012345678', issueDate: '2024-05-28',
      sellerName: '示例餐饮管理（北京）有限公司', sellerTaxId: '91110000000000000X',
      buyerName: '示例科技有限公司', buyerTaxId: '91110000000000001Y',
      amount: 113208, tax: 6792, total: 120000, taxRate: '0.06',
      remarks: '购买方地址:北京市示例区示例街2号; 电话:010-00000001;\n经办人:张三',
    });
    expect(lines).toEqual([
      { name: '*餐饮服务*餐费', spec: '', unit: '次', qty: '2', unitPrice: '471.698113207547', amount: 94340, taxRate: '0.06', tax: 5660 },
      { name: '*餐饮服务*茶位费', spec: '标准', unit: '位', qty: '10', unitPrice: '18.868', amount: 18868, taxRate: '0.06', tax: 1132 },
    ]);
    expect(r.value.extracted.sources.total).toEqual({ source: 'xml', confidence: 0.98 });
    expect(r.value.extracted.warnings).toEqual([]);
  });

  it('reads 专票 from the GeneralOrSpecialVAT label and leaves out what is unreadable', () => {
    const text = fixture('shudian-einvoice.xml')
      .replace('<LabelCode>02</LabelCode><LabelName>普通发票', '<LabelCode>01</LabelCode><LabelName>增值税专用发票')
      .replace('<TotalTaxAm>67.92</TotalTaxAm>', '<TotalTaxAm>六十七</TotalTaxAm>')
      .replace('<ComTaxAm>11.320000</ComTaxAm>', '<ComTaxAm>11.3249</ComTaxAm>');
    const r = extractFromXml(text);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.extracted.fields.kind).toBe('digital_special');
    expect(r.value.extracted.fields.tax).toBeUndefined();
    expect(r.value.extracted.fields.lines).toBeUndefined();
    expect(r.value.extracted.warnings).toEqual([{ code: 'linesUnreadable' }]);
  });

  it('refuses malformed XML, entity declarations and unknown documents with clear codes', () => {
    expect(extractFromXml('<EInvoice><Header>')).toEqual({ ok: false, error: { code: 'xmlMalformed' } });
    expect(extractFromXml('<!DOCTYPE a [<!ENTITY b "x">]><EInvoice>&b;</EInvoice>')).toEqual({ ok: false, error: { code: 'xmlMalformed' } });
    expect(extractFromXml('<?xml version="1.0"?><html><body/></html>')).toEqual({ ok: false, error: { code: 'xmlUnknown', params: { root: 'html' } } });
  });
});

describe('extractFromXml: original_invoice.xml and XBRL', () => {
  it('reads an eInvoice document on its own, with its QR text', () => {
    const xml = strFromU8(unzipSync(sample('chongqing-test-3-lines.ofd'))['Doc_0/Attachs/original_invoice.xml'] ?? new Uint8Array());
    const r = extractFromXml(xml);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.qrText).toBe('01,10,050001700111,99999951,300.00,20201010,14754822929856772523,E400,');
    expect(r.value.extracted.fields).toMatchObject({ number: '99999951', total: 31800, sellerName: '杭州融易算企业管理咨询有限公司' });
    expect(r.value.extracted.fields.lines).toHaveLength(3);
  });

  it('reads the MOF inv XBRL form', () => {
    const r = extractFromXml(fixture('inv-xbrl.xml'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.extracted.fields).toEqual({
      code: '033002200211', number: '99934328', issueDate: '2022-09-01', checkCode: '12345678901234567890',
      buyerName: '示例采购有限公司', buyerTaxId: '91330000000000003B', sellerName: '示例家居用品有限公司',
      sellerTaxId: '91330000000000004C', amount: 88496, tax: 11504, total: 100000, remarks: '订单号 2022090100001',
      taxRate: '0.13',
      lines: [{ name: '*日用杂品*收纳箱', spec: '60L', unit: '个', qty: '10', unitPrice: '88.4955752212389', amount: 88496, taxRate: '0.13', tax: 11504 }],
    });
  });

  it('reads the MOF einv (数电) XBRL form', () => {
    const xml = `<xbrli:xbrl xmlns:xbrli="http://www.xbrl.org/2003/instance" xmlns:einv="http://xbrl.mof.gov.cn/taxonomy/2023-12-31/einv">
      <einv:InvoiceNumber contextRef="c1">23440000000000100011</einv:InvoiceNumber>
      <einv:SellerName contextRef="c1">示例照明有限公司</einv:SellerName>
      <einv:SellerIdNum contextRef="c1">91440000000000005D</einv:SellerIdNum>
      <einv:TotalAmWithoutTax decimals="2" contextRef="c1" unitRef="u1">9000.00</einv:TotalAmWithoutTax>
      <einv:RequestTime contextRef="c1">2023-11-13 20:05:10</einv:RequestTime>
      <einv:TotalTaxAm decimals="2" contextRef="c1" unitRef="u1">1170.00</einv:TotalTaxAm>
      <einv:TotalTax-includedAmount decimals="2" contextRef="c1" unitRef="u1">10170.00</einv:TotalTax-includedAmount>
    </xbrli:xbrl>`;
    const r = extractFromXml(xml);
    expect(r.ok && r.value.extracted.fields).toEqual({
      number: '23440000000000100011', issueDate: '2023-11-13', sellerName: '示例照明有限公司', sellerTaxId: '91440000000000005D',
      amount: 900000, tax: 117000, total: 1017000,
    });
  });

  it('finds an XBRL attachment in an OFD (flavour b)', () => {
    const files = unzipSync(sample('zhejiang-e-putong.ofd'));
    delete files['Doc_0/Attachs/original_invoice.xml'];
    const list = '<?xml version="1.0"?><ofd:Attachments xmlns:ofd="http://www.ofdspec.org/2016"><ofd:Attachment ID="1" Name="inv" Format="xml"><ofd:FileLoc>inv_ord_issuer_20220901_03300220021199934328.xml</ofd:FileLoc></ofd:Attachment></ofd:Attachments>';
    files['Doc_0/Attachs/Attachments.xml'] = strToU8(list);
    files['Doc_0/Attachs/inv_ord_issuer_20220901_03300220021199934328.xml'] = strToU8(fixture('inv-xbrl.xml'));
    const r = extractFromOfd(zipSync(files));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.flavour).toBe('xbrl');
    expect(r.value.extracted.sources.number?.source).toBe('xml');
    // The XBRL here is fictional and disagrees with the OFD's own CustomData: both are kept as conflicts.
    expect(r.value.extracted.fields.number).toBe('99934328');
    expect(r.value.extracted.conflicts.find((c) => c.field === 'number')?.values).toEqual([
      { source: 'xml', value: '99934328' }, { source: 'ofd', value: '83089647' },
    ]);
  });
});
