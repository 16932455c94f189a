/*
 * Demo data in the plain export format, for `backup demo`, benchmarks and trying the app: N invoices from
 * shared/demo with a chained audit entry each, and M fake scans (100 KB–2 MB, a real JPEG header and end
 * marker around pseudo-random bytes, so they neither compress nor dedup, like real photos). Rows are written
 * as the app writes them: sorted by primary key, object keys sorted. Deterministic for a seed.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chainEntry, type AuditEntry } from '../../shared/audit/audit-chain';
import { EXPORT_FORMAT, EXPORT_VERSION, EXPORT_TABLES, encodeNdjson, tableFile, type ExportManifest, type ExportTable } from '../../shared/backup/export-format';
import { demoInvoiceContent, demoParty, demoSellers } from '../../shared/demo/demo-invoices';
import { seededRng, type Rng } from '../../shared/demo/random';
import { uuidv7 } from '../../shared/domain/ids';
import type { Invoice, InvoiceId } from '../../shared/domain/invoice';

/** What to generate. */
export interface DemoOptions {
  readonly invoices: number;
  readonly attachments: number;
  readonly seed?: number;
}

const START_MS = Date.UTC(2026, 0, 5, 1, 0, 0);
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x01, 0x00, 0x48, 0x00, 0x48, 0x00, 0x00];

/** Copies a JSON value with object keys sorted, as the app's export does. */
function sortKeys(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(sortKeys);
  const record = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) if (record[key] !== undefined) out[key] = sortKeys(record[key]);
  return out;
}

/** A fake scan of `size` bytes: JPEG markers around xorshift noise. */
export function fakeScan(size: number, seed: number): Uint8Array {
  const words = new Uint32Array(Math.ceil(size / 4));
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  const bytes = new Uint8Array(words.buffer, 0, size);
  bytes.set(JPEG_HEAD, 0);
  bytes.set([0xff, 0xd9], size - 2);
  return bytes;
}

const sha256Hex = (bytes: Uint8Array | string): string => createHash('sha256').update(bytes).digest('hex');

function randomBytes16(rng: Rng): Uint8Array {
  return Uint8Array.from({ length: 16 }, () => rng.int(0, 255));
}

async function writeTable(dir: string, table: ExportTable, rows: readonly unknown[], tables: ExportManifest['tables']): Promise<void> {
  const text = encodeNdjson(rows.map(sortKeys));
  await writeFile(join(dir, tableFile(table)), text);
  tables[table] = { file: tableFile(table), rows: rows.length, sha256: sha256Hex(text) };
}

/** Writes a demo export folder; returns its total bytes. */
export async function writeDemoExport(dir: string, options: DemoOptions): Promise<{ bytes: number }> {
  const rng = seededRng(options.seed ?? 20261127);
  await mkdir(join(dir, 'attachments'), { recursive: true });
  const attachmentRows: { sha256: string; name: string; type: string; size: number; addedAt: string }[] = [];
  let attachmentBytes = 0;
  for (let i = 0; i < options.attachments; i++) {
    const size = rng.int(100_000, 2_000_000);
    const bytes = fakeScan(size, i + 1);
    const sha = sha256Hex(bytes);
    await writeFile(join(dir, 'attachments', sha), bytes);
    attachmentRows.push({ sha256: sha, name: `扫描件-${String(i + 1).padStart(5, '0')}.jpg`, type: 'image/jpeg', size, addedAt: new Date(START_MS + i * 60_000).toISOString() });
    attachmentBytes += size;
  }
  const sellers = demoSellers(rng, 200);
  const buyer = demoParty(rng);
  const invoices: Invoice[] = [];
  const audit: AuditEntry[] = [];
  for (let i = 0; i < options.invoices; i++) {
    const at = START_MS + i * 90_000;
    const when = new Date(at).toISOString();
    const content = demoInvoiceContent(rng, i + 1, sellers, buyer, '2026-11-27');
    const attachment = attachmentRows[i];
    const invoice: Invoice = {
      ...content,
      id: uuidv7(at, randomBytes16(rng)) as InvoiceId,
      status: 'entered',
      statusHistory: [],
      tags: [],
      attachments: attachment ? [attachment.sha256] : [],
      source: 'manual',
      fieldSources: {},
      warnings: [],
      createdBy: '会计甲',
      createdAt: when,
      updatedBy: '会计甲',
      updatedAt: when,
      version: 0,
      deleted: false,
      deletedAt: null,
    };
    invoices.push(invoice);
    audit.push(chainEntry({ at: when, user: '会计甲', action: 'create', entity: 'invoice', entityId: invoice.id, before: null, after: invoice }, audit.at(-1)));
  }
  const tables: ExportManifest['tables'] = {};
  // Tables not listed (cases, runs, … of issue #11) are written empty.
  const rowsOf: Partial<Record<ExportTable, readonly unknown[]>> = {
    invoices: [...invoices].sort((a, b) => (a.id < b.id ? -1 : 1)),
    audit,
    outbox: [],
    attachments: [...attachmentRows].sort((a, b) => (a.sha256 < b.sha256 ? -1 : 1)),
    views: [],
    meta: [{ key: 'ledger.name', value: '演示台账' }],
    conflicts: [],
  };
  for (const table of EXPORT_TABLES) await writeTable(dir, table, rowsOf[table] ?? [], tables);
  await writeManifest(dir, tables, { count: attachmentRows.length, bytes: attachmentBytes });
  let bytes = attachmentBytes;
  for (const t of Object.values(tables)) bytes += (await readFile(join(dir, t.file))).length;
  return { bytes };
}

async function writeManifest(dir: string, tables: ExportManifest['tables'], attachments: ExportManifest['attachments']): Promise<void> {
  const manifest: ExportManifest = { format: EXPORT_FORMAT, version: EXPORT_VERSION, createdAt: new Date(START_MS).toISOString(), app: 'fapiao-desk demo', tables, attachments };
  await writeFile(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
}

/** Edits `count` invoices of a demo export as a clerk would: status → verified, with one audit entry each. */
export async function editDemoExport(dir: string, count: number, seed = 7): Promise<void> {
  const rng = seededRng(seed);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as ExportManifest;
  const invoices = (await readFile(join(dir, 'invoices.ndjson'), 'utf8')).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Invoice);
  const audit = (await readFile(join(dir, 'audit.ndjson'), 'utf8')).split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as AuditEntry);
  const at = new Date(START_MS + 400 * 86_400_000).toISOString();
  for (let n = 0; n < count; n++) {
    const i = rng.int(0, invoices.length - 1);
    const before = invoices[i];
    if (!before) continue;
    const after: Invoice = { ...before, status: 'verified', statusHistory: [...before.statusHistory, { at, by: '会计乙', from: before.status, to: 'verified', reason: '' }], updatedBy: '会计乙', updatedAt: at };
    invoices[i] = after;
    audit.push(chainEntry({ at, user: '会计乙', action: 'status', entity: 'invoice', entityId: after.id, before, after }, audit.at(-1)));
  }
  const tables = { ...manifest.tables };
  await writeTable(dir, 'invoices', invoices, tables);
  await writeTable(dir, 'audit', audit, tables);
  await writeManifest(dir, tables, manifest.attachments);
}
