import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIssueDate } from '../../domain/date';
import { parseMoney } from '../../domain/money';
import { cellText, hasTotalLabel, isBlankRow, isEmptyValue, readDate, readIdentifier, readInvoiceIdentifier, readMoney } from './cell-values';
import { guardText, unguardText } from './formula-guard';
import { classifyFormat, classifyFormatId, formatNumberCell, serialToIsoDate } from './number-format';

describe('readMoney', () => {
  it.each([
    ['1,234.56', 123456], ['￥1,234.56', 123456], ['¥12', 1200], [' 1,234.50\t', 123450], ['-12.00', -1200],
    ['(12.00)', -1200], ['１２３．４５', 12345], ['0', 0], ['+8,000.00', 800000], ['12.300', 1230],
  ])('reads %j as %i fen', (text, expected) => {
    expect(readMoney(text)).toEqual({ kind: 'ok', value: expected });
  });

  it('reads number cells as whole fen, through float noise', () => {
    expect(readMoney(1234.56)).toEqual({ kind: 'ok', value: 123456 });
    expect(readMoney(0.1 + 0.2)).toEqual({ kind: 'ok', value: 30 });
    expect(readMoney(-8000)).toEqual({ kind: 'ok', value: -800000 });
  });

  it('treats empty cells and placeholders as empty', () => {
    for (const c of [null, undefined, '', '  ', '-', '--', '—', ' -\t']) expect(readMoney(c)).toEqual({ kind: 'empty' });
  });

  it('refuses text that is no amount and a third decimal', () => {
    expect(readMoney('abc')).toEqual({ kind: 'bad', text: 'abc' });
    expect(readMoney('12.345')).toEqual({ kind: 'bad', text: '12.345' });
    expect(readMoney(12.345)).toEqual({ kind: 'bad', text: '12.345' });
    expect(readMoney('12,50')).toEqual({ kind: 'bad', text: '12,50' });
  });
});

