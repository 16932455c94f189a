// The subset of Electron 45's API that electron/ uses, copied signature for signature from electron.d.ts of the
// `electron@45.5.0` npm package: that package is an optional dependency which does not install on Node 20 machines,
// so its types are often absent. Each member here is a narrowing of the real one (e.g. `unknown` where Electron says
// `any`), so code that compiles against this file also compiles against the real one (docs/packaging.md, "Types").
// WARNING: add a member only after checking it in the real file; a wrong signature here compiles but fails at run time.

declare module 'electron' {
  type Event<Params extends object = object> = {
    preventDefault: () => void;
    readonly defaultPrevented: boolean;
  } & Params;

  type PathName =
    | 'home' | 'appData' | 'assets' | 'userData' | 'sessionData' | 'temp' | 'exe' | 'module' | 'desktop'
    | 'documents' | 'downloads' | 'music' | 'pictures' | 'videos' | 'recent' | 'logs' | 'crashDumps';

  interface App {
    readonly isPackaged: boolean;
    name: string;
    getVersion(): string;
    getAppPath(): string;
    getPath(name: PathName): string;
    whenReady(): Promise<void>;
    quit(): void;
    enableSandbox(): void;
    requestSingleInstanceLock(additionalData?: Record<string, unknown>): boolean;
    on(event: 'second-instance', listener: (event: Event, argv: string[], workingDirectory: string) => void): this;
    on(event: 'web-contents-created', listener: (event: Event, webContents: WebContents) => void): this;
    on(event: 'window-all-closed', listener: () => void): this;
    on(event: 'activate', listener: (event: Event, hasVisibleWindows: boolean) => void): this;
  }

  interface WebPreferences {
    preload?: string;
    sandbox?: boolean;
    nodeIntegration?: boolean;
    nodeIntegrationInWorker?: boolean;
    nodeIntegrationInSubFrames?: boolean;
    contextIsolation?: boolean;
    webSecurity?: boolean;
    allowRunningInsecureContent?: boolean;
    experimentalFeatures?: boolean;
    webviewTag?: boolean;
    spellcheck?: boolean;
    navigateOnDragDrop?: boolean;
    safeDialogs?: boolean;
  }

  interface BrowserWindowConstructorOptions {
    width?: number;
    height?: number;
    minWidth?: number;
    minHeight?: number;
    show?: boolean;
    title?: string;
    backgroundColor?: string;
    webPreferences?: WebPreferences;
  }

  class BrowserWindow {
    constructor(options?: BrowserWindowConstructorOptions);
    static getAllWindows(): BrowserWindow[];
    static fromWebContents(webContents: WebContents): BrowserWindow | null;
    readonly webContents: WebContents;
    loadURL(url: string): Promise<void>;
    show(): void;
    focus(): void;
    restore(): void;
    isMinimized(): boolean;
    once(event: 'ready-to-show', listener: () => void): this;
  }

  /** A frame in the main process's view; `parent` is null for a top-level frame. */
  class WebFrameMain {
    readonly url: string;
    readonly origin: string;
    readonly parent: WebFrameMain | null;
  }

  interface WebContentsWillNavigateEventParams {
    url: string;
    isSameDocument: boolean;
    isMainFrame: boolean;
    frame: WebFrameMain | null;
  }

  interface HandlerDetails {
    url: string;
    frameName: string;
    features: string;
    disposition: 'default' | 'foreground-tab' | 'background-tab' | 'new-window' | 'other';
  }

  interface WindowOpenHandlerResponse {
    action: 'allow' | 'deny';
  }

  interface PrintToPDFOptions {
    landscape?: boolean;
    printBackground?: boolean;
    scale?: number;
    /** 'A4', 'Letter', … or a size in inches (Electron's Size). */
    pageSize?: string | { width: number; height: number };
    preferCSSPageSize?: boolean;
  }

  class WebContents {
    readonly id: number;
    printToPDF(options: PrintToPDFOptions): Promise<Buffer>;
    on(event: 'will-navigate' | 'will-frame-navigate', listener: (details: Event<WebContentsWillNavigateEventParams>) => void): this;
    on(event: 'will-attach-webview', listener: (event: Event) => void): this;
    setWindowOpenHandler(handler: (details: HandlerDetails) => WindowOpenHandlerResponse): void;
  }

  interface IpcMainInvokeEvent extends Event {
    readonly sender: WebContents;
    readonly senderFrame: WebFrameMain | null;
    readonly processId: number;
    readonly frameId: number;
  }

  interface IpcMain {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
  }

  interface IpcRenderer {
    invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  }

  interface ContextBridge {
    exposeInMainWorld(apiKey: string, api: unknown): void;
  }

  interface Privileges {
    standard?: boolean;
    secure?: boolean;
    bypassCSP?: boolean;
    allowServiceWorkers?: boolean;
    supportFetchAPI?: boolean;
    corsEnabled?: boolean;
    stream?: boolean;
    codeCache?: boolean;
  }

  interface CustomScheme {
    scheme: string;
    privileges?: Privileges;
  }

  interface Protocol {
    registerSchemesAsPrivileged(customSchemes: CustomScheme[]): void;
    handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void;
  }

