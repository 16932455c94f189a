/*
 * Restore = write a checked export folder into a NEW, empty database, then verify that database on its own
 * (row counts against the manifest, every attachment's SHA-256, the audit chain, the list index) before anyone
 * may swap it in. A failure at any step deletes the new database: there is never a half-restored ledger.
 */
import type { RepoStore } from '../../shared/backup/repo-store';
import { EXPORT_TABLES, type ExportTable } from '../../shared/backup/export-format';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { Invoice } from '../../shared/domain/invoice';
import { err, ok, type Result } from '../../shared/domain/result';
import { CHUNK_SIZE, entryOf } from '../../shared/search/list-chunk';
import type { LedgerDb, MetaRow } from './db';
import { sha256Hex } from './export-ledger';
import { appendListEntries } from './list-index';
import { readExportFolder, type RestoreError } from './restore-read';
import { carrySync, type CarriedSync, type CurrentSync } from './restore-sync';
import { toRow } from './rows';

/** Bytes read so far out of the total. */
export interface RestoreProgress {
  readonly doneBytes: number;
  readonly totalBytes: number;
}

/** Options of a restore: meta rows of this PC to keep, progress and cancel. */
export interface RestoreOptions {
  /** Rows that describe this PC (backup state) and are carried over from the current ledger. */
  readonly keepMeta?: readonly MetaRow[];
  /**
   * The current ledger's sync identity and outbox (restore-sync.ts), read as late as possible: just before the
   * outbox and meta rows are written. Absent: restored as if onto a PC that is not enrolled.
   */
  readonly currentSync?: () => Promise<CurrentSync>;
  readonly onProgress?: (p: RestoreProgress) => void;
  readonly signal?: AbortSignal;
}

/** What was restored, per table. */
export type RestoreCounts = Readonly<Record<ExportTable, number>>;

const BATCH = 2000;

type Rows = readonly Record<string, unknown>[];

async function putRows(db: LedgerDb, table: Exclude<ExportTable, 'invoices' | 'attachments'>, rows: readonly object[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) await db.table(table).bulkAdd(rows.slice(i, i + BATCH));
}

async function putInvoices(db: LedgerDb, rows: Rows): Promise<void> {
  const invoices = rows as unknown as readonly Invoice[];
  for (let start = 0, chunk = 0; start < invoices.length; start += CHUNK_SIZE, chunk++) {
    const slice = invoices.slice(start, start + CHUNK_SIZE);
    await db.transaction('rw', [db.invoices, db.listChunks, db.listRevs], async () => {
      await db.invoices.bulkAdd(slice.map((inv) => toRow(inv, chunk)));
      await appendListEntries(db, slice.map(entryOf), chunk);
    });
  }
}

/** Which invoices (by number) and cases (by title) hold each attachment, to name them when its bytes are damaged. */
function holders(invoices: Rows, cases: Rows): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (rows: Rows, name: string) => {
    for (const row of rows) {
      for (const sha of row.attachments as readonly string[]) {
        const list = map.get(sha) ?? [];
        list.push(row[name] as string);
        map.set(sha, list);
      }
    }
  };
  add(invoices, 'number');
  add(cases, 'title');
  return map;
}

/** Tables restored row for row (no derived data). */
const PLAIN_TABLES = ['audit', 'views', 'conflicts', 'cases', 'contacts', 'matches', 'mappings', 'runs', 'findings', 'imports', 'periodchecks'] as const;

/** Writes a checked export folder into `target` (a new, empty database) and verifies it. */
export async function restoreInto(
  reader: Pick<RepoStore, 'read'>, target: LedgerDb, options: RestoreOptions = {},
): Promise<Result<RestoreCounts, RestoreError>> {
  const read = await readExportFolder(reader);
  if (!read.ok) return read;
  const { manifest, rows } = read.value;
  const totalBytes = read.value.tableBytes + manifest.attachments.bytes;
  let doneBytes = read.value.tableBytes;
  options.onProgress?.({ doneBytes, totalBytes });
  const heldBy = holders(rows.invoices, rows.cases);
  let carried: CarriedSync = { meta: [], outbox: [] };
  try {
    for (const row of rows.attachments) {
      if (options.signal?.aborted) return err({ kind: 'cancelled' });
      const sha = row.sha256 as string;
      const bytes = await reader.read(`attachments/${sha}`);
      const damaged = { kind: 'attachment-damaged', sha256: sha, name: row.name as string, invoices: heldBy.get(sha) ?? [] } as const;
      if (!bytes || bytes.length !== row.size || (await sha256Hex(bytes)) !== sha) return err(damaged);
      await target.table('attachments').add({ ...row, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: row.type as string }) });
      doneBytes += bytes.length;
      options.onProgress?.({ doneBytes, totalBytes });
    }
    if (options.signal?.aborted) return err({ kind: 'cancelled' });
    await putInvoices(target, rows.invoices);
    for (const table of PLAIN_TABLES) await putRows(target, table, rows[table]);
    const current = (await options.currentSync?.()) ?? { meta: [], outbox: [] };
    carried = carrySync(current, { meta: rows.meta, outbox: rows.outbox });
    await putRows(target, 'outbox', carried.outbox);
    await putRows(target, 'meta', carried.meta);
    await target.meta.bulkPut([...(options.keepMeta ?? [])]);
  } catch (error) {
    return err({ kind: 'write-failed', message: error instanceof Error ? error.message : String(error) });
  }
  const counts = { ...Object.fromEntries(EXPORT_TABLES.map((t) => [t, rows[t].length])), outbox: carried.outbox.length, meta: carried.meta.length };
  return verifyRestored(target, counts as RestoreCounts, options.keepMeta?.length ?? 0);
}

/** Checks the restored database on its own: counts, audit chain, list index. */
async function verifyRestored(db: LedgerDb, expected: RestoreCounts, extraMeta: number): Promise<Result<RestoreCounts, RestoreError>> {
  for (const table of EXPORT_TABLES) {
    const want = expected[table] + (table === 'meta' ? extraMeta : 0);
    const actual = await db.table(table).count();
    if (actual !== want) return err({ kind: 'count-mismatch', table, expected: want, actual });
  }
  const chain = verifyChain(await db.audit.orderBy('seq').toArray());
  if (!chain.ok) return err({ kind: 'audit-chain', seq: chain.seq });
  const indexed = (await db.listRevs.toArray()).reduce((sum, r) => sum + r.count, 0);
  if (indexed !== expected.invoices) return err({ kind: 'count-mismatch', table: 'invoices', expected: expected.invoices, actual: indexed });
  return ok(expected);
}
