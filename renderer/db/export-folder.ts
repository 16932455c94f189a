/*
 * "导出全部数据": writes the ledger as the plain export folder. Attachments first, then the tables, the manifest
 * last, each file atomically. The manifest holds every table's SHA-256, so an export cut short (stick pulled out)
 * is refused by the importer instead of being read half.
 */
import type { RepoStore } from '../../shared/backup/repo-store';
import type { ExportManifest } from '../../shared/backup/export-format';
import { err, ok, type Result } from '../../shared/domain/result';
import type { LedgerDb } from './db';
import { exportManifest, manifestBytes, snapshotLedger } from './export-ledger';

/** Why an export stopped. */
export type ExportError =
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'write-failed'; readonly path: string; readonly message: string };

/** Bytes written so far out of the total. */
export interface ExportProgress {
  readonly doneBytes: number;
  readonly totalBytes: number;
}

/** Options of an export: the clock and app version for the manifest, progress and cancel. */
export interface ExportOptions {
  readonly createdAt: string;
  readonly app: string;
  readonly onProgress?: (p: ExportProgress) => void;
  readonly signal?: AbortSignal;
}

/** Writes the whole ledger into `target` as an export folder. */
export async function writeExportFolder(
  db: LedgerDb,
  target: Pick<RepoStore, 'writeAtomic' | 'size'>,
  options: ExportOptions,
): Promise<Result<ExportManifest, ExportError>> {
  const snapshot = await snapshotLedger(db);
  const manifest = await exportManifest(snapshot, options.createdAt, options.app);
  const meta = manifestBytes(manifest);
  const totalBytes = snapshot.attachments.reduce((s, a) => s + a.size, 0)
    + snapshot.tables.reduce((s, t) => s + t.bytes.length, 0) + meta.length;
  let doneBytes = 0;
  const write = async (path: string, bytes: Uint8Array): Promise<ExportError | null> => {
    if (options.signal?.aborted) return { kind: 'cancelled' };
    try {
      await target.writeAtomic(path, bytes);
    } catch (error) {
      return { kind: 'write-failed', path, message: error instanceof Error ? error.message : String(error) };
    }
    doneBytes += bytes.length;
    options.onProgress?.({ doneBytes, totalBytes });
    return null;
  };
  for (const a of snapshot.attachments) {
    const path = `attachments/${a.sha256}`;
    // Named by content: a file already there with the right size came from an earlier export of the same bytes.
    if ((await target.size(path)) === a.size) {
      doneBytes += a.size;
      continue;
    }
    const failed = await write(path, new Uint8Array(await a.blob.arrayBuffer()));
    if (failed) return err(failed);
  }
  for (const t of snapshot.tables) {
    const failed = await write(manifest.tables[t.table]?.file ?? `${t.table}.ndjson`, t.bytes);
    if (failed) return err(failed);
  }
  const failed = await write('manifest.json', meta);
  return failed ? err(failed) : ok(manifest);
}
