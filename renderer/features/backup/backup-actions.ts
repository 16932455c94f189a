/*
 * What the backup page does, as functions over a target's RepoStore: open or create the repository, back up the
 * ledger (a consistent snapshot straight from IndexedDB, no export folder on disk), list, verify, restore through the
 * ledger's verify-then-swap, prune. Expected failures come back as values naming where they came from.
 */
import {
  changePassword, createSnapshot, hasRecoveryKey, initRepository, newRecoveryKey, setRecoveryKey, listSnapshots, openRepository, pruneSnapshots, restoreSnapshot, verifyRepository,
  type BackupError, type BackupProgress, type Repository, type SnapshotInfo, type VerifyLevel, type VerifyReport,
} from '../../../shared/backup';
import type { RepoStore } from '../../../shared/backup/repo-store';
import { err, ok, type Result } from '../../../shared/domain/result';
import { BlobFolder, exportManifest, ledgerBackup, manifestBytes, snapshotExportSource, type SwapError } from '../../db';

/** A failure of the format (repository, snapshot, verify) or of the ledger restore. */
export type BackupFailure =
  | { readonly from: 'format'; readonly error: BackupError }
  | { readonly from: 'ledger'; readonly error: SwapError };

/** Progress of any long step: bytes done of total. */
export interface Progress {
  readonly done: number;
  readonly total: number;
}

/** Progress callback and cancel of a long step. */
export interface Run {
  readonly onProgress?: (p: Progress) => void;
  readonly signal?: AbortSignal;
}

const formatFailure = (error: BackupError): BackupFailure => ({ from: 'format', error });
const fromFormat = (run: Run) => ({
  ...(run.signal ? { signal: run.signal } : {}),
  onProgress: (p: BackupProgress) => run.onProgress?.({ done: p.bytesDone, total: p.bytesTotal }),
});

/** Whether the folder already holds a backup repository (then it asks for the password instead of setting one). */
export async function isRepository(store: RepoStore): Promise<boolean> {
  return (await store.size('repo.hdr')) !== null;
}

/**
 * Opens a repository with its password or recovery key, or creates one in an empty folder with a new password
 * (and, when given, a recovery key that opens it too).
 */
export async function unlock(store: RepoStore, secret: string, create: boolean, recoveryKey: string | null = null): Promise<Result<Repository, BackupFailure>> {
  const r = create ? await initRepository(store, secret, recoveryKey === null ? {} : { recoveryKey }) : await openRepository(store, secret);
  return r.ok ? r : err(formatFailure(r.error));
}

/** Whether the repository at this store has a recovery key. */
export async function recoveryKeyStatus(store: RepoStore): Promise<Result<boolean, BackupFailure>> {
  const r = await hasRecoveryKey(store);
  return r.ok ? r : err(formatFailure(r.error));
}

/** Makes a new recovery key for the repository (opened with `secret`); any old key stops working. Returns the key. */
export async function replaceRecoveryKey(store: RepoStore, secret: string): Promise<Result<string, BackupFailure>> {
  const key = newRecoveryKey();
  const r = await setRecoveryKey(store, secret, key);
  return r.ok ? ok(key) : err(formatFailure(r.error));
}

/** Replaces the password (after the recovery key opened the repository); the recovery key keeps working. */
export async function resetPassword(store: RepoStore, secret: string, newPassword: string): Promise<Result<void, BackupFailure>> {
  const r = await changePassword(store, secret, newPassword);
  return r.ok ? r : err(formatFailure(r.error));
}

/** Backs the ledger up as a new snapshot (only changes are written) and reads it back. */
export async function backUp(repo: Repository, run: Run = {}): Promise<Result<SnapshotInfo, BackupFailure>> {
  const snapshot = await ledgerBackup.snapshot();
  const manifest = await exportManifest(snapshot, new Date().toISOString(), import.meta.env.VITE_APP_VERSION ?? '');
  const source = snapshotExportSource(snapshot, manifestBytes(manifest));
  const r = await createSnapshot(repo, source, { ...fromFormat(run), verifyAfterWrite: true });
  return r.ok ? r : err(formatFailure(r.error));
}

/** The readable snapshots, newest first. */
export async function snapshots(repo: Repository): Promise<Result<SnapshotInfo[], BackupFailure>> {
  const r = await listSnapshots(repo);
  return r.ok ? ok([...r.value.snapshots].reverse()) : err(formatFailure(r.error));
}

/** Verifies without restoring; level 0 needs no password, levels 1–2 the password or the repository already open. */
export async function verify(store: RepoStore, level: VerifyLevel, password: string | null, run: Run = {}, repo: Repository | null = null): Promise<Result<VerifyReport, BackupFailure>> {
  const r = await verifyRepository(store, { level, ...(password !== null ? { password } : {}), ...(repo !== null ? { repository: repo } : {}), ...fromFormat(run) });
  return r.ok ? r : err(formatFailure(r.error));
}

/**
 * Restores a snapshot: the format writes the export folder into memory (Blobs), the ledger imports it into a new
 * database, verifies it and swaps it in. The caller reloads the app afterwards.
 */
export async function restore(repo: Repository, snapshotId: string, run: Run = {}): Promise<Result<null, BackupFailure>> {
  const folder = new BlobFolder();
  const r = await restoreSnapshot(repo, snapshotId, folder, fromFormat(run));
  if (!r.ok) return err(formatFailure(r.error));
  return importFolder(folder, run);
}

/** Imports a plain export folder ("导入") through the same verify-then-swap path as a restore. */
export async function importFolder(folder: Pick<RepoStore, 'read'>, run: Run = {}): Promise<Result<null, BackupFailure>> {
  const r = await ledgerBackup.restoreFrom(folder, {
    ...(run.signal ? { signal: run.signal } : {}),
    onProgress: (p) => run.onProgress?.({ done: p.doneBytes, total: p.totalBytes }),
  });
  return r.ok ? ok(null) : err({ from: 'ledger', error: r.error });
}

/** Applies the retention policy of automatic backups. */
export async function prune(repo: Repository, keepDaily: number, keepWeekly: number): Promise<Result<number, BackupFailure>> {
  const r = await pruneSnapshots(repo, { keepDaily, keepWeekly });
  return r.ok ? ok(r.value.removedSnapshots.length) : err(formatFailure(r.error));
}
