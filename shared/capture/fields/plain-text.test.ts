import { describe, expect, it } from 'vitest';
import { ocrTaxIdValue } from './field-values';
import { extractFromText } from './plain-text';

// What OCR typically makes of the 天津 e-invoice sample (images/tianjin-e-putong.png of the sample invoices, truth in
// bench/fixtures/samples-truth.json): O for 0, l for 1, spaces inside numbers and labels, full-width colons.
const OCR = `
天津增值税电子普通发票
                                   发票代码：O12OO18OO311
                                   发 票 号 码: 3320 7675
机器编号：661616313245             开票日期：2019 年05月08日
                                   校 验 码：76939 05688 34666 77916
购 名 称：个人                         密
买 纳税人识别号：                         码
项目名称        规格型号   单位   数量   单价    金额    税率   税额
*日用杂品*收纳盒   大号     个     2     23.31   46.62   13%    6.08
合     计                                ¥46.62          ¥6.O8
价税合计（大写）  伍拾贰圆柒角              （小写）¥52.70
销 名 称：天津瑞佳讯贸易有限公司
售 纳税人识别号：9112O222O79642398Y
`;

describe('extractFromText (OCR)', () => {
  it('reads fields through OCR noise with low confidence and a warning', () => {
    const r = extractFromText(OCR);
    expect(r.fields).toEqual({
      kind: 'e_normal', code: '012001800311', number: '33207675', issueDate: '2019-05-08', checkCode: '76939056883466677916',
      buyerName: '个人', sellerName: '天津瑞佳讯贸易有限公司', sellerTaxId: '91120222079642398Y',
      amount: 4662, tax: 608, total: 5270, taxRate: '0.13',
    });
    expect(r.sources.total).toEqual({ source: 'ocr', confidence: 0.5 });
    expect(r.warnings).toEqual([{ code: 'textLowConfidence' }]);
  });

  it('reads the side-by-side 数电 blocks in order (buyer left, seller right)', () => {
    const r = extractFromText(`电子发票（普通发票）   发票号码：25447000001115703415
开票日期：2025年09月23日
购买方信息  名称：深圳示例贸易有限公司        销售方信息  名称：广州示例餐饮有限公司
统一社会信用代码/纳税人识别号：914403000000000061   统一社会信用代码/纳税人识别号：914401000000000017
价税合计（大写） 伍拾圆整   （小写）¥50.00`);
    expect(r.fields).toMatchObject({
      kind: 'digital_normal', number: '25447000001115703415', buyerName: '深圳示例贸易有限公司', sellerName: '广州示例餐饮有限公司',
      buyerTaxId: '914403000000000061', sellerTaxId: '914401000000000017', total: 5000,
    });
  });

  it('returns nothing, and no warning, for text that is not an invoice', () => {
    expect(extractFromText('会议纪要\n今天讨论了预算。')).toEqual({ fields: {}, sources: {}, warnings: [], conflicts: [] });
  });
});

describe('tax ids read by OCR', () => {
  it('keeps an 18-character id only when its check character is right (USCC or 身份证号), and reads W for VV', () => {
    expect(ocrTaxIdValue('9111010676154511XVV')).toBe('9111010676154511XW');
    expect(ocrTaxIdValue('9111010676154511xw')).toBe('9111010676154511XW');
    expect(ocrTaxIdValue('11010519491231002X')).toBe('11010519491231002X');
    expect(ocrTaxIdValue('91110106145582719P')).toBeUndefined(); // one digit misread in 91110106145582718P
    expect(ocrTaxIdValue('9111010676154511XV')).toBeUndefined();
    expect(ocrTaxIdValue('410305123456789')).toBe('410305123456789');
  });

  it('leaves a tax id with a wrong check character to the cell pass instead of filling it in', () => {
    const text = '购 | 名称: 北京永和信息技术股份有限公司\n统一社会信用代码/纳税人识别号: 91110106145582719P\n';
    expect(extractFromText(text).fields.buyerTaxId).toBeUndefined();
  });
});
