import { describe, expect, it } from 'vitest';
import { extractFromCells } from './cell-fields';

// Cell texts as tesseract read them from the two sample images (garbled labels kept).
const ZHUANPIAO = {
  header: '1100094140        or Ra       No 87654321  trocosaa\n\n外   87654321    Q\n\nWaa   机器编号 000000000001    Ram. 2010411 R188\n',
  cells: [
    '名                fe :测试购方企业\n\n摧税人识别号; 410305123456789\naL © 话:北京市海演区知春路60号 81234567\n开户行及由号:建行-0000123456789\n',
    '1* 6<+814+5744+9*2+/>0-39063/*\n-* 0/968* 624582>91*3/ *1<6* 42\n',
    '货物或应税劳务名称\n计算机\n',
    '金 ”人额\n5999.00\n兰5999.00\n',
    '税 人额\n1019.83\n¥1019.83\n',
    '价税合计 (KS)\n',
    '® 类什雪坦拾揭圆抽角郑分                             (+S )¥ 7018.83\n',
    '名           称: 测试销方企业\n\nORAM: — 410305012345678\n\nre OL, © 话; sj 68744498\n开尸行及帐号: 工行123455668-234222256111\n',
    '备注信息\n',
  ],
};

describe('extractFromCells', () => {
  it('reads parties by their place in the frame and totals from the item columns', () => {
    const e = extractFromCells(ZHUANPIAO);
    expect(e.fields).toMatchObject({
      buyerName: '测试购方企业', buyerTaxId: '410305123456789', sellerName: '测试销方企业', sellerTaxId: '410305012345678',
      amount: 599900, tax: 101983, total: 701883, code: '1100094140', number: '87654321',
    });
    expect(e.sources.amount?.source).toBe('ocr');
    // The garbled date is not guessed.
    expect(e.fields.issueDate).toBeUndefined();
  });

  it('reads a buyer with no tax id (个人) and the seller block with its labels', () => {
    const e = extractFromCells({
      header: null,
      cells: ['名        称:个人\n纳税人识别号:\n地 Sk, BiB:\n开户行及账号:\n', '金 额\n46.62\n¥46.62\n', '税 额\n6.08\n¥6.08\n',
        '名       称: 天津瑞佳讯贸易有限公司\n\n纳税人识别号: 91120222079642398Y\n\n地 址、电 话: 天津市武清区 57807000\n开户行及账号: 中国建设银行 12001720800052531259\n'],
    });
    expect(e.fields).toMatchObject({ buyerName: '个人', sellerName: '天津瑞佳讯贸易有限公司', sellerTaxId: '91120222079642398Y', amount: 4662, tax: 608 });
    expect(e.fields.buyerTaxId).toBeUndefined();
  });

  it('reads nothing from cells that are not an invoice frame', () => {
    expect(extractFromCells({ header: '会议纪要', cells: ['第一项 讨论预算', '第二项 12.50 元'] }).fields).toEqual({});
  });
});
