import { describe, expect, it } from 'vitest';
import { fixLegalForm } from './field-values';
import { extractByShape } from './label-free';
import { extractFromText } from './plain-text';

// Real tesseract output (chi_sim+eng) for the sample photo images/tianjin-e-putong.png (docs/invoice-rules.md#sample-invoices): values fine, labels garbled.
const TIANJIN_OCR = `012001800311

XR REHTTRELE   sae

2019 05 es

76939 05688 34666 77916

(详见销货清单)

*7//048893934-/649-<580>53+

46.62 13%

|            |          |                   |                                   ¥46 .62|

® 伍拾式园厂角                                                              ¥52.70
天津瑞佳讯贸易有限公司                                     [订单写:94859303935
91120222079642398Y
天津市武清区京津电子商务产业园宏达道北侧2号 57807000
中国建设银行股份有限公司天津武清区支行 12001720800052531259`;

describe('extractByShape', () => {
  it('reads seller, amounts and check code from OCR text whose labels are garbled', () => {
    const e = extractByShape(TIANJIN_OCR);
    expect(e.fields).toMatchObject({
      sellerName: '天津瑞佳讯贸易有限公司', sellerTaxId: '91120222079642398Y', total: 5270, amount: 4662, checkCode: '76939056883466677916',
    });
    expect(e.fields.buyerTaxId).toBeUndefined();
    expect(e.fields.tax).toBeUndefined(); // 6.08 is not printed with ¥ in this text: never derived
    expect(e.sources.sellerTaxId?.confidence).toBeLessThan(0.5);
  });

  it('ignores tax-id-shaped runs with a wrong check character', () => {
    expect(extractByShape('某某有限公司\n91120222079642398X').fields.sellerTaxId).toBeUndefined();
  });

  it('takes the upper party as buyer and the lower as seller', () => {
    const e = extractByShape('名称 江苏京利华新材料有限公司\n91320115MA202UKD7X\n…\n兰溪市悦济舫餐厅\n92330781MA2EDMFU50');
    expect(e.fields).toMatchObject({ buyerTaxId: '91320115MA202UKD7X', buyerName: '江苏京利华新材料有限公司', sellerTaxId: '92330781MA2EDMFU50' });
  });
});

describe('extractFromText', () => {
  it('fills the gaps of the label rules with shape-read values', () => {
    const e = extractFromText(TIANJIN_OCR);
    expect(e.fields.sellerTaxId).toBe('91120222079642398Y');
    expect(e.fields.total).toBe(5270);
  });
});

describe('names from OCR', () => {
  it('does not take the line-item table header for a party name', () => {
    expect(extractFromText('名称：规格型号单位数量单价金额税率额\n').fields.buyerName).toBeUndefined();
  });

  it('does not take Latin noise for a party name in OCR text (the cell pass reads it again), but keeps mixed names', () => {
    const text = [
      '购 | 名称: 天津正邦信息技术有限公司              . 名称: BAECS ARE',
      '方| 统一社会信用代码/摧税人识别号: 91110102186254200M    Fy | 统一社会信用代码/纳税人识列号; 91510107868096078D',
    ].join('\n');
    const e = extractFromText(text, 'ocr');
    expect(e.fields).toMatchObject({ buyerName: '天津正邦信息技术有限公司', buyerTaxId: '91110102186254200M', sellerTaxId: '91510107868096078D' });
    // Nor does the reading by shape hand the seller the buyer's name printed on the same line.
    expect(e.fields.sellerName).toBeUndefined();
    expect(extractFromText(text.replace('BAECS ARE', 'ABC（青岛）商贸有限公司'), 'ocr').fields.sellerName).toBe('ABC（青岛）商贸有限公司');
  });

  it('puts right a misread 有 in 有限公司 and 部 in 经营部 at the end of a name read by OCR', () => {
    const text = [
      '购 | 名称: 天津正邦信息技术在限责任公司              . 名称: 青岛正邦商贸存限公司',
      '方| 统一社会信用代码/纳税人识别号: 91110102186254200M    Fy | 统一社会信用代码/纳税人识别号; 91510107868096078D',
    ].join('\n');
    expect(extractFromText(text, 'ocr').fields).toMatchObject({ buyerName: '天津正邦信息技术有限责任公司', sellerName: '青岛正邦商贸有限公司' });
    expect(fixLegalForm('青岛正邦商贸在限公司')).toBe('青岛正邦商贸有限公司');
    expect(fixLegalForm('青岛正邦商贸经营部')).toBe('青岛正邦商贸经营部');
    expect(fixLegalForm('苏州华信文化传媒经营剖')).toBe('苏州华信文化传媒经营部');
    expect(fixLegalForm('成都瑞丰酒店管理经营间')).toBe('成都瑞丰酒店管理经营部');
    expect(fixLegalForm('成都瑞丰酒店经营店')).toBe('成都瑞丰酒店经营店');
    expect(fixLegalForm('广州永和酒店管理有限南任公司')).toBe('广州永和酒店管理有限责任公司');
  });
});

