import type { Result } from '../domain/result';
import type {
  AckedScanFile, AckScanFileArgs, AckScanFileError, AppInfo, ChooseScanFolderError, ChosenFolder, IpcFailure,
  OpenedFiles, OpenFilesArgs, OpenFilesError, SavedFile, SaveFileArgs, SaveFileError, ScanFolderPoll,
  ScanFolderStatus, StartScanFolderArgs, StartScanFolderError,
} from './schemas';
import type {
  BackupDone, BackupDrives, BackupFileArgs, BackupFolder, BackupListArgs, BackupListResult, BackupReadResult,
  BackupSizeResult, BackupStoreError, BackupWriteArgs, ChooseBackupFolderError, LocalSecretError, LocalSecretGetArgs,
  LocalSecretSetArgs, LocalSecretValue,
} from './backup-schemas';
import type {
  PinCertificateError, PinServerCertificateArgs, Pinned, ProbeCertificateError, ProbeServerCertificateArgs, ServerCertificate,
} from './server-cert-schemas';
import type { SavePdfArgs, SavePdfOutcome } from './pdf-schemas';

/** A desktop call's reply: expected failures are values (docs/architecture.md#expected-failures-are-values); every call may also answer with an IpcFailure. */
export type IpcReply<T, E = never> = Result<T, E | IpcFailure>;

/**
 * What the Electron preload exposes as `window.desktop`: the whole contract between renderer and main.
 * Each method is one `ipcRenderer.invoke` on the channel named in IPC_CHANNELS; nothing is thrown across IPC.
 */
export interface DesktopApi {
  /** Name, version and platform of the running app (no paths: the renderer sees only paths it chose in a dialog). */
  getAppInfo(): Promise<IpcReply<AppInfo>>;
  /** Asks the user where to save (OS dialog) and writes the bytes there atomically. */
  saveFile(args: SaveFileArgs): Promise<IpcReply<SavedFile, SaveFileError>>;
  /** Asks the user for one or more files (OS dialog) and returns their bytes. */
  openFiles(args: OpenFilesArgs): Promise<IpcReply<OpenedFiles, OpenFilesError>>;
  /** Asks the user for the scanner's output folder (OS dialog); only a folder chosen here can be watched. */
  chooseScanFolder(): Promise<IpcReply<ChosenFolder, ChooseScanFolderError>>;
  /** Watches a chosen folder for scanned invoices (replacing any other) and remembers it across restarts. */
  startScanFolder(args: StartScanFolderArgs): Promise<IpcReply<ScanFolderStatus, StartScanFolderError>>;
  /** Stops watching and forgets the folder; files stay where they are. */
  stopScanFolder(): Promise<IpcReply<ScanFolderStatus>>;
  /** Files that became ready since the last poll (a bounded batch; the rest come next time) and the watcher's state. */
  pollScanFolder(): Promise<IpcReply<ScanFolderPoll>>;
  /** Moves a polled file into `已导入` (captured) or `未能识别` (failed) inside the watched folder. */
  ackScanFile(args: AckScanFileArgs): Promise<IpcReply<AckedScanFile, AckScanFileError>>;
  /** Removable drives plugged in now, each with an opaque root for its backup folder (main then accepts that root). */
  listBackupDrives(): Promise<IpcReply<BackupDrives>>;
  /** Asks the clerk for a backup folder (OS dialog); main then accepts that folder. */
  chooseBackupFolder(): Promise<IpcReply<BackupFolder, ChooseBackupFolderError>>;
  /** The app's own folder for automatic local backups (inside userData), as the opaque root LOCAL_BACKUP_ROOT. */
  localBackupFolder(): Promise<IpcReply<BackupFolder>>;
  /** RepoStore.read inside an accepted backup folder. */
  backupRead(args: BackupFileArgs): Promise<IpcReply<BackupReadResult, BackupStoreError>>;
  /** RepoStore.writeAtomic: temp file, fsync, rename, fsync of the folder. */
  backupWrite(args: BackupWriteArgs): Promise<IpcReply<BackupDone, BackupStoreError>>;
  /** RepoStore.list. */
  backupList(args: BackupListArgs): Promise<IpcReply<BackupListResult, BackupStoreError>>;
  /** RepoStore.size. */
  backupSize(args: BackupFileArgs): Promise<IpcReply<BackupSizeResult, BackupStoreError>>;
  /** RepoStore.remove. */
  backupRemove(args: BackupFileArgs): Promise<IpcReply<BackupDone, BackupStoreError>>;
  /** A secret kept for this PC, encrypted by the OS (safeStorage); 'unavailable' when the OS offers no encryption. */
  getLocalSecret(args: LocalSecretGetArgs): Promise<IpcReply<LocalSecretValue, LocalSecretError>>;
  /** Keeps (or, with null, forgets) a secret for this PC, encrypted by the OS. */
  setLocalSecret(args: LocalSecretSetArgs): Promise<IpcReply<BackupDone, LocalSecretError>>;
  /** Connects to an https:// server without trusting it and answers the certificate it presents (for the admin to compare). */
  probeServerCertificate(args: ProbeServerCertificateArgs): Promise<IpcReply<ServerCertificate, ProbeCertificateError>>;
  /** Trusts a probed certificate for its server from now on (trust on first use); any other certificate there is refused. */
  pinServerCertificate(args: PinServerCertificateArgs): Promise<IpcReply<Pinned, PinCertificateError>>;
  /** Renders the calling page as an A4 PDF (its print styles, CSS page size), asks where to save it (OS dialog) and writes it. */
  savePdf(args: SavePdfArgs): Promise<IpcReply<SavePdfOutcome>>;
}

/** The renderer's view of `window`: `desktop` is present only inside Electron (renderer/platform reads it). */
export type DesktopWindow = { desktop?: DesktopApi };

/** A method name of the contract. */
export type DesktopMethod = keyof DesktopApi;

/** The argument a method takes (`undefined` for none). */
export type IpcArgs<M extends DesktopMethod> = Parameters<DesktopApi[M]> extends [infer A] ? A : undefined;

/** The reply each method resolves to. */
export type DesktopReplies = { [M in DesktopMethod]: Awaited<ReturnType<DesktopApi[M]>> };

/** The reply a method resolves to. */
export type IpcResult<M extends DesktopMethod> = DesktopReplies[M];
