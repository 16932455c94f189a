/*
 * RepoStore over the desktop shell: every operation is one IPC call into main, which writes with temp file + fsync +
 * rename and only inside a folder it handed out (electron/main/backup-service.ts). Failures become thrown Errors here
 * because RepoStore reports them that way; the backup format turns them into its 'io' result.
 */
import type { RepoStore } from '../../shared/backup/repo-store';
import type { DesktopApi } from '../../shared/ipc';

/** A store operation the desktop shell refused or could not do; `kind` says why (e.g. 'no-space', 'gone'). */
export class DesktopStoreError extends Error {
  constructor(readonly kind: string, message: string) {
    super(message);
    this.name = 'DesktopStoreError';
  }
}

type Reply<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: { readonly kind: string; readonly message: string } };

function unwrap<T>(reply: Reply<T>): T {
  if (!reply.ok) throw new DesktopStoreError(reply.error.kind, reply.error.message);
  return reply.value;
}

/** A RepoStore for the backup folder `root` (a path main handed out). */
export function desktopStore(api: DesktopApi, root: string): RepoStore {
  return {
    read: async (path) => unwrap(await api.backupRead({ root, path })).data,
    writeAtomic: async (path, data) => { unwrap(await api.backupWrite({ root, path, data: data as Uint8Array<ArrayBuffer> })); },
    list: async (dir) => unwrap(await api.backupList({ root, dir })).names,
    size: async (path) => unwrap(await api.backupSize({ root, path })).size,
    remove: async (path) => { unwrap(await api.backupRemove({ root, path })); },
  };
}
