import { describe, expect, it } from 'vitest';
import { isCertain } from '../extracted';
import type { OcrLine } from '../text/text-engine';
import { extractFromOcrLines } from './ocr-lines';

const TODAY = '2026-12-06';
/** A line at (x, y) with a width from its text (20 px per character) and a height of 20 px. */
const L = (x: number, y: number, text: string, score = 0.99): OcrLine => ({ text, score, box: { x, y, w: 20 * text.length, h: 20 } });

/** A classic paper 普票 as the engine reads it: buyer above the items table, seller below 价税合计. */
const CLASSIC: OcrLine[] = [
  L(100, 20, '034001900104'), L(600, 20, 'No 34146020'), L(900, 40, '34146020'),
  L(700, 60, '开票日期：2020年08月20日'),
  L(40, 100, '名'), L(80, 100, '称：安徽特扭航天科技有限公司'),
  L(40, 130, '纳税人识别号：'), L(200, 132, '91340100MA2UMW7E42'),
  L(40, 200, '货物或应税劳务、服务名称'), L(400, 200, '规格型号'), L(500, 200, '单位'), L(600, 200, '金额'), L(700, 200, '税额'),
  L(40, 300, '合'), L(80, 300, '计'), L(600, 302, '¥2564.60'), L(760, 302, '¥333.40'),
  L(40, 340, '价税合计（大写）'), L(250, 340, '贰仟捌佰玖拾捌圆整'), L(600, 340, '（小写）'), L(700, 342, '¥2898.00'),
  L(40, 380, '名称：合肥华强资讯科技有限公司'),
  L(40, 410, '纳税人识别号：91340100732995648F'),
  L(40, 440, '开户行及账号：交通银行合肥黄山路支行341314000180009905'),
];

describe('extractFromOcrLines (fields by label and position)', () => {
  it('reads a classic invoice: buyer above the table, seller below, numbers confirmed by their second printing', () => {
    const e = extractFromOcrLines(CLASSIC, TODAY);
    expect(e.fields).toMatchObject({
      code: '034001900104', number: '34146020', issueDate: '2020-08-20',
      buyerName: '安徽特扭航天科技有限公司', buyerTaxId: '91340100MA2UMW7E42',
      sellerName: '合肥华强资讯科技有限公司', sellerTaxId: '91340100732995648F',
      amount: 256460, tax: 33340, total: 289800,
    });
    // Printed twice, a right check character, amounts that add up (and the capitals agree): certain.
    for (const f of ['number', 'buyerTaxId', 'sellerTaxId', 'amount', 'tax', 'total'] as const) expect(isCertain(e.sources[f] ?? { confidence: 0 }), f).toBe(true);
    // The title was not read: the code's kind digits (…04) name a 增值税普通发票.
    expect(e.fields.kind).toBe('vat_normal');
    // A name has no second reading: shown for checking.
    expect(isCertain(e.sources.sellerName ?? { confidence: 1 })).toBe(false);
  });

  it('puts buyer and seller side by side on a 数电 layout', () => {
    const e = extractFromOcrLines([
      L(300, 10, '电子发票（普通发票）'), L(800, 20, '发票号码：24112000000012345678'), L(800, 50, '开票日期：2024年05月08日'),
      L(20, 100, '购买方信息'), L(60, 100, '名称：北京某某科技有限公司'), L(620, 100, '销售方信息'), L(660, 100, '名称：天津某某贸易有限公司'),
      L(60, 130, '统一社会信用代码/纳税人识别号：91340100732995648F'), L(660, 130, '统一社会信用代码/纳税人识别号：91120222079642398Y'),
      L(20, 200, '项目名称'), L(300, 200, '单价'), L(500, 200, '金额'), L(700, 200, '税额'),
    ], TODAY);
    expect(e.fields).toMatchObject({ number: '24112000000012345678', issueDate: '2024-05-08', buyerName: '北京某某科技有限公司', sellerName: '天津某某贸易有限公司', buyerTaxId: '91340100732995648F', sellerTaxId: '91120222079642398Y' });
  });

  it('finds amounts that add up when a dot-matrix print shifted them off their cells', () => {
    const e = extractFromOcrLines([
      L(40, 200, '货物或应税劳务名称'), L(400, 200, '数量'), L(600, 200, '单价'),
      L(40, 300, '价税合计（大写）'), L(300, 300, '整仟零捌拾图整'), L(600, 300, '（小万）'),
      L(600, 340, '￥1048.54'), L(760, 340, '¥31.46'), L(700, 370, '¥1080.00'),
    ], TODAY);
    expect(e.fields).toMatchObject({ amount: 104854, tax: 3146, total: 108000 });
  });

  it('takes a tax figure cut short at the edge of a photo when total − amount begins with it', () => {
    const e = extractFromOcrLines([
      L(40, 200, '货物或应税劳务名称'), L(400, 200, '单位'), L(600, 200, '金额'),
      L(40, 300, '合'), L(80, 300, '计'), L(600, 302, '¥2564.60'), L(760, 302, '¥333.4'),
      L(40, 340, '价税合计（大写）'), L(250, 340, '贰仟捌佰玖拾捌圆整'), L(600, 340, '（小写）'), L(700, 342, '¥2898.00'),
    ], TODAY);
    expect(e.fields).toMatchObject({ amount: 256460, tax: 33340, total: 289800 });
    expect(isCertain(e.sources.tax ?? { confidence: 0 })).toBe(true);
  });

  it('leaves a tax id with a wrong check character doubtful, and never takes a date from the future', () => {
    const e = extractFromOcrLines([
      L(700, 60, '开票日期：2045年08月20日'),
      L(40, 100, '名称：安徽特扭航天科技有限公司'), L(40, 130, '纳税人识别号：91340100MA2UMW7E43'),
      L(40, 200, '货物或应税劳务名称'), L(400, 200, '单位'), L(600, 200, '金额'),
    ], TODAY);
    expect(e.fields.issueDate).toBeUndefined();
    expect(isCertain(e.sources.buyerTaxId ?? { confidence: 1 })).toBe(false);
  });

  it('reads a roll invoice whose labels name their party', () => {
    const e = extractFromOcrLines([
      L(60, 400, '发票代码011001700107'), L(60, 460, '发票号码20146227'), L(280, 540, '20146227'),
      L(60, 570, '销售方名称'), L(280, 592, '北京市海淀燕林加油站'), L(60, 666, '纳税人识别号'), L(320, 686, '91340100732995648F'),
      L(60, 762, '购买方名称'), L(310, 780, '北京昆鹏汇通物流有限公司'), L(60, 859, '纳税人识别号'), L(314, 877, '91120222079642398Y'),
      L(50, 905, '项目'), L(300, 905, '单价'), L(440, 905, '数量'), L(650, 905, '金额'),
      L(60, 1720, '合计金额(小写)'), L(290, 1747, 'Y196.00'), L(60, 1769, '合计金额(大写)'), L(290, 1793, '壹佰玖拾陆圆整'),
    ], TODAY);
    expect(e.fields).toMatchObject({ code: '011001700107', number: '20146227', sellerName: '北京市海淀燕林加油站', sellerTaxId: '91340100732995648F', buyerName: '北京昆鹏汇通物流有限公司', buyerTaxId: '91120222079642398Y', total: 19600 });
    expect(isCertain(e.sources.total ?? { confidence: 0 })).toBe(true);
  });
});
