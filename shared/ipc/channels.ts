import type { DesktopApi } from './desktop-api';

// Kept free of zod so the sandboxed preload bundles only this map.

/** The IPC channel of each DesktopApi method; `satisfies` makes it exhaustive and refuses extra keys. */
export const IPC_CHANNELS = {
  getAppInfo: 'desktop:get-app-info',
  saveFile: 'desktop:save-file',
  openFiles: 'desktop:open-files',
  chooseScanFolder: 'desktop:choose-scan-folder',
  startScanFolder: 'desktop:start-scan-folder',
  stopScanFolder: 'desktop:stop-scan-folder',
  pollScanFolder: 'desktop:poll-scan-folder',
  ackScanFile: 'desktop:ack-scan-file',
  listBackupDrives: 'desktop:list-backup-drives',
  chooseBackupFolder: 'desktop:choose-backup-folder',
  localBackupFolder: 'desktop:local-backup-folder',
  backupRead: 'desktop:backup-read',
  backupWrite: 'desktop:backup-write',
  backupList: 'desktop:backup-list',
  backupSize: 'desktop:backup-size',
  backupRemove: 'desktop:backup-remove',
  getLocalSecret: 'desktop:get-local-secret',
  setLocalSecret: 'desktop:set-local-secret',
  probeServerCertificate: 'desktop:probe-server-certificate',
  pinServerCertificate: 'desktop:pin-server-certificate',
  savePdf: 'desktop:save-pdf',
} as const satisfies Record<keyof DesktopApi, string>;
