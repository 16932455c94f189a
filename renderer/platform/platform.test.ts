import { afterEach, describe, expect, it, vi } from 'vitest';
import { scanFolder } from './platform';

const ok = <T>(value: T) => Promise.resolve({ ok: true as const, value });

afterEach(() => { vi.unstubAllGlobals(); });

describe('scanFolder', () => {
  it('is null in a plain browser', () => {
    vi.stubGlobal('window', {});
    expect(scanFolder()).toBeNull();
  });

  it('chooses and starts a folder, polls files and acks them through the desktop bridge', async () => {
    const desktop = {
      chooseScanFolder: vi.fn(() => ok({ path: '/scans' })),
      startScanFolder: vi.fn(() => ok({ watching: true, path: '/scans', tooLarge: [] })),
      pollScanFolder: vi.fn(() => ok({ files: [{ id: 'a', name: 'x.pdf', data: new Uint8Array([1]), sha256: 'f'.repeat(64), duplicate: false }], status: { watching: true, path: '/scans', tooLarge: [] } })),
      ackScanFile: vi.fn(() => ok({ movedTo: '/scans/已导入/x.pdf' })),
    };
    vi.stubGlobal('window', { desktop });
    const api = scanFolder();
    expect(await api?.choose()).toEqual({ path: '/scans' });
    expect(desktop.startScanFolder).toHaveBeenCalledWith({ path: '/scans' });
    const polled = await api?.poll();
    expect(polled?.path).toBe('/scans');
    expect(polled?.files.map((f) => f.name)).toEqual(['x.pdf']);
    await api?.ack('a', 'imported');
    expect(desktop.ackScanFile).toHaveBeenCalledWith({ id: 'a', outcome: 'imported' });
  });

  it('treats a closed dialog as no choice, not an error', async () => {
    vi.stubGlobal('window', { desktop: { chooseScanFolder: () => Promise.resolve({ ok: false, error: { kind: 'cancelled', message: '' } }) } });
    expect(await scanFolder()?.choose()).toBeNull();
  });
});
