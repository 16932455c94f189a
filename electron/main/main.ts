// Electron entry point: wiring only (docs/architecture.md#small-files-one-job-each). Each piece lives in its own module with its own test.
import { app, BrowserWindow, dialog, Menu, safeStorage, session, shell, type WebContents } from 'electron';
import { registerAppScheme, serveAppProtocol } from './app-protocol';
import { appPaths } from './app-paths';
import { createDesktopApiImpl } from './desktop-api-impl';
import { handle } from './ipc-handle';
import { createMainWindow } from './main-window';
import { buildMenuTemplate } from './menu';
import { createScanFolderService, type ScanFolderService } from './scan-folder-service';
import { createBackupService } from './backup-service';
import { createLocalSecrets } from './local-secrets';
import { listRemovableDrives, nodeDriveOs } from './drives';
import { hardenWebContents, restrictPermissions } from './security';
import { restrictNetwork } from './security-network';
import { enforcePins, type ServerPins } from './server-pins';
import { connect as tlsConnect } from 'node:tls';

function dialogParent(owner: WebContents): BrowserWindow | null {
  return BrowserWindow.fromWebContents(owner);
}

function registerIpcHandlers(scanFolder: ScanFolderService, pins: ServerPins): void {
  const impl = createDesktopApiImpl({
    scanFolder,
    pins,
    backup: createBackupService({
      userDataDir: app.getPath('userData'),
      showFolderDialog: (owner) => {
        const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
        const parent = dialogParent(owner);
        return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
      },
      listDrives: () => listRemovableDrives(nodeDriveOs()),
    }),
    secrets: createLocalSecrets(app.getPath('userData'), {
      // Linux without a keyring "encrypts" with a fixed key (basic_text): that is not protection, so it counts as none.
      available: () => safeStorage.isEncryptionAvailable() && (process.platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text'),
      encrypt: (plain) => safeStorage.encryptString(plain),
      decrypt: (sealed) => safeStorage.decryptString(Buffer.from(sealed)),
    }),
    appInfo: () => ({
      name: app.name,
      version: app.getVersion(),
      platform: process.platform,
      isPackaged: app.isPackaged,
    }),
    defaultSaveDir: () => app.getPath('documents'),
    showSaveDialog: (owner, options) => {
      const parent = dialogParent(owner);
      return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
    },
    showOpenDialog: (owner, { multiple, filters }) => {
      const options = {
        properties: multiple ? ['openFile' as const, 'multiSelections' as const] : ['openFile' as const],
        ...(filters ? { filters } : {}),
      };
      const parent = dialogParent(owner);
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
  });
  handle('getAppInfo', impl.getAppInfo);
  handle('saveFile', impl.saveFile);
  handle('openFiles', impl.openFiles);
  handle('chooseScanFolder', impl.chooseScanFolder);
  handle('startScanFolder', impl.startScanFolder);
  handle('stopScanFolder', impl.stopScanFolder);
  handle('pollScanFolder', impl.pollScanFolder);
  handle('ackScanFile', impl.ackScanFile);
  handle('listBackupDrives', impl.listBackupDrives);
  handle('chooseBackupFolder', impl.chooseBackupFolder);
  handle('localBackupFolder', impl.localBackupFolder);
  handle('backupRead', impl.backupRead);
  handle('backupWrite', impl.backupWrite);
  handle('backupList', impl.backupList);
  handle('backupSize', impl.backupSize);
  handle('backupRemove', impl.backupRemove);
  handle('getLocalSecret', impl.getLocalSecret);
  handle('setLocalSecret', impl.setLocalSecret);
  handle('probeServerCertificate', impl.probeServerCertificate);
  handle('pinServerCertificate', impl.pinServerCertificate);
  handle('savePdf', impl.savePdf);
}


function createScanFolder(): ScanFolderService {
  return createScanFolderService({
    userDataDir: app.getPath('userData'),
    showFolderDialog: (owner) => {
      const options = { properties: ['openDirectory' as const, 'createDirectory' as const] };
      const parent = dialogParent(owner);
      return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
    },
  });
}

function start(): void {
  const { rendererDir, preloadPath } = appPaths(app.getAppPath());
  let mainWindow: BrowserWindow | undefined;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => {
    hardenWebContents(contents, (url) => shell.openExternal(url));
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.whenReady().then(() => {
    restrictPermissions(session.defaultSession);
    restrictNetwork(session.defaultSession);
    serveAppProtocol(session.defaultSession, rendererDir);
    // The office server's certificate pinned on first use, enforced for every request of the session.
    const pins = enforcePins(session.defaultSession, { userDataDir: app.getPath('userData'), connect: (options, onSecure) => tlsConnect(options, onSecure) });
    const scanFolder = createScanFolder();
    registerIpcHandlers(scanFolder, pins);
    void scanFolder.resume(); // the folder chosen in an earlier run; resume() reports problems as status, never throws
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(buildMenuTemplate({ appName: app.name, isMac: process.platform === 'darwin', isPackaged: app.isPackaged })),
    );
    mainWindow = createMainWindow(preloadPath);
    // macOS: clicking the dock icon with no window open reopens it.
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(preloadPath);
    });
  }).catch((error: unknown) => {
    console.error('Startup failed', error);
    app.quit();
  });
}

// Both must happen before `ready`: privileged schemes and the sandbox for every renderer.
registerAppScheme();
app.enableSandbox();

// A second launch focuses the running window instead of opening the ledger twice (two writers on one IndexedDB).
if (app.requestSingleInstanceLock()) start();
else app.quit();
