import { describe, expect, it } from 'vitest';
import { normalizeDigits, normalizeMultilineText, normalizeName, normalizeText } from './normalize';

describe('normalizeText', () => {
  it('folds full-width digits, letters and punctuation to ASCII', () => {
    expect(normalizeText('１２３４．５６')).toBe('1234.56');
    expect(normalizeText('ＡＢＣ（北京）有限公司')).toBe('ABC(北京)有限公司');
    expect(normalizeText('金额：￥１，２３４')).toBe('金额:¥1,234');
  });

  it('collapses whitespace, including ideographic spaces and line breaks, and trims', () => {
    expect(normalizeText('  北京\u3000\u3000某某  有限公司\n ')).toBe('北京 某某 有限公司');
  });

  it('reads 。 as a decimal point only between digits', () => {
    expect(normalizeText('1234。56')).toBe('1234.56');
    expect(normalizeText('已付款。')).toBe('已付款。');
  });

  it('maps Kangxi radicals (NFKC) and the CJK radicals NFKC leaves alone', () => {
    expect(normalizeText('\u2F24\u2F26')).toBe('大子');
    expect(normalizeText('\u2ED3沙\u2EDA码')).toBe('长沙页码');
  });

  it('removes zero-width characters and turns minus look-alikes before numbers into "-"', () => {
    expect(normalizeText('12\u200B34')).toBe('1234');
    expect(normalizeText('\u221212.00')).toBe('-12.00');
  });
});

describe('normalizeDigits', () => {
  it('removes every space (check codes are printed in groups of five)', () => {
    expect(normalizeDigits('16197 83356 74145 07415')).toBe('16197833567414507415');
  });

  it('folds full-width forms and upper-cases letters', () => {
    expect(normalizeDigits('９１１１０１０８６９００１７７８１ｂ')).toBe('91110108690017781B');
    expect(normalizeDigits(' 51019800dk01187 ')).toBe('51019800DK01187');
  });
});

describe('normalizeMultilineText', () => {
  it('keeps line breaks but tidies each line', () => {
    expect(normalizeMultilineText(' 购买方地址：北京 \r\n 电话：１２３ ')).toBe('购买方地址:北京\n电话:123');
  });
});

describe('normalizeName', () => {
  it('keeps full-width brackets around Chinese text, as company names are registered', () => {
    expect(normalizeName('示例餐饮管理（北京）有限公司')).toBe('示例餐饮管理（北京）有限公司');
    expect(normalizeName('示例餐饮管理(北京)有限公司 ')).toBe('示例餐饮管理（北京）有限公司');
    expect(normalizeName('型号（A-1）')).toBe('型号(A-1)');
  });
});
