import { describe, expect, it } from 'vitest';
import {
  addDecimal, compareAbs, compareDecimal, decimalToFen, formatDecimal, mulDecimal, parseDecimal, roundDecimal, subDecimal,
  type Decimal,
} from './decimal';

function d(text: string): Decimal {
  const v = parseDecimal(text);
  if (!v) throw new Error(`bad decimal ${text}`);
  return v;
}

describe('decimal', () => {
  it('parses plain decimals and rejects the rest', () => {
    expect(d('-12.50')).toEqual({ units: -1250n, scale: 2 });
    expect(d('.5')).toEqual({ units: 5n, scale: 1 });
    for (const bad of ['', '.', '1e3', '1,000', '12a', '--1']) expect(parseDecimal(bad), bad).toBeNull();
  });

  it('multiplies many-decimal quantities exactly', () => {
    // 1 × 4197.16981132075 from a real 数电 line; floats would give 4197.169811320750…
    expect(formatDecimal(mulDecimal(d('1'), d('4197.16981132075')))).toBe('4197.16981132075');
    expect(formatDecimal(mulDecimal(d('0.1'), d('0.2')))).toBe('0.02');
  });

  it('rounds half away from zero', () => {
    expect(formatDecimal(roundDecimal(d('2.345'), 2))).toBe('2.35');
    expect(formatDecimal(roundDecimal(d('-2.345'), 2))).toBe('-2.35');
    expect(formatDecimal(roundDecimal(d('2.3449'), 2))).toBe('2.34');
    expect(decimalToFen(d('6.0606'))).toBe(606);
  });

  it('adds, subtracts and compares across scales', () => {
    expect(formatDecimal(addDecimal(d('1.5'), d('0.25')))).toBe('1.75');
    expect(formatDecimal(subDecimal(d('1'), d('1.01')))).toBe('-0.01');
    expect(compareAbs(d('-0.011'), d('0.01'))).toBe(1);
    expect(compareAbs(d('0.0100'), d('0.01'))).toBe(0);
    expect(compareDecimal(d('0.13'), d('0.130'))).toBe(0);
    expect(compareDecimal(d('0.09'), d('0.1'))).toBe(-1);
  });

  it('formats the shortest exact text', () => {
    expect(formatDecimal(d('0.060000'))).toBe('0.06');
    expect(formatDecimal(d('13.00'))).toBe('13');
    expect(formatDecimal(d('-0.000'))).toBe('0');
    expect(formatDecimal(d('0.015'))).toBe('0.015');
  });
});
