/*
 * Reads and checks an export folder before anything is written: the manifest's format and version, every table
 * file against its SHA-256 and row count, every row against its schema, rows in strictly increasing primary-key
 * order (so no record can appear twice).
 */
import {
  EXPORT_FORMAT, EXPORT_PRIMARY_KEYS, EXPORT_TABLES, EXPORT_VERSION, OPTIONAL_EXPORT_TABLES, decodeNdjson, exportManifestSchema, tableFile,
  type ExportManifest, type ExportTable,
} from '../../shared/backup/export-format';
import type { RepoStore } from '../../shared/backup/repo-store';
import { err, ok, type Result } from '../../shared/domain/result';
import { sha256Hex } from './export-ledger';
import { ROW_SCHEMAS } from './restore-schemas';

/** Why a restore or import refused the data; nothing was swapped in. */
export type RestoreError =
  | { readonly kind: 'not-an-export' }
  | { readonly kind: 'newer-version'; readonly version: number }
  | { readonly kind: 'file-missing'; readonly path: string }
  | { readonly kind: 'file-damaged'; readonly path: string }
  | { readonly kind: 'bad-row'; readonly table: ExportTable; readonly line: number }
  | { readonly kind: 'count-mismatch'; readonly table: ExportTable; readonly expected: number; readonly actual: number }
  | { readonly kind: 'attachment-damaged'; readonly sha256: string; readonly name: string; readonly invoices: readonly string[] }
  | { readonly kind: 'audit-chain'; readonly seq: number }
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'write-failed'; readonly message: string };

/** A checked export folder: its manifest and every table's rows in primary-key order. */
export interface ExportContents {
  readonly manifest: ExportManifest;
  readonly rows: Readonly<Record<ExportTable, readonly Record<string, unknown>[]>>;
  /** Bytes of the table files, for progress. */
  readonly tableBytes: number;
}

function parseManifest(bytes: Uint8Array | null): Result<ExportManifest, RestoreError> {
  if (!bytes) return err({ kind: 'not-an-export' });
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return err({ kind: 'not-an-export' });
  }
  const format = (json as { format?: unknown } | null)?.format;
  const version = (json as { version?: unknown } | null)?.version;
  if (format === EXPORT_FORMAT && typeof version === 'number' && version > EXPORT_VERSION) return err({ kind: 'newer-version', version });
  const parsed = exportManifestSchema.safeParse(json);
  return parsed.success ? ok(parsed.data) : err({ kind: 'not-an-export' });
}

function inOrder(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a < b;
  if (typeof a === 'string' && typeof b === 'string') return a < b;
  return false;
}

async function readTable(
  reader: Pick<RepoStore, 'read'>, manifest: ExportManifest, table: ExportTable,
): Promise<Result<{ rows: Record<string, unknown>[]; bytes: number }, RestoreError>> {
  const entry = manifest.tables[table];
  const path = entry?.file ?? tableFile(table);
  if (!entry && OPTIONAL_EXPORT_TABLES.includes(table)) return ok({ rows: [], bytes: 0 });
  if (!entry) return err({ kind: 'file-missing', path });
  const bytes = await reader.read(path);
  if (!bytes) return err({ kind: 'file-missing', path });
  if ((await sha256Hex(bytes)) !== entry.sha256) return err({ kind: 'file-damaged', path });
  const decoded = decodeNdjson(new TextDecoder().decode(bytes));
  if (!decoded.ok) return err({ kind: 'bad-row', table, line: decoded.line });
  if (decoded.rows.length !== entry.rows) return err({ kind: 'count-mismatch', table, expected: entry.rows, actual: decoded.rows.length });
  const key = EXPORT_PRIMARY_KEYS[table];
  const rows: Record<string, unknown>[] = [];
  for (let i = 0; i < decoded.rows.length; i++) {
    const parsed = ROW_SCHEMAS[table].safeParse(decoded.rows[i]);
    if (!parsed.success) return err({ kind: 'bad-row', table, line: i + 1 });
    const prev = rows.at(-1);
    if (prev && !inOrder(prev[key], parsed.data[key])) return err({ kind: 'bad-row', table, line: i + 1 });
    rows.push(parsed.data);
  }
  return ok({ rows, bytes: bytes.length });
}

/** Reads and checks the manifest and every table of an export folder. */
export async function readExportFolder(reader: Pick<RepoStore, 'read'>): Promise<Result<ExportContents, RestoreError>> {
  const manifest = parseManifest(await reader.read('manifest.json'));
  if (!manifest.ok) return manifest;
  const rows = {} as Record<ExportTable, readonly Record<string, unknown>[]>;
  let tableBytes = 0;
  for (const table of EXPORT_TABLES) {
    const read = await readTable(reader, manifest.value, table);
    if (!read.ok) return read;
    rows[table] = read.value.rows;
    tableBytes += read.value.bytes;
  }
  const attachments = rows.attachments.length;
  if (attachments !== manifest.value.attachments.count) {
    return err({ kind: 'count-mismatch', table: 'attachments', expected: manifest.value.attachments.count, actual: attachments });
  }
  return ok({ manifest: manifest.value, rows, tableBytes });
}
