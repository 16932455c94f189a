import { describe, expect, it } from 'vitest';
import { fen } from '../../domain/money';
import { ExtractionBuilder } from '../extracted';
import { deriveTax } from './derive';

const read = (fields: { amount?: number; tax?: number; total?: number }, confidence = 0.5) => {
  const b = new ExtractionBuilder({ source: 'ocr', confidence });
  if (fields.amount !== undefined) b.set('amount', fen(fields.amount));
  if (fields.tax !== undefined) b.set('tax', fen(fields.tax));
  if (fields.total !== undefined) b.set('total', fen(fields.total));
  return b.build();
};

describe('deriveTax', () => {
  it('computes tax = total − amount when both were read, marked as computed and trusted less', () => {
    const e = deriveTax(read({ amount: 4662, total: 5270 }));
    expect(e.fields.tax).toBe(608);
    expect(e.sources.tax).toEqual({ source: 'ocr', confidence: 0.25 });
    expect(e.warnings).toContainEqual({ code: 'taxDerived', params: { field: 'tax', tax: expect.any(String) as string } });
  });

  it('takes the less trusted source of its two inputs', () => {
    const b = new ExtractionBuilder({ source: 'qr', confidence: 0.99 }).set('amount', fen(51068));
    const e = deriveTax({ ...b.build(), fields: { amount: fen(51068), total: fen(52600) }, sources: { amount: { source: 'qr', confidence: 0.99 }, total: { source: 'ocr', confidence: 0.35 } } });
    expect(e.fields.tax).toBe(1532);
    expect(e.sources.tax?.source).toBe('ocr');
  });

  it('leaves a read tax, a missing input and an implausible difference alone', () => {
    expect(deriveTax(read({ amount: 4662, tax: 600, total: 5270 })).fields.tax).toBe(600);
    expect(deriveTax(read({ amount: 4662 })).fields.tax).toBeUndefined();
    // A "tax" of 50% of the amount is a misread figure, not a tax.
    expect(deriveTax(read({ amount: 10000, total: 15000 })).fields.tax).toBeUndefined();
    expect(deriveTax(read({ amount: 10000, total: 9000 })).fields.tax).toBeUndefined();
  });

  it('keeps the sign on 红字 invoices', () => {
    expect(deriveTax(read({ amount: -10000, total: -10600 })).fields.tax).toBe(-600);
  });
});
