import { describe, expect, it } from 'vitest';
import { pdfImageToRgba, readPdfContent, type PdfJsApi, type PdfJsPage } from './pdf-content';

const page = (over: Partial<PdfJsPage> = {}): PdfJsPage => ({
  getViewport: () => ({ height: 800 }),
  getTextContent: () => Promise.resolve({ items: [{ str: '发票号码', transform: [10, 0, 0, 10, 50, 700], width: 40, height: 10 }, { type: 'beginMarkedContent' }] }),
  getOperatorList: () => Promise.resolve({ fnArray: [85, 1], argsArray: [['img_1'], []] }),
  objs: { get: (_id: string, cb?: (v: unknown) => void) => { cb?.({ width: 2, height: 1, kind: 2, data: new Uint8Array([1, 2, 3, 4, 5, 6]) }); } },
  commonObjs: { get: () => undefined },
  cleanup: () => true,
  ...over,
});

const api = (open: PdfJsApi['openDocument']): PdfJsApi => ({ openDocument: open, ops: { paintImageXObject: 85, paintInlineImageXObject: 86 } });

describe('readPdfContent', () => {
  it('gives top-left text items, the Info dictionary and embedded images as RGBA', async () => {
    const r = await readPdfContent(api(() => Promise.resolve({
      numPages: 1, getPage: () => Promise.resolve(page()), getMetadata: () => Promise.resolve({ info: { InvoiceNumber: '1' } }), destroy: () => Promise.resolve(),
    })), new Uint8Array([1]));
    expect(r.ok && r.value.items).toEqual([{ str: '发票号码', x: 50, y: 100, width: 40, height: 10, page: 1 }]);
    expect(r.ok && r.value.info).toEqual({ InvoiceNumber: '1' });
    expect(r.ok && Array.from(r.value.images[0]!.data)).toEqual([1, 2, 3, 255, 4, 5, 6, 255]);
  });

  it('maps a PasswordException to pdfPassword and anything else to corruptFile', async () => {
    const password = Object.assign(new Error('need a password'), { name: 'PasswordException' });
    expect(await readPdfContent(api(() => Promise.reject(password)), new Uint8Array())).toEqual({ ok: false, error: { code: 'pdfPassword' } });
    expect(await readPdfContent(api(() => Promise.reject(new Error('bad xref'))), new Uint8Array())).toEqual({ ok: false, error: { code: 'corruptFile' } });
  });
});

describe('pdfImageToRgba', () => {
  it('expands 1-bit grey rows padded to bytes', () => {
    const img = pdfImageToRgba({ width: 3, height: 1, kind: 1, data: new Uint8Array([0b10100000]) });
    expect(img && Array.from(img.data)).toEqual([255, 255, 255, 255, 0, 0, 0, 255, 255, 255, 255, 255]);
  });

  it('skips kinds it does not know', () => {
    expect(pdfImageToRgba({ width: 1, height: 1, kind: 9, data: new Uint8Array(4) })).toBeNull();
  });
});
