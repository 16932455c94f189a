// The only place that registers IPC handlers (eslint bans ipcMain.handle elsewhere): every call is checked for its
// sender and its payload before the implementation runs, and every outcome is a Result value (docs/architecture.md#trust-and-parsing-at-boundaries).
import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import {
  IPC_CHANNELS, IPC_SCHEMAS, type DesktopMethod, type IpcArgs, type IpcFailure, type IpcResult,
} from '../../shared/ipc';
import { isTrustedSender } from './origin-policy';

/** The main-process implementation of one DesktopApi method; it receives arguments that passed the schema. */
export type IpcImpl<M extends DesktopMethod> = (args: IpcArgs<M>, event: IpcMainInvokeEvent) => Promise<IpcResult<M>>;

/** What a refused or failed call answers; assignable to every method's reply by the DesktopApi contract. */
export type IpcFailureReply = { readonly ok: false; readonly error: IpcFailure };

/** Where refusals and bugs are reported; injectable for tests. */
export type IpcLog = (message: string, detail?: unknown) => void;

function refuse(kind: IpcFailure['kind'], message: string): IpcFailureReply {
  return { ok: false, error: { kind, message } };
}

const defaultLog: IpcLog = (message, detail) => {
  console.error(`[ipc] ${message}`, detail ?? '');
};

/** Builds the listener for `method` without registering it (tests call it with fake events). */
export function createIpcListener<M extends DesktopMethod>(
  method: M,
  impl: IpcImpl<M>,
  log: IpcLog = defaultLog,
): (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<IpcResult<M> | IpcFailureReply> {
  const schema = IPC_SCHEMAS[method].args;
  return async (event, ...args) => {
    if (!isTrustedSender(event.senderFrame)) {
      log(`${method}: refused a call from an untrusted frame`, event.senderFrame?.url);
      return refuse('bad-request', 'untrusted sender');
    }
    const parsed = args.length <= 1 ? schema.safeParse(args[0]) : undefined;
    if (parsed === undefined || !parsed.success) {
      log(`${method}: refused a malformed payload`, parsed?.error.issues);
      return refuse('bad-request', `invalid arguments for ${method}`);
    }
    try {
      return await impl(parsed.data, event);
    } catch (error) {
      // A bug in main: logged here with its stack, answered as a value because Electron would keep only the message.
      log(`${method}: implementation threw`, error);
      return refuse('internal', error instanceof Error ? error.message : String(error));
    }
  };
}

/** Registers `impl` on the method's channel from IPC_CHANNELS, behind the sender check and the argument schema. */
export function handle<M extends DesktopMethod>(method: M, impl: IpcImpl<M>, log?: IpcLog): void {
  ipcMain.handle(IPC_CHANNELS[method], createIpcListener(method, impl, log));
}
