/*
 * Reads the ledger's durable data as the plain export folder's files (shared/backup/export-format.ts). Every
 * table is read in ONE read transaction, so a save made meanwhile is either wholly in the export or not at all.
 * Output is deterministic: rows in primary-key order, object keys sorted, so the same ledger gives the same bytes.
 */
import {
  EXPORT_FORMAT, EXPORT_TABLES, EXPORT_VERSION, tableFile, type ExportManifest, type ExportTable,
} from '../../shared/backup/export-format';
import type { LedgerDb, MetaRow } from './db';
import { fromRow } from './rows';

/** Meta keys that describe this PC's backups, not the ledger: never exported, kept across a restore. */
export const LOCAL_META_PREFIX = 'backup.';

/** True for meta rows that belong to this PC rather than to the ledger. */
export function isLocalMeta(row: Pick<MetaRow, 'key'>): boolean {
  return row.key.startsWith(LOCAL_META_PREFIX);
}

/** One exported table: its NDJSON bytes and row count. */
export interface ExportedTable {
  readonly table: ExportTable;
  readonly bytes: Uint8Array;
  readonly rows: number;
}

/** An attachment to export: its row's hash and size, and the stored bytes. */
export interface ExportedAttachment {
  readonly sha256: string;
  readonly size: number;
  readonly blob: Blob;
}

/** A consistent read of the whole ledger, ready to write as an export folder or to back up. */
export interface LedgerSnapshot {
  readonly tables: readonly ExportedTable[];
  /** Sorted by sha256. */
  readonly attachments: readonly ExportedAttachment[];
}

/** Copies a JSON value with object keys in sorted order (arrays keep theirs). */
export function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    const v = record[key];
    if (v !== undefined) out[key] = sortKeys(v);
  }
  return out;
}

/**
 * The device token is a password for the office server: an export may sit unencrypted on a USB stick, and a
 * restore never uses a backup's token anyway (restore-sync.ts), so it is left out.
 */
function withoutSecrets(row: MetaRow): MetaRow {
  if (row.key !== 'sync.settings' || typeof row.value !== 'object' || row.value === null) return row;
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { token, ...rest } = row.value as Record<string, unknown>;
  return { key: row.key, value: rest };
}

function exportRow(table: ExportTable, row: object): object | null {
  switch (table) {
    case 'invoices': return fromRow(row as Parameters<typeof fromRow>[0]);
    case 'attachments': {
      // The bytes go to attachments/<sha256>; the row keeps the rest.
      // eslint-disable-next-line @typescript-eslint/no-unused-vars
      const { blob, ...rest } = row as { blob: Blob };
      return rest;
    }
    case 'meta': return isLocalMeta(row as MetaRow) ? null : withoutSecrets(row as MetaRow);
    default: return row;
  }
}

/** Reads every exported table and the attachment handles in one transaction. */
export async function snapshotLedger(db: LedgerDb): Promise<LedgerSnapshot> {
  const texts = new Map<ExportTable, { parts: string[]; rows: number }>();
  const attachments: ExportedAttachment[] = [];
  const tables = EXPORT_TABLES.map((t) => db.table(t));
  await db.transaction('r', tables, async () => {
    for (const table of EXPORT_TABLES) {
      const out = { parts: [] as string[], rows: 0 };
      texts.set(table, out);
      // Table.each walks the primary key in order: rows come sorted as the format requires.
      await db.table(table).each((row: object) => {
        if (table === 'attachments') {
          const a = row as { sha256: string; size: number; blob: Blob };
          attachments.push({ sha256: a.sha256, size: a.size, blob: a.blob });
        }
        const exported = exportRow(table, row);
        if (exported === null) return;
        out.parts.push(JSON.stringify(sortKeys(exported)), '\n');
        out.rows++;
      });
    }
  });
  const encoder = new TextEncoder();
  return {
    tables: EXPORT_TABLES.map((table) => {
      const t = texts.get(table) ?? { parts: [], rows: 0 };
      return { table, bytes: encoder.encode(t.parts.join('')), rows: t.rows };
    }),
    attachments,
  };
}

/** Lowercase hex SHA-256 (WebCrypto). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

/** The manifest of an export folder for a snapshot. */
export async function exportManifest(snapshot: LedgerSnapshot, createdAt: string, app: string): Promise<ExportManifest> {
  const tables: ExportManifest['tables'] = {};
  for (const t of snapshot.tables) tables[t.table] = { file: tableFile(t.table), rows: t.rows, sha256: await sha256Hex(t.bytes) };
  const bytes = snapshot.attachments.reduce((sum, a) => sum + a.size, 0);
  return { format: EXPORT_FORMAT, version: EXPORT_VERSION, createdAt, app, tables, attachments: { count: snapshot.attachments.length, bytes } };
}

/** manifest.json's bytes (keys sorted, trailing newline). */
export function manifestBytes(manifest: ExportManifest): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(sortKeys(manifest), null, 2) + '\n');
}
