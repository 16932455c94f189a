import { describe, expect, it } from 'vitest';
import type { Issue } from './invoice';
import { describeInvoiceCode, validateCheckCode, validateCode, validateNumber } from './invoice-code';

const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.severity}:${i.code}`);

describe('describeInvoiceCode', () => {
  it('reads a 10-digit paper code (region, year, kind digit 8)', () => {
    expect(describeInvoiceCode('1100094140')).toEqual({
      length: 10, region: '1100', regionName: '北京', year: 2009, kindDigits: '1', kind: 'vat_special', isBlockchain: false,
    });
    expect(describeInvoiceCode('4200161350')).toMatchObject({ region: '4200', regionName: '湖北', year: 2016, kind: 'vat_normal' });
    expect(describeInvoiceCode('5100191160')).toMatchObject({ regionName: '四川', year: 2019, kind: 'vat_special' });
  });

  it('reads a 12-digit code (region 2-5, year 6-7, kind 11-12)', () => {
    expect(describeInvoiceCode('033002000211')).toEqual({
      length: 12, region: '3300', regionName: '浙江', year: 2020, kindDigits: '11', kind: 'e_normal', isBlockchain: false,
    });
    expect(describeInvoiceCode('052002100113')).toMatchObject({ regionName: '贵州', year: 2021, kind: 'e_special' });
    expect(describeInvoiceCode('044031800104')).toMatchObject({ region: '4403', regionName: '深圳', kind: 'vat_normal' });
    expect(describeInvoiceCode('011001605111')).toMatchObject({ regionName: '北京', year: 2016, kind: 'e_normal' });
  });

  it('marks Shenzhen blockchain codes, whose last digits are not a kind', () => {
    expect(describeInvoiceCode('144031809110')).toMatchObject({ isBlockchain: true, kind: null, regionName: '深圳' });
  });

  it('returns null for other shapes', () => {
    expect(describeInvoiceCode('12345')).toBeNull();
    expect(describeInvoiceCode('')).toBeNull();
    expect(describeInvoiceCode('11000941A0')).toBeNull();
  });
});

describe('validateCode', () => {
  it('accepts real codes for their kinds', () => {
    expect(validateCode('1100094140', 'vat_special', '2012-03-01')).toEqual([]);
    expect(validateCode('4200161350', 'vat_normal', '2016-05-01')).toEqual([]);
    expect(validateCode('033002000211', 'e_normal', '2020-07-23')).toEqual([]);
    expect(validateCode('052002100113', 'e_special', '2022-05-05')).toEqual([]);
    expect(validateCode('044031800104', 'vat_normal', '2018-06-01')).toEqual([]);
    expect(validateCode('0330 0200 0211', 'e_normal', '2020-07-23')).toEqual([]);
  });

  it('accepts a code assigned years before the invoice was issued', () => {
    expect(validateCode('050001700111', 'e_normal', '2020-03-01')).toEqual([]);
  });

  it('wants no code on 数电 invoices, warning only if one is present', () => {
    expect(validateCode('', 'digital_special', '2024-05-28')).toEqual([]);
    expect(validateCode('', 'digital_normal', '2024-05-28')).toEqual([]);
    expect(codes(validateCode('033002000211', 'digital_normal', '2024-05-28'))).toEqual(['warning:code.unexpected']);
  });

  it('requires a code on the older kinds', () => {
    for (const kind of ['vat_special', 'vat_normal', 'e_normal', 'e_special', 'roll', 'toll'] as const) {
      expect(codes(validateCode('', kind, '2020-01-01')), kind).toEqual(['error:required']);
    }
    expect(validateCode('', 'vehicle', '2020-01-01')).toEqual([]);
  });

  it('refuses non-digits and wrong lengths', () => {
    expect(codes(validateCode('11000941A0', 'vat_special', '2012-01-01'))).toEqual(['error:code.digits']);
    expect(validateCode('033002000211', 'vat_special', '2020-07-23')).toEqual([
      { field: 'code', severity: 'error', code: 'code.length', params: { expected: '10', actual: 12 } },
    ]);
    expect(validateCode('110009414', 'vat_normal', '2012-01-01')).toEqual([
      { field: 'code', severity: 'error', code: 'code.length', params: { expected: '10/12', actual: 9 } },
    ]);
    expect(codes(validateCode('1100094140', 'e_normal', '2012-01-01'))).toEqual(['error:code.length']);
  });

  it('warns on an unknown region and on a code year after the issue year', () => {
    expect(validateCode('9900094140', 'vat_special', '2012-01-01')).toEqual([
      { field: 'code', severity: 'warning', code: 'code.region', params: { region: '9900' } },
    ]);
    // Baiwang test code: year "26" on a 2020 invoice.
    expect(validateCode('011002680026', 'e_normal', '2020-01-01')).toContainEqual(
      { field: 'code', severity: 'warning', code: 'code.year', params: { year: 2026 } },
    );
  });

  it('warns when the kind digits disagree with the chosen kind', () => {
    expect(codes(validateCode('4200161350', 'vat_special', '2016-05-01'))).toEqual(['warning:code.kindMismatch']);
    expect(codes(validateCode('033002000211', 'toll', '2020-07-23'))).toEqual(['warning:code.kindMismatch']);
  });
});

describe('validateNumber', () => {
  it('accepts 8 digits (leading zeros kept) on the older kinds', () => {
    expect(validateNumber('00008006', 'e_special', '2022-05-05')).toEqual([]);
    expect(validateNumber('83089647', 'e_normal')).toEqual([]);
  });

  it('accepts 20 digits on 数电 kinds when the year digits match the issue date', () => {
    expect(validateNumber('24112000000048542163', 'digital_special', '2024-05-28')).toEqual([]);
    expect(validateNumber('25447000001115703415', 'digital_normal', '2025-09-23')).toEqual([]);
    expect(validateNumber('24112000000048542163', 'digital_special')).toEqual([]);
  });

  it('warns when the 数电 year digits disagree (e.g. the Aisino test prefix 2088)', () => {
    expect(validateNumber('20881234567890123456', 'digital_normal', '2024-05-28')).toEqual([
      { field: 'number', severity: 'warning', code: 'number.year', params: { year: 2020 } },
    ]);
  });

  it('refuses wrong lengths with expected and actual counts', () => {
    expect(validateNumber('8308964', 'e_normal')).toEqual([
      { field: 'number', severity: 'error', code: 'number.length', params: { expected: '8', actual: 7 } },
    ]);
    expect(validateNumber('83089647', 'digital_normal')).toEqual([
      { field: 'number', severity: 'error', code: 'number.length', params: { expected: '20', actual: 8 } },
    ]);
    expect(validateNumber('241120000000485421632411200000', 'digital_special')).toEqual([
      { field: 'number', severity: 'error', code: 'number.length', params: { expected: '20', actual: 30 } },
    ]);
  });

  it('points a 20-digit number on an older kind to the 数电 kinds', () => {
    expect(codes(validateNumber('24112000000048542163', 'vat_special'))).toEqual(['error:number.digitalKind']);
  });

  it('accepts 8 or 20 digits for vehicle invoices', () => {
    expect(validateNumber('12345678', 'vehicle')).toEqual([]);
    expect(validateNumber('24112000000048542163', 'vehicle', '2024-01-01')).toEqual([]);
    expect(codes(validateNumber('123456789', 'vehicle'))).toEqual(['error:number.length']);
  });

  it('requires digits', () => {
    expect(codes(validateNumber('', 'e_normal'))).toEqual(['error:required']);
    expect(codes(validateNumber('8308964O', 'e_normal'))).toEqual(['error:number.digits']);
  });
});

describe('validateCheckCode', () => {
  it('accepts 20 digits, also as printed in groups of five', () => {
    expect(validateCheckCode('16197833567414507415', 'e_normal')).toEqual([]);
    expect(validateCheckCode('16197 83356 74145 07415', 'e_normal')).toEqual([]);
    expect(validateCheckCode('18001801513030862041', 'e_special')).toEqual([]);
  });

  it('refuses a present check code that is not 20 digits', () => {
    expect(validateCheckCode('212144', 'vat_normal')).toEqual([
      { field: 'checkCode', severity: 'error', code: 'checkCode.format', params: { actual: 6 } },
    ]);
    expect(codes(validateCheckCode('1619783356741450741A', 'e_normal'))).toEqual(['error:checkCode.format']);
  });

  it('warns when it is missing on kinds that print one', () => {
    for (const kind of ['e_normal', 'vat_normal', 'e_special', 'roll', 'toll'] as const) {
      expect(codes(validateCheckCode('', kind)), kind).toEqual(['warning:checkCode.missing']);
    }
  });

  it('expects none on paper 专票 and 数电, warning if one is typed', () => {
    for (const kind of ['vat_special', 'digital_special', 'digital_normal'] as const) {
      expect(validateCheckCode('', kind), kind).toEqual([]);
      expect(codes(validateCheckCode('16197833567414507415', kind)), kind).toEqual(['warning:checkCode.unexpected']);
    }
  });
});
