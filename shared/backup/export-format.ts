/**
 * The plain ledger export ("导出全部数据", issue #5): a folder that the app writes and reads, and that
 * `npm run backup -- create --from EXPORT_DIR` encrypts.
 *
 *   manifest.json           ExportManifest (below)
 *   <table>.ndjson          one JSON object per line, one line per row, sorted by primary key
 *   attachments/<sha256>    original file bytes, named by their SHA-256 (lowercase hex)
 *
 * Tables are the ledger's durable data. The list index (listChunks, listRevs) is derived and rebuilt on import,
 * so it is not exported. Attachment rows (name, type, size, addedAt) are in attachments.ndjson; their bytes are
 * the files under attachments/. conflicts.ndjson (server conflicts awaiting review) came later: an export
 * without it reads as having none. syncedBlobs (which blobs the server holds) is a cache, not exported. The
 * reconciliation and case records (issue #11: cases, contacts, matches, mappings, runs, findings, imports) came
 * later too, with the same rule; a case's evidence files are attachments like an invoice's originals. So did the
 * saved month-end checks (periodchecks, issue #14): the evidence a month was closed, which a standalone PC must not
 * lose with its disk.
 */
import { z } from 'zod';

/** Format tag and version of an export folder's manifest. */
export const EXPORT_FORMAT = 'fapiao-desk-export';
export const EXPORT_VERSION = 1;

/** Exported tables, in the order they are written and restored. */
export const EXPORT_TABLES = [
  'invoices', 'audit', 'outbox', 'attachments', 'views', 'meta', 'conflicts',
  'cases', 'contacts', 'matches', 'mappings', 'runs', 'findings', 'imports', 'periodchecks',
] as const;
export type ExportTable = (typeof EXPORT_TABLES)[number];

/** Primary key of each exported table (rows are sorted by it; backup buckets hash it). */
export const EXPORT_PRIMARY_KEYS: Readonly<Record<ExportTable, string>> = {
  invoices: 'id',
  audit: 'seq',
  outbox: 'mutationId',
  attachments: 'sha256',
  views: 'id',
  meta: 'key',
  conflicts: 'id',
  cases: 'id',
  contacts: 'id',
  matches: 'id',
  mappings: 'id',
  runs: 'id',
  findings: 'id',
  imports: 'id',
  periodchecks: 'id',
};

/** Tables whose rows are only ever appended (the audit chain): backed up in larger buckets (APPEND_ONLY_BUCKET_ROWS). */
export const APPEND_ONLY_EXPORT_TABLES: readonly ExportTable[] = ['audit'];

/** Tables added after version 1 of the format: an export without one reads as an empty table. */
export const OPTIONAL_EXPORT_TABLES: readonly ExportTable[] = [
  'conflicts', 'cases', 'contacts', 'matches', 'mappings', 'runs', 'findings', 'imports', 'periodchecks',
];

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

/** manifest.json of an export folder. */
export const exportManifestSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().min(1),
  createdAt: z.string(),
  /** The app version that wrote it. */
  app: z.string(),
  tables: z.record(
    z.string(),
    z.object({ file: z.string().regex(/^[a-z]+\.ndjson$/), rows: z.number().int().min(0), sha256: sha256Hex }),
  ),
  attachments: z.object({ count: z.number().int().min(0), bytes: z.number().int().min(0) }),
});
export type ExportManifest = z.infer<typeof exportManifestSchema>;

/** The file name of an exported table. */
export function tableFile(table: ExportTable): string {
  return `${table}.ndjson`;
}

/** Encodes rows as NDJSON (one object per line, trailing newline). Blob fields must be removed first. */
export function encodeNdjson(rows: readonly unknown[]): string {
  let out = '';
  for (const row of rows) out += JSON.stringify(row) + '\n';
  return out;
}

/** Decodes NDJSON; a line that is not a JSON object is an error naming its line number. */
export function decodeNdjson(text: string): { ok: true; rows: unknown[] } | { ok: false; line: number } {
  const rows: unknown[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    try {
      const row: unknown = JSON.parse(line);
      if (typeof row !== 'object' || row === null || Array.isArray(row)) return { ok: false, line: i + 1 };
      rows.push(row);
    } catch {
      return { ok: false, line: i + 1 };
    }
  }
  return { ok: true, rows };
}
