import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { ok } from '../domain/result';
import { captureFile, type CaptureDeps, type CaptureImage, type RasterImage } from './pipeline';
import type { RegionRequest } from './text/region-pass';

const sample = (path: string) => new Uint8Array(readFileSync(new URL(`../../../shared/samples/${path}`, import.meta.url)));
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);
const TODAY = '2026-11-27';

/** A frame: header, a band of two cells (buyer | amount column), a band with the seller; a little "text" in each cell. */
function ruledFrame(): RasterImage {
  const width = 400;
  const height = 300;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  const box = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) data.fill(0, (y * width + x0) * 4, (y * width + x0 + w) * 4);
  };
  [[20, 60, 360, 2], [20, 160, 360, 2], [20, 280, 360, 2], [20, 60, 2, 222], [378, 60, 2, 222], [200, 60, 2, 102], [40, 90, 100, 8], [220, 90, 100, 8], [40, 200, 150, 8]].forEach(([x, y, w, h]) => { box(x ?? 0, y ?? 0, w ?? 0, h ?? 0); });
  return { width, height, data };
}

function deps(over: Partial<CaptureDeps> = {}): CaptureDeps {
  return {
    readPdf: vi.fn(() => Promise.resolve(ok({ items: [], info: {}, images: [], pageCount: 1 }))),
    decodeQr: vi.fn(() => Promise.resolve([])),
    imageSize: vi.fn(() => Promise.resolve({ width: 980, height: 575 })),
    ocr: vi.fn(() => Promise.resolve('')),
    ...over,
  };
}