  interface PermissionRequest {
    isMainFrame: boolean;
    requestingUrl: string;
  }

  interface OnBeforeRequestListenerDetails {
    url: string;
  }

  interface WebRequest {
    onBeforeRequest(
      filter: { urls: string[] },
      listener: (details: OnBeforeRequestListenerDetails, callback: (response: { cancel?: boolean }) => void) => void,
    ): void;
  }

  /** electron.d.ts 45 `Certificate` (the members read here); `fingerprint` is Chromium's "sha256/<base64>". */
  interface Certificate {
    fingerprint: string;
    subjectName: string;
    issuerName: string;
    validStart: number;
    validExpiry: number;
  }

  /** electron.d.ts 45 calls this `Request` (the verify proc's argument); renamed here beside the Fetch API's Request. */
  interface CertificateVerifyProcRequest {
    hostname: string;
    certificate: Certificate;
    validatedCertificate: Certificate;
    isIssuedByKnownRoot: boolean;
    verificationResult: string;
    errorCode: number;
  }

  /** Permission names are a long union in Electron; the handlers here compare them with a short list, so a string suffices. */
  interface Session {
    readonly protocol: Protocol;
    readonly webRequest: WebRequest;
    setPermissionRequestHandler(
      handler: ((webContents: WebContents, permission: string, callback: (permissionGranted: boolean) => void, details: PermissionRequest) => void) | null,
    ): void;
    setPermissionCheckHandler(
      handler: ((webContents: WebContents | null, permission: string, requestingOrigin: string) => boolean) | null,
    ): void;
    setDevicePermissionHandler(handler: ((details: object) => boolean) | null): void;
    /** 0 accepts, -2 refuses, -3 keeps Chromium's verdict; the network service caches the verdicts. */
    setCertificateVerifyProc(proc: ((request: CertificateVerifyProcRequest, callback: (verificationResult: number) => void) => void) | null): void;
    closeAllConnections(): Promise<void>;
  }

  interface SessionModule {
    readonly defaultSession: Session;
  }

  interface Shell {
    openExternal(url: string): Promise<void>;
  }

  interface FileFilter {
    name: string;
    extensions: string[];
  }

  interface SaveDialogOptions {
    title?: string;
    defaultPath?: string;
    filters?: FileFilter[];
    properties?: Array<'showHiddenFiles' | 'createDirectory' | 'treatPackageAsDirectory' | 'showOverwriteConfirmation' | 'dontAddToRecent'>;
  }

  interface SaveDialogReturnValue {
    canceled: boolean;
    filePath: string;
  }

  interface OpenDialogOptions {
    title?: string;
    defaultPath?: string;
    filters?: FileFilter[];
    properties?: Array<'openFile' | 'openDirectory' | 'multiSelections' | 'showHiddenFiles' | 'createDirectory' | 'promptToCreate' | 'noResolveAliases' | 'treatPackageAsDirectory' | 'dontAddToRecent'>;
  }

  interface OpenDialogReturnValue {
    canceled: boolean;
    filePaths: string[];
  }

  interface Dialog {
    showSaveDialog(window: BrowserWindow, options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
    showSaveDialog(options: SaveDialogOptions): Promise<SaveDialogReturnValue>;
    showOpenDialog(window: BrowserWindow, options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
    showOpenDialog(options: OpenDialogOptions): Promise<OpenDialogReturnValue>;
  }

  type MenuItemRole =
    | 'undo' | 'redo' | 'cut' | 'copy' | 'paste' | 'pasteAndMatchStyle' | 'delete' | 'selectAll' | 'reload'
    | 'forceReload' | 'toggleDevTools' | 'resetZoom' | 'zoomIn' | 'zoomOut' | 'togglefullscreen' | 'window'
    | 'minimize' | 'close' | 'help' | 'about' | 'services' | 'hide' | 'hideOthers' | 'unhide' | 'quit' | 'appMenu'
    | 'fileMenu' | 'editMenu' | 'viewMenu' | 'windowMenu';

  interface MenuItemConstructorOptions {
    role?: MenuItemRole;
    type?: 'normal' | 'separator' | 'submenu' | 'checkbox' | 'radio';
    label?: string;
    accelerator?: string;
    submenu?: MenuItemConstructorOptions[];
  }

  class Menu {
    static buildFromTemplate(template: MenuItemConstructorOptions[]): Menu;
    static setApplicationMenu(menu: Menu | null): void;
    popup(): void;
  }

  const app: App;
  const ipcMain: IpcMain;
  const ipcRenderer: IpcRenderer;
  const contextBridge: ContextBridge;
  const protocol: Protocol;
  const session: SessionModule;
  const shell: Shell;
  const dialog: Dialog;

  // electron.d.ts 45: `getSelectedStorageBackend(): ('basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown')`;
  // the synchronous calls exist up to Electron 45 (46 replaced them with async ones).
  interface SafeStorage {
    isEncryptionAvailable(): boolean;
    encryptString(plainText: string): Buffer;
    decryptString(encrypted: Buffer): string;
    getSelectedStorageBackend(): 'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';
  }
  const safeStorage: SafeStorage;
}
