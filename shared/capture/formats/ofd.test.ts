import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { extractFromOfd } from './ofd';
import { isPng } from './bytes';

// The real sample invoices beside the checkout, which CI provides (docs/invoice-rules.md#sample-invoices).
const sample = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/samples/ofd/${name}`, import.meta.url)));

/** Truth as printed on each sample (money in fen; also in bench/fixtures/samples-truth.json). */
const TRUTH = {
  'zhejiang-e-putong.ofd': {
    kind: 'e_normal', code: '033002000211', number: '83089647', issueDate: '2020-07-23', checkCode: '16197833567414507415',
    buyerName: '江苏京利华新材料有限公司', buyerTaxId: '91320115MA202UKD7X', sellerName: '兰溪市悦济舫餐厅',
    sellerTaxId: '92330781MA2EDMFU50', taxRate: '0.03', amount: 51068, tax: 1532, total: 52600,
  },
  'test-100-lines.ofd': {
    code: '050001700111', number: '12235358', issueDate: '2020-08-05', buyerName: '个人', taxRate: '0.06',
    amount: 1000000, tax: 60000, total: 1060000,
  },
  'chongqing-test-3-lines.ofd': {
    code: '050001700111', number: '99999951', issueDate: '2020-10-10', checkCode: '14754822929856772523',
    // Vendor test data: the tax ids are fake (they fail the check digit) but must still be extracted.
    buyerTaxId: '9150010807MGZHI002', sellerTaxId: '91500106MA2CE71F65', taxRate: '0.06', amount: 30000, tax: 1800, total: 31800,
  },
  'beijing-e-putong-test-env.ofd': {
    code: '011002680026', number: '71500013', issueDate: '2020-02-20', checkCode: '03272875819686271285',
    buyerName: '百望股份有限公司', buyerTaxId: '91110108339805094M', sellerName: 'ukey测试', sellerTaxId: '91110101202001201',
    amount: 970900, tax: 29100, total: 1000000,
  },
  'qingdao-shudian-zhuan.ofd': {
    kind: 'digital_special', number: '25924000000001260164', issueDate: '2025-04-01', buyerName: '威高集团有限公司',
    buyerTaxId: '913710007062495888', sellerName: '青岛嘉仕汇酒店管理有限公司', sellerTaxId: '91370203MA3N3AR685',
    taxRate: '0.06', amount: 35755, tax: 2145, total: 37900,
  },
} as const;

describe('extractFromOfd on the real samples', () => {
  it.each(Object.entries(TRUTH))('%s extracts to the truth', (name, truth) => {
    const r = extractFromOfd(sample(name));
    if (!r.ok) throw new Error(`failed: ${r.error.code}`);
    expect(r.value.extracted.fields).toMatchObject(truth);
    expect(r.value.extracted.conflicts).toEqual([]);
    expect(r.value.extracted.warnings).toEqual([]);
  });

  it('reads original_invoice.xml (flavour a) with its line items and QR text', () => {
    const r = extractFromOfd(sample('test-100-lines.ofd'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.flavour).toBe('original-invoice');
    expect(r.value.extracted.sources.number).toEqual({ source: 'xml', confidence: 0.98 });
    expect(r.value.extracted.fields.lines).toHaveLength(100);
    expect(r.value.extracted.fields.lines?.[0]).toEqual({
      name: '*餐饮服务*餐费', spec: '', unit: '', qty: '', unitPrice: '', amount: 10000, taxRate: '0.06', tax: 600,
    });
    expect(r.value.qrText).toBe('01,10,050001700111,12235358,10000.00,20200805,16630282980991510014,7257');
    expect(r.value.extracted.fields.kind).toBe('e_normal');
  });

  it('returns the Baiwang GraphCode PNG for the image decoder', () => {
    const r = extractFromOfd(sample('beijing-e-putong-test-env.ofd'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.qrText).toBeUndefined();
    expect(r.value.qrImage && isPng(r.value.qrImage)).toBe(true);
  });

  it('reads a 数电 OFD without attachment from CustomData and CustomTag (flavour c) and reports its QR image', () => {
    const r = extractFromOfd(sample('qingdao-shudian-zhuan.ofd'));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.flavour).toBe('custom-data');
    expect(r.value.extracted.sources.number?.source).toBe('ofd');
    // 价税合计 is not in CustomData: it comes from the tag's ObjectRef into the page text.
    expect(r.value.extracted.sources.total).toEqual({ source: 'ofd', confidence: 0.9 });
    expect(r.value.qrImages).toHaveLength(1);
    expect(r.value.qrImages[0] && isPng(r.value.qrImages[0])).toBe(true);
  });

  it('joins "¥" and the figure when an amount tag points at two text objects', () => {
    const files = unzipSync(sample('zhejiang-e-putong.ofd'));
    delete files['Doc_0/Attachs/original_invoice.xml'];
    delete files['Doc_0/Attachs/Attachments.xml'];
    const r = extractFromOfd(zipSync(files));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.flavour).toBe('custom-data');
    expect(r.value.extracted.fields).toMatchObject({ total: 52600, buyerName: '江苏京利华新材料有限公司' });
    expect(r.value.extracted.sources.total?.source).toBe('ofd');
  });
});

describe('extractFromOfd from page text alone (flavour d)', () => {
  /** The sample with its attachment, tags and CustomData removed, so only the printed page is left. */
  const pageOnly = (name: string) => {
    const kept: Record<string, Uint8Array> = {};
    for (const [path, data] of Object.entries(unzipSync(sample(name)))) {
      if (/attachs|tags/i.test(path)) continue;
      kept[path] = path === 'OFD.xml' ? strToU8(strFromU8(data).replace(/<ofd:CustomDatas>[\s\S]*<\/ofd:CustomDatas>/, '')) : data;
    }
    return zipSync(kept);
  };

  it.each(['zhejiang-e-putong.ofd', 'qingdao-shudian-zhuan.ofd', 'chongqing-test-3-lines.ofd'] as const)(
    '%s still yields its key fields, with low confidence and a warning', (name) => {
      const r = extractFromOfd(pageOnly(name));
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.flavour).toBe('page-text');
      expect(r.value.extracted.fields).toMatchObject(TRUTH[name]);
      expect(r.value.extracted.sources.number).toEqual({ source: 'ofd', confidence: 0.6 });
      expect(r.value.extracted.warnings).toContainEqual({ code: 'ofdPageTextOnly' });
    },
  );
});

describe('extractFromOfd errors', () => {
  it('says ofdNotZip for other bytes and for a ZIP without OFD.xml', () => {
    expect(extractFromOfd(strToU8('not a zip'))).toEqual({ ok: false, error: { code: 'ofdNotZip' } });
    expect(extractFromOfd(zipSync({ 'a.txt': strToU8('x') }))).toEqual({ ok: false, error: { code: 'ofdNotZip' } });
  });

  it('says ofdTooLarge when the archive declares too much', () => {
    const r = extractFromOfd(sample('zhejiang-e-putong.ofd'), { maxEntries: 5, maxEntryBytes: 1e6, maxTotalBytes: 1e7 });
    expect(r).toEqual({ ok: false, error: { code: 'ofdTooLarge', params: { limit: '5 entries' } } });
  });

  it('says ofdMalformedXml for a broken OFD.xml and names damaged secondary parts', () => {
    const files = unzipSync(sample('zhejiang-e-putong.ofd'));
    expect(extractFromOfd(zipSync({ ...files, 'OFD.xml': strToU8('<ofd:OFD><ofd:DocBody>') }))).toEqual({
      ok: false, error: { code: 'ofdMalformedXml', params: { part: 'OFD.xml' } },
    });
    const truncated = files['Doc_0/Attachs/original_invoice.xml']?.subarray(0, 500) ?? new Uint8Array(0);
    const r = extractFromOfd(zipSync({ ...files, 'Doc_0/Attachs/original_invoice.xml': truncated }));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.flavour).toBe('custom-data');
    expect(r.value.extracted.fields.number).toBe('83089647');
    expect(r.value.extracted.warnings).toContainEqual({ code: 'ofdMalformedXml', params: { part: 'Doc_0/Attachs/original_invoice.xml' } });
  });

  it('says ofdNoInvoiceData for an OFD that is not an invoice', () => {
    const ofd = '<?xml version="1.0"?><ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>';
    expect(extractFromOfd(zipSync({ 'OFD.xml': strToU8(ofd) }))).toEqual({ ok: false, error: { code: 'ofdNoInvoiceData' } });
  });
});
