import { describe, expect, it, vi } from 'vitest';
import type { DesktopApi } from '../../shared/ipc';
import { savePagesAsPdf } from './print-pdf';

const desktopWith = (savePdf: DesktopApi['savePdf']) => ({ desktop: { savePdf } }) as unknown as Window;

describe('savePagesAsPdf', () => {
  it('tells a browser to use the print dialog', async () => {
    await expect(savePagesAsPdf('发票台账', {} as Window)).resolves.toEqual({ kind: 'browser' });
  });

  it('asks the desktop shell with a name the OS accepts and passes its answer on', async () => {
    const savePdf = vi.fn<DesktopApi['savePdf']>(() => Promise.resolve({ ok: true, value: { kind: 'saved', fileName: '台账 11/12.pdf' } }));
    await expect(savePagesAsPdf('台账 11/12', desktopWith(savePdf))).resolves.toEqual({ kind: 'saved', fileName: '台账 11/12.pdf' });
    expect(savePdf).toHaveBeenCalledWith({ suggestedName: '台账 11_12' });
  });

  it('reports a refused call as a failure rather than throwing', async () => {
    const savePdf = vi.fn<DesktopApi['savePdf']>(() => Promise.resolve({ ok: false, error: { kind: 'bad-request', message: 'untrusted sender' } }));
    await expect(savePagesAsPdf('x', desktopWith(savePdf))).resolves.toEqual({ kind: 'failed', reason: 'ipc' });
  });
});
