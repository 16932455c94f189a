import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fen } from '../../domain/money';
import { crossCheck, toDraft } from './cross-check';
import { ExtractionBuilder, mergeExtractions } from '../extracted';
import { extractFromOfd } from '../formats/ofd';
import { extractFromPdfText } from '../formats/pdf-text';
import { parseInvoiceQr } from './qr';
import type { TextItem } from '../text/text-items';

const sample = (name: string) => new Uint8Array(readFileSync(new URL(`../../../../shared/samples/ofd/${name}`, import.meta.url)));
const sichuanItems = JSON.parse(readFileSync(new URL('../fixtures/sichuan-pdf-items.json', import.meta.url), 'utf8')) as TextItem[];
const qr = (text: string) => {
  const r = parseInvoiceQr(text);
  if (!r.ok) throw new Error('not an invoice QR');
  return r.extracted;
};

describe('crossCheck', () => {
  it('finds nothing wrong when the Sichuan PDF text and its QR agree', () => {
    const merged = mergeExtractions(qr('01,31, ,23512000000005197325,2150.63,20230130, ,F366'), extractFromPdfText(sichuanItems));
    const checked = crossCheck(merged);
    expect(checked.warnings).toEqual([]);
    expect(checked.fields.total).toBe(215063);
    expect(checked.sources.total?.source).toBe('qr');
    expect(checked.sources.amount?.source).toBe('pdf-text');
  });

  it('names the field when the QR and the text disagree, keeping both values', () => {
    const merged = mergeExtractions(qr('01,31,,23512000000005197325,2150.36,20230130,,'), extractFromPdfText(sichuanItems));
    const checked = crossCheck(merged);
    expect(checked.conflicts).toEqual([{ field: 'total', values: [{ source: 'qr', value: 215036 }, { source: 'pdf-text', value: 215063 }] }]);
    expect(checked.warnings).toContainEqual({ code: 'conflict', params: { field: 'total', sources: 'qr / pdf-text' } });
    expect(checked.warnings).toContainEqual({ code: 'totalMismatch', params: { expected: '2,150.63' } });
  });

  it('derives nothing from a 数电 QR that gives the total only', () => {
    const checked = crossCheck(qr('01,32,,25447000001115703415,50.00,20250923,,0CA3'));
    expect(checked.fields.amount).toBeUndefined();
    expect(checked.fields.tax).toBeUndefined();
    expect(checked.warnings).toEqual([]);
  });

  it('warns when the tax is not amount × rate (a misread tax figure), and not for rounding', () => {
    const read = (tax: number) => crossCheck(new ExtractionBuilder({ source: 'ocr', confidence: 0.9 })
      .set('amount', fen(256460)).set('tax', fen(tax)).set('total', fen(256460 + tax)).set('taxRate', '0.13').build());
    expect(read(33340).warnings).toEqual([]);
    expect(read(33342).warnings).toEqual([]);
    expect(read(3334).warnings).toEqual([{ code: 'taxRateMismatch', params: { rate: '13%', expected: '333.40' } }]);
  });

  it('warns when line items do not add up to the header', () => {
    const line = { name: 'x', spec: '', unit: '', qty: '', unitPrice: '', amount: fen(10000), taxRate: '0.06', tax: fen(600) };
    const e = new ExtractionBuilder({ source: 'xml', confidence: 0.98 })
      .set('amount', fen(20000)).set('tax', fen(600)).set('total', fen(20600)).set('lines', [line]).build();
    expect(crossCheck(e).warnings).toEqual([{ code: 'linesSumMismatch', params: { field: 'amount', sum: '100.00' } }]);
  });
});

describe('toDraft', () => {
  it('prefills the form from an OFD, with a source per field and line cell', () => {
    const r = extractFromOfd(sample('zhejiang-e-putong.ofd'));
    if (!r.ok) throw new Error(r.error.code);
    const { draft, fieldSources, issues } = toDraft(crossCheck(r.value.extracted), '2026-01-01');
    expect(draft).toMatchObject({
      kind: 'e_normal', code: '033002000211', number: '83089647', issueDate: '2020-07-23', buyerName: '江苏京利华新材料有限公司',
      amount: '510.68', tax: '15.32', total: '526.00', taxRate: '3%', checkCode: '16197833567414507415', isRed: false,
    });
    expect(draft.lines).toEqual([{ name: '*餐饮服务*餐费', spec: '', unit: '', qty: '1', unitPrice: '510.679612', amount: '510.68', taxRate: '3%', tax: '15.32' }]);
    expect(fieldSources.number).toEqual({ source: 'xml', confidence: 0.98 });
    expect(fieldSources.kind).toEqual({ source: 'qr', confidence: 0.99 });
    expect(fieldSources['lines.0.unitPrice']).toEqual({ source: 'xml', confidence: 0.98 });
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('keeps the fake tax ids of the Chongqing test invoice, and validation warns about them', () => {
    const r = extractFromOfd(sample('chongqing-test-3-lines.ofd'));
    if (!r.ok) throw new Error(r.error.code);
    const { draft, issues } = toDraft(r.value.extracted, '2026-01-01');
    expect(draft.buyerTaxId).toBe('9150010807MGZHI002');
    expect(draft.sellerTaxId).toBe('91500106MA2CE71F65');
    expect(issues.some((i) => i.field === 'sellerTaxId')).toBe(true);
    expect(issues.some((i) => i.field === 'buyerTaxId')).toBe(true);
  });

  it('leaves unread fields blank and without a source', () => {
    const { draft, fieldSources } = toDraft(qr('01,32,,25447000001115703415,50.00,20250923,,0CA3'), '2026-01-01');
    expect(draft).toMatchObject({ kind: 'digital_normal', total: '50.00', amount: '', tax: '', sellerName: '', lines: [] });
    expect(Object.keys(fieldSources).sort()).toEqual(['issueDate', 'kind', 'number', 'total']);
  });

  it('marks a negative total as a red invoice', () => {
    const e = new ExtractionBuilder({ source: 'xml', confidence: 0.98 }).set('total', fen(-5000)).build();
    expect(toDraft(e, '2026-01-01').draft).toMatchObject({ total: '-50.00', isRed: true });
  });
});
