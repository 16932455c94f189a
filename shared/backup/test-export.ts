/** A small in-memory export folder (ExportSource and ExportSink at once) for tests of the backup format. */
import { utf8 } from './bytes';
import { EXPORT_FORMAT, encodeNdjson, type ExportManifest } from './export-format';
import type { ExportSink, ExportSource } from './types';
import { sha256 } from './web-crypto';
import { toHex } from './bytes';

/** An export folder held in a Map of relative path → bytes. */
export class MemoryExport implements ExportSource, ExportSink {
  readonly files = new Map<string, Uint8Array>();

  readManifest(): Promise<Uint8Array | null> {
    return Promise.resolve(this.files.get('manifest.json') ?? null);
  }
  readTable(file: string): Promise<Uint8Array | null> {
    return Promise.resolve(this.files.get(file) ?? null);
  }
  listAttachments(): Promise<string[]> {
    return Promise.resolve([...this.files.keys()].filter((p) => p.startsWith('attachments/')).map((p) => p.slice(12)));
  }
  readAttachment(sha256Name: string): Promise<Uint8Array | null> {
    return Promise.resolve(this.files.get(`attachments/${sha256Name}`) ?? null);
  }
  writeTable(file: string, bytes: Uint8Array): Promise<void> {
    this.files.set(file, bytes);
    return Promise.resolve();
  }
  writeAttachment(sha256Name: string, bytes: Uint8Array): Promise<void> {
    this.files.set(`attachments/${sha256Name}`, bytes);
    return Promise.resolve();
  }
  writeManifest(bytes: Uint8Array): Promise<void> {
    this.files.set('manifest.json', bytes);
    return Promise.resolve();
  }
}

/** Builds an export of `invoices` rows (plus matching audit rows) and the given attachments. */
export async function memoryExport(
  invoices: readonly Record<string, unknown>[],
  attachments: readonly Uint8Array[],
  history: { readonly created: readonly Record<string, unknown>[]; readonly edits: readonly Record<string, unknown>[] } = { created: invoices, edits: [] },
): Promise<MemoryExport> {
  const out = new MemoryExport();
  const tables: ExportManifest['tables'] = {};
  // Like the app's audit chain: one row per invoice when it was created, then one appended per later edit.
  const { created, edits } = history;
  const audit = [...created.map((row, i) => ({ seq: i + 1, action: 'create', entityId: row['id'], after: row })),
    ...edits.map((row, i) => ({ seq: created.length + i + 1, action: 'update', entityId: row['id'], after: row }))];
  const attachmentRows: Record<string, unknown>[] = [];
  let attachmentBytes = 0;
  for (const bytes of attachments) {
    const name = toHex(await sha256(bytes));
    out.files.set(`attachments/${name}`, bytes);
    attachmentRows.push({ sha256: name, name: `${name.slice(0, 8)}.jpg`, size: bytes.length });
    attachmentBytes += bytes.length;
  }
  for (const [table, rows] of [['invoices', invoices], ['audit', audit], ['attachments', attachmentRows]] as const) {
    const bytes = utf8(encodeNdjson(rows));
    out.files.set(`${table}.ndjson`, bytes);
    tables[table] = { file: `${table}.ndjson`, rows: rows.length, sha256: toHex(await sha256(bytes)) };
  }
  const manifest: ExportManifest = { format: EXPORT_FORMAT, version: 1, createdAt: '2026-11-27T00:00:00.000Z', app: 'test', tables, attachments: { count: attachments.length, bytes: attachmentBytes } };
  out.files.set('manifest.json', utf8(JSON.stringify(manifest, null, 2)));
  return out;
}