describe('garbled labels', () => {
  it('reads the invoice number after 票号码 when OCR misread 发', () => {
    expect(extractFromText('增值税电子专用发票\n发票代码: 011002510113 之票号码: 00000001\n').fields.number).toBe('00000001');
  });

  it('reads the invoice number after 发?号码 when OCR misread 票 (a 100-dpi scan), but not after 发动机号码', () => {
    expect(extractFromText('发覃代码: 011002510113\n增值税电子专用发亚       发村号码: 00000001\n').fields.number).toBe('00000001');
    expect(extractFromText('机动车销售统一发票\n发动机号码: 12345678\n').fields.number).toBeUndefined();
  });

  it('reads the invoice number after 发票号? when OCR misread 码 (a speckled scan), but never after 发票代码', () => {
    expect(extractFromText('增值税电子专用发票  发票号但; 00000001\n开标日期: 2025年1月09日\n').fields.number).toBe('00000001');
    expect(extractFromText('增值税电子专用发票\n发票代码: 12345678\n').fields.number).toBeUndefined();
  });

  it('reads the invoice number after 发票?码 when OCR misread 号 (not 代), the value 8 or 20 digits', () => {
    expect(extractFromText('电子发村\n发票导码: 25114000000000000004\n').fields.number).toBe('25114000000000000004');
    expect(extractFromText('发票代码: 011002590011\n').fields.number).toBeUndefined();
  });
});

describe('header number with its label garbled beyond recognition', () => {
  it('reads eight digits after a short garbled label in the header box', () => {
    expect(extractByShape('增值税电子专用发票\n发票代码: 011002510113\n4\n开\neh: 00000001\n又日期过2025年中月09日\n名称: 杭州同心文化传媒股份有限公司\n').fields.number).toBe('00000001');
    expect(extractByShape('发票代码: 011002590011\n发标号但: 00000002\n开票日期: 2025年03月20日\n').fields.number).toBe('00000002');
  });

  it('reads o as 0 in it, as long as most of the eight are digits', () => {
    expect(extractByShape('发票代码: 011002590011\n增值税电子普通发票 入村中: ooo00002\n').fields.number).toBe('00000002');
    expect(extractByShape('发票代码: 011002590011\nab: oooooo12\n').fields.number).toBeUndefined();
  });

  it('reads a 数电 number (20 digits, 2x and a region code) after a garbled label when the page has no 发票代码', () => {
    expect(extractByShape('KSSH: 25114000000000000005\n电子发票 (普通发票 ) eam: 2025年03月16日\n购 和名称: 成都博文文化传媒有限公司\n').fields.number).toBe('25114000000000000005');
    expect(extractByShape('电子发时\n“2 > 25114000000000000005\naM 3a\n购| 名称: 成都博文文化传媒有限公司\n').fields.number).toBe('25114000000000000005');
    // A 20-digit check code on an invoice that has a code is not a number, nor are 20 digits without a year and region.
    expect(extractByShape('发票代码: 011002590011\nResid: 21077550728389845482\n').fields.number).toBeUndefined();
    expect(extractByShape('XYZ: 25004000000000000005\n').fields.number).toBeUndefined();
    // Its first 18 digits pass the USCC check (251170000000000000), yet they are no tax id and end no header.
    const e = extractByShape('KE EH: 25117000000000000008\n电子发票 (普通发票 ) eam: 20250138\n购 | 名称: 天津同心贸易有限责任公司\n');
    expect(e.fields.number).toBe('25117000000000000008');
    expect(e.fields.buyerTaxId).toBeUndefined();
  });

  it('takes nothing from below the header, nor a 20-digit check code, nor two different candidates', () => {
    expect(extractByShape('增值税电子普通发票\n名称: 天津正邦信息技术有限公司\n账号: 12345678\n').fields.number).toBeUndefined();
    expect(extractByShape('发票代码: 011002590011\nResid: 21077550728389845482\n').fields.number).toBeUndefined();
    expect(extractByShape('发票代码: 011002590011\nab: 00000002\ncd: 00000003\n').fields.number).toBeUndefined();
  });
});

describe('paper invoice header without labels', () => {
  it('reads the number after № and a code by its structure, not the 机器编号', () => {
    const e = extractByShape('1100094140        or Ra       No 87654321  trocosaa\n机器编号 000000000001\n');
    expect(e.fields).toMatchObject({ number: '87654321', code: '1100094140' });
  });

  it('leaves the code out when two different code-shaped numbers are printed', () => {
    expect(extractByShape('1100094140\n012001800311\n').fields.code).toBeUndefined();
  });
});
