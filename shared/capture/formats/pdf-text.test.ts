import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractFromPdfInfo, extractFromPdfText } from './pdf-text';
import type { TextItem } from '../text/text-items';

// Real pdf.js 4 output (getTextContent, y flipped to top-down) for the sample pdf/sichuan-shudian-zhuan-rendered.pdf:
// one glyph per item, with " " items between the glyphs.
const sichuanItems = JSON.parse(readFileSync(new URL('../fixtures/sichuan-pdf-items.json', import.meta.url), 'utf8')) as TextItem[];

/** Truth as printed on the sample (also in bench/fixtures/samples-truth.json). */
const SICHUAN = {
  kind: 'digital_special', number: '23512000000005197325', issueDate: '2023-01-30',
  buyerName: '中国移动通信集团四川有限公司成都分公司', buyerTaxId: '91510000765055994P',
  sellerName: '郫都区星讯通讯设备经营部', sellerTaxId: '92510124MA6B1BBY1G', taxRate: '0.01',
  amount: 212934, tax: 2129, total: 215063,
};

describe('extractFromPdfText on the Sichuan 数电 PDF', () => {
  it('reads every key field from one-glyph-per-item text', () => {
    const r = extractFromPdfText(sichuanItems);
    expect(r.fields).toEqual(SICHUAN);
    expect(r.sources.number).toEqual({ source: 'pdf-text', confidence: 0.8 });
    expect(r.warnings).toEqual([]);
  });

  it('does not depend on the order pdf.js returns the items in', () => {
    const shuffled = [...sichuanItems].reverse();
    expect(extractFromPdfText(shuffled).fields).toEqual(SICHUAN);
  });
});

describe('extractFromPdfText with an Info dictionary', () => {
  // Custom keys as a genuine 数电 PDF carries them (docs/invoice-rules.md#electronic-invoice-files); the values are fictional.
  const info = {
    Creator: 'gp-template',
    Custom: {
      InvoiceNumber: '25447000001115703415', IssueTime: '2025年09月23日', TotalAmWithoutTax: '47.17', TotalTaxAm: '2.83',
      'TotalTax-includedAmount': '50.00', BuyerIdNum: '91440300000000006E', SellerIdNum: '91440300000000007F',
    },
  };

  it('reads the invoice keys with high confidence', () => {
    const r = extractFromPdfInfo(info);
    expect(r.fields).toEqual({
      number: '25447000001115703415', issueDate: '2025-09-23', amount: 4717, tax: 283, total: 5000,
      buyerTaxId: '91440300000000006E', sellerTaxId: '91440300000000007F',
    });
    expect(r.sources.total).toEqual({ source: 'pdf-text', confidence: 0.95 });
  });

  it('prefers the Info values and keeps disagreeing face values as conflicts', () => {
    const r = extractFromPdfText(sichuanItems, { InvoiceNumber: '23512000000005197399' });
    expect(r.fields.number).toBe('23512000000005197399');
    expect(r.sources.number?.confidence).toBe(0.95);
    expect(r.conflicts).toEqual([{
      field: 'number',
      values: [{ source: 'pdf-text', value: '23512000000005197399' }, { source: 'pdf-text', value: '23512000000005197325' }],
    }]);
  });
});

/** Items of an old-style e-invoice face: one item per string, labels with spaces and full-width colons. */
function oldEInvoiceItems(): TextItem[] {
  const items: TextItem[] = [];
  const width = (str: string, size: number) => Array.from(str).reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? size : size * 0.5), 0);
  const put = (str: string, x: number, y: number, size = 9) => items.push({ str, x, y, width: width(str, size), height: size, page: 1 });
  put('贵州增值税电子专用发票', 200, 40, 16);
  put('发票代码：', 420, 30); put('052002100113', 470, 30);
  put('发票号码：', 420, 45); put('00008006', 470, 45);
  // Values drawn 2 pt below the label's baseline, as some generators do.
  put('开票日期：', 420, 60); put('2022 年 05 月 05 日', 470, 62);
  put('校 验 码：', 420, 75); put('18001 80151 30308 62041', 470, 75);
  put('机器编号：', 20, 75); put('661616313245', 70, 75);
  put('购', 10, 100); put('名      称：', 30, 100); put('贵阳示例科技有限公司', 90, 100);
  put('买', 10, 114); put('纳税人识别号：', 30, 114); put('91520100000000008G', 100, 114);
  put('方', 10, 128); put('地 址、电 话：', 30, 128);
  put('密码区', 300, 110);
  put('项目名称', 40, 160); put('规格型号', 120, 160); put('单 位', 180, 160); put('数 量', 220, 160);
  put('单 价', 260, 160); put('⾦ 额', 320, 160); put('税率', 380, 160); put('税 额', 430, 160);
  put('*信息技术服务*软件维护', 20, 175); put('1', 225, 175); put('24519.05', 255, 175); put('24519.05', 315, 175);
  put('13%', 382, 175); put('3187.48', 428, 175);
  put('合      计', 40, 260); put('¥24519.05', 315, 260); put('¥3187.48', 425, 260);
  put('价税合计（大写）', 40, 280); put('贰万柒仟柒佰零陆圆伍角叁分', 130, 280); put('（小写）', 330, 280); put('¥27706.53', 370, 280);
  put('销', 10, 300); put('名      称：', 30, 300); put('贵州示例软件有限公司', 90, 300);
  put('售', 10, 314); put('纳税人识别号：', 30, 314); put('91520100000000009H', 100, 314);
  put('备', 300, 305); put('注', 300, 319);
  put('收 款 人：', 20, 340); put('复 核：', 150, 340); put('开 票 人：', 280, 340); put('⻓ 风', 320, 340);
  return items;
}

describe('extractFromPdfText on an old e-invoice face', () => {
  it('reads labels with internal spaces, values beside or just off the label, and 合计 amounts', () => {
    expect(extractFromPdfText(oldEInvoiceItems()).fields).toEqual({
      kind: 'e_special', code: '052002100113', number: '00008006', issueDate: '2022-05-05', checkCode: '18001801513030862041',
      buyerName: '贵阳示例科技有限公司', buyerTaxId: '91520100000000008G', sellerName: '贵州示例软件有限公司',
      sellerTaxId: '91520100000000009H', amount: 2451905, tax: 318748, total: 2770653, taxRate: '0.13',
    });
  });

  it('leaves a field out rather than guessing when its value is missing', () => {
    const items = oldEInvoiceItems().filter((i) => i.str !== '00008006' && i.str !== '91520100000000009H');
    const r = extractFromPdfText(items);
    expect(r.fields.number).toBeUndefined();
    expect(r.fields.sellerTaxId).toBeUndefined();
    expect(r.fields.buyerTaxId).toBe('91520100000000008G');
  });
});

describe('extractFromPdfText without text', () => {
  it('says the PDF has no text (a scan) and returns nothing', () => {
    expect(extractFromPdfText([{ str: ' ', x: 0, y: 0, width: 5, height: 0, page: 1 }])).toEqual({
      fields: {}, sources: {}, warnings: [{ code: 'pdfNoText' }], conflicts: [],
    });
  });
});