describe('fast paths agree with the domain parsers', () => {
  it('plain money text reads as parseMoney reads it', () => {
    const text = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 15n }), fc.constantFrom('', '.', '.5', '.05', '.50', '.99'))
      .map(([neg, int, frac]) => `${neg ? '-' : ''}${int}${frac}`);
    fc.assert(fc.property(text, (t) => {
      const slow = parseMoney(t);
      expect(readMoney(t)).toEqual(slow.ok ? { kind: 'ok', value: slow.value } : { kind: 'bad', text: t });
    }));
  });

  it('ISO date text reads as parseIssueDate reads it', () => {
    const text = fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), fc.constantFrom('', ' 10:11:12', 'T08:00'))
      .map(([y, m, d, time]) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}${time}`);
    fc.assert(fc.property(text, (t) => {
      const slow = parseIssueDate(t);
      expect(readDate(t)).toEqual(slow.ok ? { kind: 'ok', value: slow.value } : { kind: 'bad', text: t });
    }));
  });
});

describe('readDate', () => {
  it.each([
    ['2024-05-08', '2024-05-08'], ['2024/5/8', '2024-05-08'], ['2024年5月8日', '2024-05-08'], ['20240508', '2024-05-08'],
    ['2024-05-08 10:11:12', '2024-05-08'], ['2024.05.08', '2024-05-08'], [' 2024-01-05\t', '2024-01-05'],
    ['2024-05-08 10:11:12.000', '2024-05-08'], ['２０２４年５月８日', '2024-05-08'],
  ])('reads %j', (text, expected) => {
    expect(readDate(text)).toEqual({ kind: 'ok', value: expected });
  });

  it('reads Excel serials (1900 and 1904 systems) and 20240508 stored as a number', () => {
    expect(readDate(45420)).toEqual({ kind: 'ok', value: '2024-05-08' });
    expect(readDate(45420.4236)).toEqual({ kind: 'ok', value: '2024-05-08' });
    expect(readDate(45420 - 1462, true)).toEqual({ kind: 'ok', value: '2024-05-08' });
    expect(readDate(20240508)).toEqual({ kind: 'ok', value: '2024-05-08' });
  });

  it('refuses impossible dates and text that is no date', () => {
    expect(readDate('2023-02-29')).toEqual({ kind: 'bad', text: '2023-02-29' });
    expect(readDate('下周一')).toEqual({ kind: 'bad', text: '下周一' });
    expect(readDate(-5)).toEqual({ kind: 'bad', text: '-5' });
    expect(readDate('--')).toEqual({ kind: 'empty' });
  });
});

describe('readIdentifier', () => {
  it('keeps text exactly: leading zeros, 20 digits, letters upper-cased, spaces out', () => {
    expect(readIdentifier('00012345')).toEqual({ kind: 'ok', value: '00012345' });
    expect(readIdentifier('25924000000001260164')).toEqual({ kind: 'ok', value: '25924000000001260164' });
    expect(readIdentifier(' 91310000ma1fl0xx1x ')).toEqual({ kind: 'ok', value: '91310000MA1FL0XX1X' });
    expect(readIdentifier('="00012345"')).toEqual({ kind: 'ok', value: '00012345' });
    expect(readIdentifier("'00012345")).toEqual({ kind: 'ok', value: '00012345' });
  });

  it('accepts a number cell Excel holds exactly and flags one that already lost digits', () => {
    expect(readIdentifier(12345678)).toEqual({ kind: 'ok', value: '12345678' });
    expect(readIdentifier(3100231130)).toEqual({ kind: 'ok', value: '3100231130' });
    expect(readIdentifier(Number('25924000000001260164'))).toEqual({ kind: 'bad', text: '25924000000001260000' });
    expect(readIdentifier(1.5)).toEqual({ kind: 'bad', text: '1.5' });
  });
});

describe('readInvoiceIdentifier', () => {
  it('gives number cells back the leading zeros Excel dropped (8-digit numbers, 10/12-digit codes), never text cells', () => {
    expect(readInvoiceIdentifier(12345, 'number')).toEqual({ kind: 'ok', value: '00012345' });
    expect(readInvoiceIdentifier(31002300111, 'code')).toEqual({ kind: 'ok', value: '031002300111' });
    expect(readInvoiceIdentifier(310023113, 'code')).toEqual({ kind: 'ok', value: '0310023113' });
    expect(readInvoiceIdentifier(3100231130, 'code')).toEqual({ kind: 'ok', value: '3100231130' });
    expect(readInvoiceIdentifier('12345', 'number')).toEqual({ kind: 'ok', value: '12345' });
    expect(readInvoiceIdentifier(Number('24312000000012345678'), 'number').kind).toBe('bad');
  });
});

describe('cell helpers', () => {
  it('cellText strips padding and the formula guard, and prints integers without exponent', () => {
    expect(cellText(' 消费\t')).toBe('消费');
    expect(cellText("'=SUM(A1)")).toBe('=SUM(A1)');
    expect(cellText("'abc")).toBe("'abc");
    expect(cellText(123456789012)).toBe('123456789012');
  });

  it('recognises placeholders, blank rows and total labels', () => {
    expect(isEmptyValue('--')).toBe(true);
    expect(isEmptyValue('0')).toBe(false);
    expect(isBlankRow([null, ' ', '\t'])).toBe(true);
    expect(isBlankRow([null, 'x'])).toBe(false);
    for (const label of ['合计', '总计', '人民币合计', '本页小计', '小计', '累计', '合计：', ' 合 计 ']) {
      expect(hasTotalLabel([label, null, '1,234.00'])).toBe(true);
    }
    expect(hasTotalLabel(['# 合计: 支出 1130.00 收入 500.00'])).toBe(true);
    expect(hasTotalLabel(['合计科技有限公司', 1])).toBe(false);
    expect(hasTotalLabel(['总计划部', 1])).toBe(false);
    expect(hasTotalLabel(['办公用品', 1])).toBe(false);
  });
});

describe('number formats', () => {
  it('classifies date, time, padded and plain formats', () => {
    expect(classifyFormat('yyyy-mm-dd').kind).toBe('date');
    expect(classifyFormat('yyyy"年"m"月"d"日"').kind).toBe('date');
    expect(classifyFormat('[$-804]yyyy年m月d日;@').kind).toBe('date');
    expect(classifyFormat('m/d/yy h:mm').kind).toBe('date');
    expect(classifyFormat('h:mm:ss').kind).toBe('time');
    expect(classifyFormat('[h]:mm').kind).toBe('time');
    expect(classifyFormat('00000000')).toEqual({ kind: 'padded', width: 8 });
    expect(classifyFormat('#,##0.00_);[Red](#,##0.00)').kind).toBe('plain');
    expect(classifyFormat('General').kind).toBe('plain');
    expect(classifyFormat('0.00E+00').kind).toBe('plain');
    expect(classifyFormat('@').kind).toBe('plain');
    expect(classifyFormatId(14, undefined).kind).toBe('date');
    expect(classifyFormatId(31, undefined).kind).toBe('date');
    expect(classifyFormatId(4, undefined).kind).toBe('plain');
  });

  it('formats number cells by kind', () => {
    expect(formatNumberCell(45420, { kind: 'date', width: 0 }, false)).toBe('2024-05-08');
    expect(formatNumberCell(0.5, { kind: 'time', width: 0 }, false)).toBe('12:00:00');
    expect(formatNumberCell(12345, { kind: 'padded', width: 8 }, false)).toBe('00012345');
    expect(formatNumberCell(1.5, { kind: 'plain', width: 0 }, false)).toBe(1.5);
    expect(serialToIsoDate(45420.99999999)).toBe('2024-05-08');
    expect(serialToIsoDate(12)).toBeNull();
  });
});

describe('formula guard', () => {
  it('neutralises text that could start a formula and undoes exactly that', () => {
    for (const t of ['=1+1', '+86 21', '-x', '@SUM(A1)', '\tpadded', '\rcr', "'=x", "''-y", '＝1+1', '＋86', '－1', '＠SUM(A1)', "'＝x"]) {
      expect(guardText(t)).toBe(`'${t}`);
      expect(unguardText(guardText(t))).toBe(t);
    }
    for (const t of ['plain', "'quoted", '', '1-2', "'", "'a=b", '（＝）']) {
      expect(guardText(t)).toBe(t);
      expect(unguardText(guardText(t))).toBe(t);
    }
  });
});
