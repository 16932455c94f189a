import { describe, expect, it } from 'vitest';
import { fen } from '../domain/money';
import { ExtractionBuilder, mergeExtractions } from './extracted';

const xml = new ExtractionBuilder({ source: 'xml', confidence: 0.98 })
  .set('number', '83089647').set('amount', fen(51068)).set('sellerName', '兰溪市悦济舫餐厅').set('remarks', '稻谷 交易').build();
const qr = new ExtractionBuilder({ source: 'qr', confidence: 0.99 })
  .set('number', '83089647').set('amount', fen(51069)).set('checkCode', '16197833567414507415').warn('qrCrcMismatch').build();
const text = new ExtractionBuilder({ source: 'pdf-text', confidence: 0.8 })
  .set('amount', fen(51070)).set('remarks', '稻谷交易').set('sellerName', '').build();

describe('ExtractionBuilder', () => {
  it('leaves unread and empty fields absent and keeps the first value', () => {
    const e = new ExtractionBuilder({ source: 'ocr', confidence: 0.5 }).set('code', undefined).set('buyerName', '')
      .set('number', '1').set('number', '2').set('tax', fen(0), 0.3).build();
    expect(e.fields).toEqual({ number: '1', tax: 0 });
    expect(e.sources).toEqual({ number: { source: 'ocr', confidence: 0.5 }, tax: { source: 'ocr', confidence: 0.3 } });
  });
});

describe('mergeExtractions', () => {
  it('fills missing fields from later sources and keeps the primary value', () => {
    const m = mergeExtractions(xml, qr);
    expect(m.fields).toMatchObject({ number: '83089647', amount: 51068, checkCode: '16197833567414507415' });
    expect(m.sources.checkCode?.source).toBe('qr');
    expect(m.sources.amount?.source).toBe('xml');
    expect(m.warnings).toEqual([{ code: 'qrCrcMismatch' }]);
  });

  it('records every differing value as a conflict instead of hiding it', () => {
    const m = mergeExtractions(xml, qr, text);
    expect(m.conflicts).toEqual([{
      field: 'amount',
      values: [{ source: 'xml', value: 51068 }, { source: 'qr', value: 51069 }, { source: 'pdf-text', value: 51070 }],
    }]);
  });

  it('treats remarks that differ only in layout whitespace as equal', () => {
    expect(mergeExtractions(xml, text).conflicts.map((c) => c.field)).toEqual(['amount']);
  });

  it('carries conflicts of already merged inputs forward', () => {
    const inner = mergeExtractions(qr, text);
    const m = mergeExtractions(xml, inner);
    expect(m.conflicts[0]?.values.map((v) => v.source)).toEqual(['xml', 'qr', 'pdf-text']);
  });
});
