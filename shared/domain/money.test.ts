import { describe, expect, it } from 'vitest';
import { fen, fenToDecimal, formatFen, MAX_ABS_FEN, parseMoney, sumFen, type Fen } from './money';

function fenOf(text: string): number {
  const r = parseMoney(text);
  if (!r.ok) throw new Error(`expected ${text} to parse, got ${r.error.kind}`);
  return r.value;
}

function errorOf(text: string): string {
  const r = parseMoney(text);
  return r.ok ? `ok:${String(r.value)}` : r.error.kind;
}

describe('parseMoney', () => {
  it.each([
    ['1234.5', 123450],
    ['1,234.56', 123456],
    ['￥1234.56', 123456],
    ['¥ 1234', 123400],
    ['１２３４．５６', 123456],
    ['-12.00', -1200],
    ['(12.00)', -1200],
    ['（12.00）', -1200],
    ['-¥12.3', -1230],
    ['¥-12.3', -1230],
    ['4197.17', 419717],
    ['0.1', 10],
    ['.5', 50],
    ['1234.', 123400],
    ['12.300', 1230],
    ['1,234,567.89元', 123456789],
    ['0', 0],
    ['-0.00', 0],
  ])('reads %s as %i fen', (text, expected) => {
    expect(fenOf(text)).toBe(expected);
  });

  it('never goes through floats (0.29 and 1.15 stay exact)', () => {
    expect(fenOf('0.29')).toBe(29);
    expect(fenOf('1.15')).toBe(115);
    expect(fenOf('9007199254.74')).toBe(900719925474);
  });

  it('refuses a third non-zero decimal', () => {
    expect(errorOf('12.345')).toBe('decimals');
    expect(errorOf('0.001')).toBe('decimals');
  });

  it('refuses empty text', () => {
    expect(errorOf('')).toBe('empty');
    expect(errorOf('  \u3000')).toBe('empty');
  });

  it('refuses garbage and misplaced separators', () => {
    for (const text of ['abc', '12a', '1.2.3', '12,34', '1,2345.00', '-', '¥', '1e5', '--12', '12-', '(-12)', '¥¥12']) {
      expect(errorOf(text), text).toBe('format');
    }
  });

  it('refuses absurd sizes above 1e12 yuan', () => {
    expect(errorOf('1000000000000.01')).toBe('range');
    expect(errorOf('99999999999999999999')).toBe('range');
    expect(fenOf('1000000000000')).toBe(MAX_ABS_FEN);
  });
});

describe('formatFen and fenToDecimal', () => {
  it('formats with thousands separators and two decimals', () => {
    expect(formatFen(fen(123456))).toBe('1,234.56');
    expect(formatFen(fen(-123456))).toBe('-1,234.56');
    expect(formatFen(fen(5))).toBe('0.05');
    expect(formatFen(fen(0))).toBe('0.00');
    expect(formatFen(fen(123456789012))).toBe('1,234,567,890.12');
    expect(formatFen(fen(100000))).toBe('1,000.00');
  });

  it('writes plain decimals without separators', () => {
    expect(fenToDecimal(fen(123456))).toBe('1234.56');
    expect(fenToDecimal(fen(-5))).toBe('-0.05');
    expect(fenToDecimal(fen(700))).toBe('7.00');
  });

  it('round-trips through parseMoney', () => {
    for (const n of [0, 1, 99, 100, 123456, -98765, 419717, MAX_ABS_FEN]) {
      expect(fenOf(fenToDecimal(fen(n)))).toBe(n);
      expect(fenOf(formatFen(fen(n)))).toBe(n);
    }
  });
});

describe('fen and sumFen', () => {
  it('refuses non-integers and normalises -0', () => {
    expect(() => fen(1.5)).toThrow(RangeError);
    expect(Object.is(fen(-0), 0)).toBe(true);
  });

  it('sums exactly', () => {
    expect(sumFen([fen(10), fen(20), fen(-5)] as Fen[])).toBe(25);
  });
});
