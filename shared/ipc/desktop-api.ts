import type { Result } from '../domain/result';
import type {
  AppInfo, IpcFailure, OpenedFiles, OpenFilesArgs, OpenFilesError, SavedFile, SaveFileArgs, SaveFileError,
} from './schemas';

/** A desktop call's reply: expected failures are values (CONVENTIONS §12); every call may also answer with an IpcFailure. */
export type IpcReply<T, E = never> = Result<T, E | IpcFailure>;

/**
 * What the Electron preload exposes as `window.desktop`: the whole contract between renderer and main.
 * Each method is one `ipcRenderer.invoke` on the channel named in IPC_CHANNELS; nothing is thrown across IPC.
 */
export interface DesktopApi {
  /** Name, version and paths of the running app. */
  getAppInfo(): Promise<IpcReply<AppInfo>>;
  /** Asks the user where to save (OS dialog) and writes the bytes there atomically. */
  saveFile(args: SaveFileArgs): Promise<IpcReply<SavedFile, SaveFileError>>;
  /** Asks the user for one or more files (OS dialog) and returns their bytes. */
  openFiles(args: OpenFilesArgs): Promise<IpcReply<OpenedFiles, OpenFilesError>>;
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
