import { describe, expect, it, vi } from 'vitest';
import { IPC_CHANNELS, type DesktopApi } from '../../shared/ipc';

const electron = vi.hoisted(() => ({
  exposeInMainWorld: vi.fn(),
  invoke: vi.fn((channel: string, ...args: unknown[]) => Promise.resolve({ ok: true, value: { channel, args } })),
}));
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: electron.exposeInMainWorld },
  ipcRenderer: { invoke: electron.invoke },
}));

await import('./preload');

describe('preload', () => {
  it('exposes exactly the DesktopApi methods as window.desktop', () => {
    expect(electron.exposeInMainWorld).toHaveBeenCalledOnce();
    const [key, api] = electron.exposeInMainWorld.mock.calls[0] as [string, Record<string, unknown>];
    expect(key).toBe('desktop');
    expect(Object.keys(api).sort()).toEqual(Object.keys(IPC_CHANNELS).sort());
  });

  it('maps each method to one invoke on its channel with its argument', async () => {
    const api = electron.exposeInMainWorld.mock.calls[0]![1] as DesktopApi;
    const data = new Uint8Array([1]);
    await api.getAppInfo();
    await api.saveFile({ suggestedName: 'a.txt', data });
    await api.openFiles({ multiple: true });
    await api.chooseScanFolder();
    await api.startScanFolder({ path: '/scans' });
    await api.pollScanFolder();
    await api.ackScanFile({ id: '1', outcome: 'failed' });
    await api.stopScanFolder();
    await api.listBackupDrives();
    await api.chooseBackupFolder();
    await api.localBackupFolder();
    await api.backupRead({ root: '/b', path: 'repo.hdr' });
    await api.backupWrite({ root: '/b', path: 'repo.hdr', data });
    await api.backupList({ root: '/b', dir: '' });
    await api.backupSize({ root: '/b', path: 'repo.hdr' });
    await api.backupRemove({ root: '/b', path: 'repo.hdr' });
    await api.savePdf({ suggestedName: '发票台账' });
    expect(electron.invoke.mock.calls).toEqual([
      [IPC_CHANNELS.getAppInfo],
      [IPC_CHANNELS.saveFile, { suggestedName: 'a.txt', data }],
      [IPC_CHANNELS.openFiles, { multiple: true }],
      [IPC_CHANNELS.chooseScanFolder],
      [IPC_CHANNELS.startScanFolder, { path: '/scans' }],
      [IPC_CHANNELS.pollScanFolder],
      [IPC_CHANNELS.ackScanFile, { id: '1', outcome: 'failed' }],
      [IPC_CHANNELS.stopScanFolder],
      [IPC_CHANNELS.listBackupDrives],
      [IPC_CHANNELS.chooseBackupFolder],
      [IPC_CHANNELS.localBackupFolder],
      [IPC_CHANNELS.backupRead, { root: '/b', path: 'repo.hdr' }],
      [IPC_CHANNELS.backupWrite, { root: '/b', path: 'repo.hdr', data }],
      [IPC_CHANNELS.backupList, { root: '/b', dir: '' }],
      [IPC_CHANNELS.backupSize, { root: '/b', path: 'repo.hdr' }],
      [IPC_CHANNELS.backupRemove, { root: '/b', path: 'repo.hdr' }],
      [IPC_CHANNELS.savePdf, { suggestedName: '发票台账' }],
    ]);
  });
});
