import { describe, expect, it } from 'vitest';
import { LOCALES } from '../i18n/translate';
import { CAPTURE_CODES, CAPTURE_MESSAGES, captureMessage } from './capture-messages';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('CAPTURE_MESSAGES', () => {
  it.each(CAPTURE_CODES)('has capture.%s in both languages with the same placeholders', (code) => {
    const entry = CAPTURE_MESSAGES[`capture.${code}`];
    expect(entry, code).toBeDefined();
    for (const locale of LOCALES) expect(entry?.[locale].trim(), `${code} ${locale}`).not.toBe('');
    expect(placeholders(entry?.en ?? '')).toEqual(placeholders(entry?.['zh-CN'] ?? ''));
  });

  it('has no stale keys', () => {
    const known = new Set(CAPTURE_CODES.map((c) => `capture.${c}`));
    expect(Object.keys(CAPTURE_MESSAGES).filter((k) => !known.has(k))).toEqual([]);
  });

  it('says the CRC message in the agreed words and names fields by their label', () => {
    expect(captureMessage({ code: 'qrCrcMismatch' }, 'zh-CN')).toBe('二维码校验位不符，请核对');
    expect(captureMessage({ code: 'conflict', params: { field: 'total', sources: 'qr / pdf-text' } }, 'zh-CN'))
      .toBe('价税合计在不同来源中读数不一致（二维码 / PDF 文字），请对照发票核对');
    expect(captureMessage({ code: 'conflict', params: { field: 'sellerTaxId', sources: 'qr / xml' } }, 'en'))
      .toBe('The Seller tax ID differs between sources (QR code / XML data); compare it with the invoice');
  });
});