describe('captureFile', () => {
  it('reads an OFD through its XML and QR without OCR', async () => {
    const d = deps();
    const r = await captureFile(sample('ofd/zhejiang-e-putong.ofd'), 'a.ofd', d, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.route).toEqual(['xml', 'qr']);
    expect(r.value.prefill.draft).toMatchObject({ code: '033002000211', number: '83089647', issueDate: '2020-07-23', total: '526.00' });
    expect(d.ocr).not.toHaveBeenCalled();
  });

  it('reads a 数电 OFD with no attachment', async () => {
    const r = await captureFile(sample('ofd/qingdao-shudian-zhuan.ofd'), 'b.ofd', deps(), TODAY);
    expect(r.ok && r.value.prefill.draft).toMatchObject({ number: '25924000000001260164', total: '379.00', sellerTaxId: '91370203MA3N3AR685' });
  });

  it('reads an image by its QR and asks OCR only for what the QR lacks', async () => {
    const ocr = vi.fn(() => Promise.resolve('销售方名称：郫都区星讯通讯设备经营部\n购买方名称：中国移动通信集团四川有限公司成都分公司'));
    const d = deps({ decodeQr: () => Promise.resolve(['01,31, ,23512000000005197325,2150.63,20230130, ,F366']), ocr });
    const r = await captureFile(PNG, 'scan.png', d, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.route).toEqual(['qr', 'ocr']);
    expect(r.value.prefill.draft).toMatchObject({ number: '23512000000005197325', total: '2150.63', issueDate: '2023-01-30', kind: 'digital_special' });
    expect(r.value.extracted.sources.total?.source).toBe('qr');
    expect(ocr).toHaveBeenCalledTimes(1);
  });

  it('skips a non-invoice QR with a warning and fails as "not an invoice" when nothing else reads', async () => {
    const d = deps({ decodeQr: () => Promise.resolve(['https://example.com/x']), ocr: () => Promise.resolve('会议纪要 第三页') });
    const r = await captureFile(PNG, 'photo.png', d, TODAY);
    expect(r).toEqual({ ok: false, error: { code: 'notInvoice' } });
  });

  it('refuses empty, unknown, oversized and unreadable files with their own codes', async () => {
    expect(await captureFile(new Uint8Array(), 'x.pdf', deps(), TODAY)).toMatchObject({ ok: false, error: { code: 'emptyFile' } });
    expect(await captureFile(new Uint8Array([1, 2, 3, 4, 5]), 'x.bin', deps(), TODAY)).toMatchObject({ ok: false, error: { code: 'unsupportedType' } });
    const huge = deps({ imageSize: () => Promise.resolve({ width: 15000, height: 15000 }) });
    expect(await captureFile(PNG, 'big.png', huge, TODAY)).toMatchObject({ ok: false, error: { code: 'imageTooLarge' } });
    const broken = deps({ imageSize: () => Promise.resolve(null) });
    expect(await captureFile(PNG, 'bad.png', broken, TODAY)).toMatchObject({ ok: false, error: { code: 'corruptFile' } });
  });

  it('passes a PDF reader error through (password-protected)', async () => {
    const d = deps({ readPdf: () => Promise.resolve({ ok: false as const, error: { code: 'pdfPassword' as const } }) });
    expect(await captureFile(new TextEncoder().encode('%PDF-1.7\n'), 'p.pdf', d, TODAY)).toEqual({ ok: false, error: { code: 'pdfPassword' } });
  });

  it('keeps going when a QR candidate cannot be decoded', async () => {
    let calls = 0;
    const decodeQr = () => (calls++ === 0 ? Promise.reject(new Error('seal')) : Promise.resolve(['01,10,033002000211,83089647,510.68,20200723,16197833567414507415,0941,']));
    const d = deps({
      readPdf: () => Promise.resolve(ok({ items: [], info: {}, images: [{ width: 1, height: 1, data: new Uint8ClampedArray(4) }, { width: 1, height: 1, data: new Uint8ClampedArray(4) }], pageCount: 1 })),
      decodeQr,
    });
    const r = await captureFile(new TextEncoder().encode('%PDF-1.7\n'), 'e.pdf', d, TODAY);
    expect(r.ok && r.value.prefill.draft.number).toBe('83089647');
  });

  it('reads the cells of a ruled frame one by one when page OCR missed key fields, and derives the tax', async () => {
    const frame = ruledFrame();
    const blocks = ['', '名 称: 甲方有限公司\n纳税人识别号: 91320115MA202UKD7X\n地址、电话:\n', '金 额\n100.00\n¥100.00\n', '名 称: 乙方有限公司\n纳税人识别号:\n开户行及账号:\n'];
    const ocrRegion = vi.fn((_: RasterImage, request: RegionRequest) => Promise.resolve({ text: request.mode === 'block' ? blocks.shift() ?? '' : '' }));
    const d = deps({ ocr: () => Promise.resolve('价税合计（大写） 壹佰零陆圆整 （小写）¥106.00'), ocrRegion, decodeImage: () => Promise.resolve(frame) });
    const r = await captureFile(PNG, 'scan.png', d, TODAY);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.extracted.fields).toMatchObject({ buyerName: '甲方有限公司', buyerTaxId: '91320115MA202UKD7X', sellerName: '乙方有限公司', amount: 10000, total: 10600, tax: 600 });
    expect(r.value.extracted.sources.buyerName?.source).toBe('ocr');
    // The tax was computed, not read: less trusted than its inputs, with a warning saying so.
    expect(r.value.extracted.sources.tax?.confidence).toBeLessThan(r.value.extracted.sources.amount?.confidence ?? 0);
    expect(r.value.extracted.warnings.map((w) => w.code)).toContain('taxDerived');
    expect(ocrRegion).toHaveBeenCalledWith(expect.anything(), { mode: 'block' });
  });

  it('does not run the second pass when page OCR found every key field', async () => {
    const ocrRegion = vi.fn(() => Promise.resolve({ text: '' }));
    const text = '发票号码：12345678\n开票日期：2024年01月02日\n购买方名称：甲方有限公司\n销售方名称：乙方有限公司\n纳税人识别号：91320115MA202UKD7X\n纳税人识别号：92330781MA2EDMFU50\n（小写）¥106.00';
    const d = deps({ ocr: () => Promise.resolve(text), ocrRegion, decodeImage: () => Promise.resolve(null) });
    const r = await captureFile(PNG, 'scan.png', d, TODAY);
    expect(r.ok).toBe(true);
    expect(ocrRegion).not.toHaveBeenCalled();
  });

  it('reads only the cells when a QR code gave the numbers and the cells give the rest, without page OCR', async () => {
    const blocks = ['名 称: 甲方有限公司\n纳税人识别号: 91320115MA202UKD7X\n', '¥2150.63\n', '名 称: 乙方有限公司\n纳税人识别号: 92330781MA2EDMFU50\n'];
    const ocrRegion = vi.fn((_: RasterImage, request: RegionRequest) => Promise.resolve({ text: request.mode === 'block' ? blocks.shift() ?? '' : '' }));
    const ocr = vi.fn(() => Promise.resolve(''));
    const d = deps({ decodeQr: () => Promise.resolve(['01,31, ,23512000000005197325,2150.63,20230130, ,F366']), ocr, ocrRegion, decodeImage: () => Promise.resolve(ruledFrame()) });
    const r = await captureFile(PNG, 'scan.png', d, TODAY);
    expect(r.ok && r.value.extracted.fields).toMatchObject({ number: '23512000000005197325', buyerName: '甲方有限公司', sellerName: '乙方有限公司', sellerTaxId: '92330781MA2EDMFU50' });
    expect(r.ok && r.value.route).toEqual(['qr', 'ocr']);
    expect(ocr).not.toHaveBeenCalled();
  });

  it('hands page OCR the despeckled pixels of a speckled page', async () => {
    const width = 200;
    const height = 200;
    const data = new Uint8ClampedArray(width * height * 4).fill(255);
    // Lone dark pixels on a 5-pixel grid: all speckle, no strokes.
    for (let y = 2; y < height; y += 5) for (let x = 2; x < width; x += 5) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    const ocr = vi.fn<(image: CaptureImage) => Promise<string>>(() => Promise.resolve('发票号码：12345678'));
    await captureFile(PNG, 'scan.png', deps({ ocr, decodeImage: () => Promise.resolve({ width, height, data }) }), TODAY);
    const seen = ocr.mock.calls[0]?.[0];
    expect(seen).not.toBeInstanceOf(Uint8Array);
    expect(seen instanceof Uint8Array ? [] : [...(seen?.data ?? [])].filter((v, i) => i % 4 === 0 && v < 128)).toEqual([]);
  });

  it('hands page OCR the file bytes as they are when the page is clean', async () => {
    const ocr = vi.fn<(image: CaptureImage) => Promise<string>>(() => Promise.resolve('发票号码：12345678'));
    await captureFile(PNG, 'scan.png', deps({ ocr, decodeImage: () => Promise.resolve(ruledFrame()) }), TODAY);
    expect(ocr.mock.calls[0]?.[0]).toBe(PNG);
  });
});
