import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createSavePdf, PDF_OPTIONS, type SavePdfDeps } from './save-pdf';

const PDF = new Uint8Array([0x25, 0x50, 0x44, 0x46]); // "%PDF"

function eventWith(printToPDF: WebContents['printToPDF']): IpcMainInvokeEvent {
  return { sender: { id: 3, printToPDF } } as unknown as IpcMainInvokeEvent;
}

function deps(overrides: Partial<SavePdfDeps> = {}): SavePdfDeps {
  return {
    defaultSaveDir: () => '/home/clerk/Documents',
    showSaveDialog: vi.fn(() => Promise.resolve({ canceled: false, filePath: '/home/clerk/Documents/归档/发票台账-2026-12-06.pdf' })),
    writeFile: vi.fn(() => Promise.resolve()),
    log: vi.fn(),
    ...overrides,
  };
}

describe('savePdf', () => {
  it('renders the calling page as A4 with its CSS page size, writes it where chosen and answers only the file name', async () => {
    const d = deps();
    const printToPDF = vi.fn(() => Promise.resolve(Buffer.from(PDF)));
    const r = await createSavePdf(d)({ suggestedName: '发票台账-2026-12-06' }, eventWith(printToPDF));
    expect(r).toEqual({ ok: true, value: { kind: 'saved', fileName: '发票台账-2026-12-06.pdf' } });
    expect(printToPDF).toHaveBeenCalledWith(PDF_OPTIONS);
    expect(PDF_OPTIONS).toEqual({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(d.showSaveDialog).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }), {
      defaultPath: '/home/clerk/Documents/发票台账-2026-12-06.pdf', filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(d.writeFile).toHaveBeenCalledWith('/home/clerk/Documents/归档/发票台账-2026-12-06.pdf', Buffer.from(PDF));
    expect(JSON.stringify(r)).not.toContain('/home/clerk');
  });

  it('keeps a name that already ends in .pdf', async () => {
    const d = deps();
    await createSavePdf(d)({ suggestedName: 'a.PDF' }, eventWith(() => Promise.resolve(Buffer.from(PDF))));
    expect(d.showSaveDialog).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ defaultPath: '/home/clerk/Documents/a.PDF' }));
  });

  it('answers cancelled and renders nothing when the clerk closes the dialog', async () => {
    const printToPDF = vi.fn(() => Promise.resolve(Buffer.from(PDF)));
    const d = deps({ showSaveDialog: () => Promise.resolve({ canceled: true }) });
    await expect(createSavePdf(d)({ suggestedName: 'x' }, eventWith(printToPDF))).resolves.toEqual({ ok: true, value: { kind: 'cancelled' } });
    expect(printToPDF).not.toHaveBeenCalled();
    expect(d.writeFile).not.toHaveBeenCalled();
  });

  it('answers failed/render when Chromium cannot print the page, and writes nothing', async () => {
    const d = deps();
    const r = await createSavePdf(d)({ suggestedName: 'x' }, eventWith(() => Promise.reject(new Error('Printing failed'))));
    expect(r).toEqual({ ok: true, value: { kind: 'failed', reason: 'render' } });
    expect(d.writeFile).not.toHaveBeenCalled();
    expect(d.log).toHaveBeenCalled();
  });

  it('answers failed/write when the file cannot be written (a read-only or full drive)', async () => {
    const d = deps({ writeFile: () => Promise.reject(new Error('EACCES: permission denied, open /x/y.pdf')) });
    const r = await createSavePdf(d)({ suggestedName: 'x' }, eventWith(() => Promise.resolve(Buffer.from(PDF))));
    expect(r).toEqual({ ok: true, value: { kind: 'failed', reason: 'write' } });
    expect(JSON.stringify(r)).not.toContain('/x/y.pdf');
  });
});
