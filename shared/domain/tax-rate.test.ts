import { describe, expect, it } from 'vitest';
import { parseTaxRate, taxRateToPercent, validateTaxRate } from './tax-rate';

function rateOf(text: string): string {
  const r = parseTaxRate(text);
  return r.ok ? r.value : `error:${r.error.kind}`;
}

describe('parseTaxRate', () => {
  it.each([
    ['13%', '0.13'], ['13.00%', '0.13'], ['0.13', '0.13'], ['0.060000', '0.06'], ['6', '0.06'], ['6%', '0.06'],
    ['９％', '0.09'], [' 3 % ', '0.03'], ['1', '0.01'], ['1.5%', '0.015'], ['0.5%', '0.005'], ['0%', '0'], ['0', '0'],
    ['17%', '0.17'], ['10%', '0.1'], ['免税', 'exempt'], ['***', 'exempt'], ['不征税', 'nontaxable'],
  ])('reads %s as %s', (text, expected) => {
    expect(rateOf(text)).toBe(expected);
  });

  it('refuses empty, unreadable and out-of-range text', () => {
    expect(rateOf('')).toBe('error:empty');
    expect(rateOf('abc')).toBe('error:format');
    expect(rateOf('13%%')).toBe('error:format');
    expect(rateOf('130%')).toBe('error:range');
    expect(rateOf('-6%')).toBe('error:range');
  });
});

describe('taxRateToPercent', () => {
  it('shows numeric rates as percent and leaves words alone', () => {
    expect(taxRateToPercent('0.13')).toBe('13%');
    expect(taxRateToPercent('0.015')).toBe('1.5%');
    expect(taxRateToPercent('0')).toBe('0%');
    expect(taxRateToPercent('exempt')).toBe('exempt');
  });
});

describe('validateTaxRate', () => {
  it('accepts the current rates and 征收率 without issues', () => {
    for (const text of ['13%', '9%', '6%', '5%', '3%', '1%', '1.5%', '0.5%', '0%', '免税', '不征税']) {
      expect(validateTaxRate(text, 'taxRate', '2024-05-28').issues, text).toEqual([]);
    }
  });

  it('treats an empty rate as unknown, not as an error', () => {
    expect(validateTaxRate('', 'taxRate', '2024-05-28')).toEqual({ rate: '', issues: [] });
  });

  it('accepts abolished rates on invoices from their time', () => {
    expect(validateTaxRate('17%', 'taxRate', '2012-06-01')).toEqual({ rate: '0.17', issues: [] });
    expect(validateTaxRate('16%', 'taxRate', '2019-03-31')).toEqual({ rate: '0.16', issues: [] });
    expect(validateTaxRate('10%', 'taxRate', '2018-05-01').issues).toEqual([]);
  });

  it('warns on abolished rates after their end date', () => {
    expect(validateTaxRate('16%', 'taxRate', '2019-04-01')).toEqual({
      rate: '0.16',
      issues: [{ field: 'taxRate', severity: 'warning', code: 'taxRate.historical', params: { rate: '16%', until: '2019-03-31' } }],
    });
    expect(validateTaxRate('11%', 'lines.0.taxRate', '2018-05-01').issues[0]?.code).toBe('taxRate.historical');
  });

  it('warns on unusual rates', () => {
    expect(validateTaxRate('7%', 'taxRate', '2024-05-28')).toEqual({
      rate: '0.07',
      issues: [{ field: 'taxRate', severity: 'warning', code: 'taxRate.unusual', params: { rate: '7%' } }],
    });
    // Without "%" a value below 1 is a fraction: 0.5 means 50%, which is unusual.
    expect(validateTaxRate('0.5', 'taxRate', '2024-05-28').issues[0]?.params).toEqual({ rate: '50%' });
  });

  it('reports unreadable and out-of-range rates as errors on the given field', () => {
    expect(validateTaxRate('abc', 'lines.2.taxRate', '2024-05-28')).toEqual({
      rate: null, issues: [{ field: 'lines.2.taxRate', severity: 'error', code: 'taxRate.format' }],
    });
    expect(validateTaxRate('200%', 'taxRate', '2024-05-28').issues[0]?.code).toBe('taxRate.range');
  });
});
