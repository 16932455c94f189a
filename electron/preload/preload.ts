// The sandboxed preload: exposes DesktopApi as window.desktop, one ipcRenderer.invoke per method, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { IPC_CHANNELS } from '../../shared/ipc/channels';
import type { DesktopApi, DesktopMethod } from '../../shared/ipc/desktop-api';

function invoke<M extends DesktopMethod>(method: M, ...args: Parameters<DesktopApi[M]>): ReturnType<DesktopApi[M]> {
  // Main answers every call with the method's reply (ipc-handle.ts), so the cast states the contract.
  return ipcRenderer.invoke(IPC_CHANNELS[method], ...args) as ReturnType<DesktopApi[M]>;
}

const api = {
  getAppInfo: () => invoke('getAppInfo'),
  saveFile: (args) => invoke('saveFile', args),
  openFiles: (args) => invoke('openFiles', args),
  chooseScanFolder: () => invoke('chooseScanFolder'),
  startScanFolder: (args) => invoke('startScanFolder', args),
  stopScanFolder: () => invoke('stopScanFolder'),
  pollScanFolder: () => invoke('pollScanFolder'),
  ackScanFile: (args) => invoke('ackScanFile', args),
  listBackupDrives: () => invoke('listBackupDrives'),
  chooseBackupFolder: () => invoke('chooseBackupFolder'),
  localBackupFolder: () => invoke('localBackupFolder'),
  backupRead: (args) => invoke('backupRead', args),
  backupWrite: (args) => invoke('backupWrite', args),
  backupList: (args) => invoke('backupList', args),
  backupSize: (args) => invoke('backupSize', args),
  backupRemove: (args) => invoke('backupRemove', args),
  getLocalSecret: (args) => invoke('getLocalSecret', args),
  setLocalSecret: (args) => invoke('setLocalSecret', args),
  probeServerCertificate: (args) => invoke('probeServerCertificate', args),
  pinServerCertificate: (args) => invoke('pinServerCertificate', args),
  savePdf: (args) => invoke('savePdf', args),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('desktop', api);
