import { describe, expect, it } from 'vitest';
import { crc16Umts, parseInvoiceQr, readVatQrFields } from './qr';

// Real QR strings (decoded from the sample invoices and public examples; docs/invoice-rules.md#qr-codes), with whether the CRC matches.
const MATCHING = [
  '01,10,033002000211,83089647,510.68,20200723,16197833567414507415,0941,',
  '01,20,052002100113,00008006,24519.05,20220505,18001801513030862041,88CD,',
  '01,31,,24112000000048542163,4449.00,20240528,,B2B6',
  '01,32,,25447000001115703415,50.00,20250923,,0CA3',
  '01,31, ,23512000000005197325,2150.63,20230130, ,F366',
  '01,32,,26332000004021728676,458.89,20260515,,3050',
  '01,01,1200154130,03630024,94339.62,20160621,,9335,',
  '01,04,4200161350,00015045,165106.00,20160501,48114255542168294433,DBFE,',
  '01,10,050001700111,99999951,300.00,20201010,14754822929856772523,E400,',
  '01,10,050001700111,12235358,10000.00,20200805,16630282980991510014,7257',
  '01,31,,25924000000001260164,379.00,20250401,,8924',
];
const MISMATCHING = [
  // Baiwang test environment: matches only without the trailing comma.
  '01,10,011002680026,71500013,9709.00,20200220,03272875819686271285,1818,',
  // Real-looking 天津 数电普票 photo, unexplained.
  '01,32,,26127000000227474407,168.17,20260501,,68AE',
  // Blog example, hand-edited.
  '01,32,,23442000000014209621,112,20230215,,74AE',
];

describe('crc16Umts', () => {
  it('is CRC-16/UMTS (check value of "123456789" is FEE8)', () => {
    expect(crc16Umts('123456789')).toBe('FEE8');
  });
  it('computes the QR check over seven fields plus a trailing comma', () => {
    expect(crc16Umts('01,10,033002000211,83089647,510.68,20200723,16197833567414507415,')).toBe('0941');
  });
});

describe('parseInvoiceQr', () => {
  it.each(MATCHING)('accepts %s without a CRC warning', (text) => {
    const r = parseInvoiceQr(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.qr.crcStatus).toBe('match');
    expect(r.extracted.warnings).toEqual([]);
  });

  it.each(MISMATCHING)('keeps %s but warns qrCrcMismatch', (text) => {
    const r = parseInvoiceQr(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.qr.crcStatus).toBe('mismatch');
    expect(r.extracted.warnings).toContainEqual({ code: 'qrCrcMismatch' });
    expect(r.extracted.fields.number).toBeDefined();
  });

  it('maps an old e-invoice QR: amount before tax goes to amount', () => {
    const r = parseInvoiceQr('01,10,033002000211,83089647,510.68,20200723,16197833567414507415,0941,');
    expect(r.ok && r.extracted.fields).toEqual({
      kind: 'e_normal', code: '033002000211', number: '83089647', amount: 51068, issueDate: '2020-07-23',
      checkCode: '16197833567414507415',
    });
    expect(r.ok && r.extracted.sources.amount).toEqual({ source: 'qr', confidence: 0.99 });
  });

  it('maps a 数电 QR: empty code, 20-digit number, amount is the tax-inclusive total', () => {
    const r = parseInvoiceQr('01,31, ,23512000000005197325,2150.63,20230130, ,F366');
    expect(r.ok && r.extracted.fields).toEqual({
      kind: 'digital_special', number: '23512000000005197325', total: 215063, issueDate: '2023-01-30',
    });
    expect(r.ok && r.qr.isDigital).toBe(true);
  });

  it('maps QR type codes to kinds', () => {
    const kindOf = (type: string) => {
      const r = parseInvoiceQr(`01,${type},1200154130,03630024,94339.62,20160621,,`);
      return r.ok ? r.extracted.fields.kind : null;
    };
    expect(['01', '04', '10', '20', '11', '14', '03', '02', '15'].map(kindOf)).toEqual([
      'vat_special', 'vat_normal', 'e_normal', 'e_special', 'roll', 'toll', 'vehicle', 'other', 'other',
    ]);
    expect(parseInvoiceQr('01,32,,25447000001115703415,50.00,20250923,,0CA3')).toMatchObject({
      ok: true, extracted: { fields: { kind: 'digital_normal' } },
    });
  });

  it('tolerates a missing 8th field (no CRC to check), 1-dp amounts and surrounding whitespace', () => {
    const r = parseInvoiceQr('  01,10,011001605111,80100798,64.9,20161018,85342965681116380258\n');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.qr.crcStatus).toBe('absent');
    expect(r.qr.crc).toBeNull();
    expect(r.extracted.fields.amount).toBe(6490);
    expect(r.extracted.warnings).toEqual([]);
  });

  it('accepts full-width commas', () => {
    const r = parseInvoiceQr('01，32，，25447000001115703415，50.00，20250923，，0CA3');
    expect(r.ok && r.extracted.fields.total).toBe(5000);
    expect(r.ok && r.qr.crcStatus).toBe('match');
  });

  it('leaves an unreadable amount out and says so', () => {
    const r = parseInvoiceQr('01,10,033002000211,83089647,51O.68,20200723,16197833567414507415,');
    expect(r.ok && r.extracted.fields.amount).toBeUndefined();
    expect(r.ok && r.extracted.warnings).toContainEqual({ code: 'qrFieldUnreadable', params: { field: 'amount' } });
  });

  it.each([
    'https://bcfp.shenzhen.chinatax.gov.cn/verify/scan?hash=00a1&bill_num=1&total_amount=100',
    'hello', '', '01,10,033002000211', '01,10,033002000211,83089647,510.68,2020-07-23,1,0941,',
    '01,10,033002000211,83089647,510.68,20200723,16197833567414507415,0941,x,y',
  ])('refuses non-invoice QR text %j', (text) => {
    expect(parseInvoiceQr(text)).toEqual({ ok: false, reason: 'notInvoiceQr', warning: { code: 'notInvoiceQr' } });
  });

  it('exposes the raw fields', () => {
    expect(readVatQrFields('01,20,052002100113,00008006,24519.05,20220505,18001801513030862041,88CD,')).toMatchObject({
      typeCode: '20', code: '052002100113', number: '00008006', amountText: '24519.05', crc: '88CD', isDigital: false,
    });
  });
});
