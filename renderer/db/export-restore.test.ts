import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { InvoiceContent } from '../../shared/domain/invoice';
import { LedgerDb } from './db';
import { BlobFolder } from './restore-folder';
import { queryInvoiceIds } from './invoice-query';
import { InvoiceRepository } from './invoice-repository';
import { ledgerBackupApi } from './restore-api';
import { activeLedgerName, type PointerStorage } from './restore-pointer';
import { fromRow } from './rows';
import { ViewsRepository } from './views-repository';
import { PeriodCheckRepository } from './period-check-repository';
import { makeTestDb } from './test-db';
import { sampleContent } from './sync-fixtures';
import { sha256Hex, snapshotLedger } from './export-ledger';

const base: InvoiceContent = sampleContent();
/** The tables of issue #11, empty. */
const NO_CASES = { cases: 0, contacts: 0, matches: 0, mappings: 0, runs: 0, findings: 0, imports: 0 };
/** The month-end check the seeded ledger saved (issue #14). */
const ONE_CHECK = { periodchecks: 1 };

function memoryStorage(): PointerStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => { map.set(k, v); }, removeItem: (k) => { map.delete(k); } };
}

async function bytesOf(text: string): Promise<{ sha256: string; blob: Blob }> {
  const data = new TextEncoder().encode(text);
  return { sha256: await sha256Hex(data), blob: new Blob([data]) };
}

/** A ledger with attachments, status changes, a deleted invoice, a saved view, a saved month-end check and this PC's backup state. */
async function seededLedger() {
  const factory = new IDBFactory();
  const { ctx } = makeTestDb();
  const open = (name: string) => new LedgerDb(name, { indexedDB: factory, IDBKeyRange });
  const db = open('fapiao-desk');
  const repo = new InvoiceRepository(db, ctx);
  const scan = await bytesOf('%PDF-1.7 scan of 83089647');
  const photo = await bytesOf('PNG photo');
  const ids: string[] = [];
  for (let i = 0; i < 5; i++) {
    ctx.tick();
    const attachments = i === 0 ? [{ ...scan, name: 'scan.pdf', type: 'application/pdf' }, { ...photo, name: 'p.png', type: 'image/png' }]
      : i === 3 ? [{ ...photo, name: 'p.png', type: 'image/png' }] : [];
    const r = await repo.create({ ...base, number: String(83089647 + i) }, { warnings: [], attachments });
    if (!r.ok) throw new Error('seed failed');
    ids.push(r.invoice.id);
  }
  ctx.tick();
  await repo.changeStatus(ids[1] as never, 'verified', '');
  await repo.softDelete(ids[2] as never);
  await new ViewsRepository(db, ctx).save('本月', { statuses: ['entered'] });
  // A saved month-end check (issue #14): evidence that is backed up with the ledger.
  if (!(await new PeriodCheckRepository(db, ctx).save('2024-05', '五月已核对')).ok) throw new Error('seed failed');
  const storage = memoryStorage();
  const api = ledgerBackupApi(db, { ctx, now: ctx.now, appVersion: '0.1.0', openDb: open, storage });
  await api.state.recordBackup({ at: ctx.now(), target: 'U盘', bytes: 10, automatic: false });
  return { db, api, open, storage, ids, scan };
}

async function exportFiles(api: ReturnType<typeof ledgerBackupApi>): Promise<BlobFolder> {
  const folder = new BlobFolder();
  const r = await api.exportTo(folder);
  expect(r.ok).toBe(true);
  return folder;
}

async function folderText(folder: BlobFolder, path: string): Promise<string> {
  return new TextDecoder().decode((await folder.read(path)) ?? new Uint8Array());
}

describe('export', () => {
  it('writes every table sorted by primary key, attachments by hash, and no derived or PC-local data', async () => {
    const { api, ids } = await seededLedger();
    const folder = await exportFiles(api);
    expect(await folder.list('')).toEqual([
      'attachments', 'attachments.ndjson', 'audit.ndjson', 'cases.ndjson', 'conflicts.ndjson', 'contacts.ndjson', 'findings.ndjson', 'imports.ndjson',
      'invoices.ndjson', 'manifest.json', 'mappings.ndjson', 'matches.ndjson', 'meta.ndjson', 'outbox.ndjson', 'periodchecks.ndjson', 'runs.ndjson',
      'views.ndjson',
    ]);
    expect(await folder.list('attachments')).toHaveLength(2);
    const invoices = (await folderText(folder, 'invoices.ndjson')).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(invoices.map((r) => r.id)).toEqual([...ids].sort());
    expect(Object.keys(invoices[0]!).some((k) => k.startsWith('_'))).toBe(false);
    expect(await folderText(folder, 'attachments.ndjson')).not.toContain('blob');
    expect(await folderText(folder, 'meta.ndjson')).toContain('nextMutationId');
    expect(await folderText(folder, 'meta.ndjson')).not.toContain('backup.');
    const manifest = JSON.parse(await folderText(folder, 'manifest.json')) as { tables: Record<string, { rows: number }>; attachments: unknown };
    expect(manifest.tables.audit?.rows).toBe(9); // 7 changes, the saved check and the backup recorded (issue #13)
    expect(manifest.tables.periodchecks?.rows).toBe(1);
    expect(manifest.attachments).toEqual({ count: 2, bytes: 34 });
  });

  it('gives byte-identical files for the same ledger, also after a restore', async () => {
    const { api, open } = await seededLedger();
    const first = await exportFiles(api);
    const second = await exportFiles(api);
    const files = async (f: BlobFolder) => {
      const out: Record<string, string> = {};
      for (const name of [...(await f.list('')), ...(await f.list('attachments')).map((a) => `attachments/${a}`)]) {
        const bytes = await f.read(name);
        if (bytes) out[name] = await sha256Hex(bytes);
      }
      return out;
    };
    // An export is audited (issue #13): the second export's chain holds the first export's entry, nothing else differs.
    const [a, b] = [await files(first), await files(second)];
    for (const name of Object.keys(a)) if (name !== 'audit.ndjson' && name !== 'manifest.json') expect(b[name], name).toBe(a[name]);
    const lines = async (f: BlobFolder) => (await folderText(f, 'audit.ndjson')).trim().split('\n');
    expect((await lines(second)).slice(0, -1)).toEqual(await lines(first));
    expect(JSON.parse((await lines(second)).at(-1)!)).toMatchObject({ action: 'export', after: { kind: 'folder', invoices: 5, attachments: 2 } });
    // Restored into another database and exported again: the same bytes (the manifest differs only by its clock).
    const storage = memoryStorage();
    const deps = { ctx: makeTestDb().ctx, now: () => '2030-01-01T00:00:00.000Z', appVersion: '0.1.0', openDb: open, storage };
    expect((await ledgerBackupApi(open('empty'), deps).restoreFrom(first)).ok).toBe(true);
    const other = ledgerBackupApi(open(activeLedgerName(storage)), deps);
    const again = await files(await exportFiles(other));
    const want = await files(first);
    for (const name of Object.keys(want)) if (name !== 'manifest.json' && name !== 'audit.ndjson') expect(again[name], name).toBe(want[name]);
  });
});

describe('restore', () => {
  it('restores into a new database that is identical, verified and indexed, then swaps it in', async () => {
    const { db, api, open, storage, scan } = await seededLedger();
    const folder = await exportFiles(api);
    const progress: number[] = [];
    const r = await api.restoreFrom(folder, { onProgress: (p) => progress.push(p.doneBytes) });
    expect(r).toEqual({ ok: true, value: { invoices: 5, audit: 9, outbox: 8, attachments: 2, views: 1, meta: 1, conflicts: 0, ...NO_CASES, ...ONE_CHECK } });
    expect(progress.at(-1)).toBeGreaterThan(0);
    const name = activeLedgerName(storage);
    expect(name).toMatch(/^fapiao-desk-restored-\d+$/);
    expect(api.pending()).toEqual({ active: name, previous: 'fapiao-desk' });
    const restored = open(name);
    const rows = async (d: LedgerDb) => (await d.invoices.toArray()).map(fromRow);
    expect(await rows(restored)).toEqual(await rows(db));
    // The audit trail goes on: this PC's chain (the export's entry too) and then the restore (issue #13).
    expect((await restored.audit.orderBy('seq').toArray()).slice(0, -1)).toEqual(await db.audit.orderBy('seq').toArray());
    expect(await restored.audit.orderBy('seq').last()).toMatchObject({ action: 'backupRestore', user: 'tester', after: { invoices: 5, history: 'current' } });
    expect(verifyChain(await restored.audit.orderBy('seq').toArray()).ok).toBe(true);
    expect(await restored.outbox.toArray()).toEqual(await db.outbox.toArray());
    expect(await restored.views.toArray()).toEqual(await db.views.toArray());
    expect(await restored.periodchecks.toArray()).toEqual(await db.periodchecks.toArray());
    const blob = (await restored.attachments.get(scan.sha256))?.blob;
    expect(await sha256Hex(new Uint8Array(await blob!.arrayBuffer()))).toBe(scan.sha256);
    // The list index is rebuilt: the bin and the live list match the original.
    expect(await queryInvoiceIds(restored, {})).toEqual(await queryInvoiceIds(db, {}));
    const bin = await queryInvoiceIds(restored, { deleted: true });
    expect(bin).toHaveLength(1);
    expect(bin).toEqual(await queryInvoiceIds(db, { deleted: true }));
    // This PC's backup state is carried over, not taken from the backup.
    expect((await restored.meta.get('backup.lastBackup'))?.value).toMatchObject({ target: 'U盘' });
  });

  it('keeps open conflicts across a restore; an export from before conflicts were exported reads as none', async () => {
    const { db, api, open, storage } = await seededLedger();
    const conflict = {
      id: 3, version: 9, entity: 'invoice' as const, entityId: 'e1', field: 'remarks', baseValue: '', serverValue: '甲', clientValue: '乙',
      serverDeviceId: 'A', serverAt: '2026-01-01T00:00:00.000Z', clientDeviceId: 'B', clientAt: '2026-01-01T00:00:01.000Z',
      resolved: false, resolvedBy: null, resolvedAt: null, open: 1 as const,
    };
    await db.conflicts.put(conflict);
    await db.syncedBlobs.put({ sha256: 'a'.repeat(64) });
    const folder = await exportFiles(api);
    expect(await folderText(folder, 'conflicts.ndjson')).toContain('"serverValue":"甲"');
    expect((await api.restoreFrom(folder)).ok).toBe(true);
    const restored = open(activeLedgerName(storage));
    expect(await restored.conflicts.where('open').equals(1).toArray()).toEqual([conflict]);
    // A cache: the restored ledger checks the server's blobs again.
    expect(await restored.syncedBlobs.count()).toBe(0);
    await api.undo();

    await folder.remove('conflicts.ndjson');
    const m = JSON.parse(await folderText(folder, 'manifest.json')) as { tables: Record<string, unknown> };
    delete m.tables.conflicts;
    await folder.writeAtomic('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    expect(await api.restoreFrom(folder)).toMatchObject({ ok: true, value: { conflicts: 0, invoices: 5 } });
  });

  it('confirm deletes the replaced ledger; undo goes back and deletes the restored one', async () => {
    const { api, open, storage } = await seededLedger();
    const folder = await exportFiles(api);
    await api.restoreFrom(folder);
    expect((await api.restoreFrom(folder)).ok).toBe(false); // one restore awaits confirmation at a time
    const restoredName = activeLedgerName(storage);
    await api.undo();
    expect(activeLedgerName(storage)).toBe('fapiao-desk');
    expect(await open(restoredName).invoices.count()).toBe(0); // deleted: reopening finds an empty database
    await api.restoreFrom(folder);
    await api.confirm();
    expect(api.pending()).toBeNull();
    expect(activeLedgerName(storage)).toMatch(/restored/);
  });

  async function refused(damage: (f: BlobFolder) => Promise<void>) {
    const { api, storage, open } = await seededLedger();
    const folder = await exportFiles(api);
    await damage(folder);
    const r = await api.restoreFrom(folder);
    expect(activeLedgerName(storage)).toBe('fapiao-desk');
    expect(api.pending()).toBeNull();
    const leftovers = await (open('x') as unknown as { _options: { indexedDB: IDBFactory } })._options.indexedDB.databases();
    expect(leftovers.map((d) => d.name).filter((n) => n?.includes('restored'))).toEqual([]);
    return r.ok ? null : r.error;
  }

  it('refuses a flipped byte in a table file, naming the file', async () => {
    expect(await refused(async (f) => {
      const bytes = (await f.read('invoices.ndjson'))!;
      bytes[10] = (bytes[10] ?? 0) ^ 1;
      await f.writeAtomic('invoices.ndjson', bytes);
    })).toEqual({ kind: 'file-damaged', path: 'invoices.ndjson' });
  });

  it('refuses a damaged attachment, naming it and the invoices that hold it', async () => {
    const error = await refused(async (f) => {
      const [first] = await f.list('attachments');
      await f.writeAtomic(`attachments/${first!}`, new TextEncoder().encode('rot'));
    });
    expect(error).toMatchObject({ kind: 'attachment-damaged' });
    expect(error && 'invoices' in error ? error.invoices.length : 0).toBeGreaterThan(0);
  });

  it('refuses a missing manifest, a newer version, a duplicated row and a broken audit chain', async () => {
    expect(await refused((f) => f.remove('manifest.json'))).toEqual({ kind: 'not-an-export' });
    expect(await refused(async (f) => {
      const m = JSON.parse(await folderText(f, 'manifest.json')) as Record<string, unknown>;
      await f.writeAtomic('manifest.json', new TextEncoder().encode(JSON.stringify({ ...m, version: 99 })));
    })).toEqual({ kind: 'newer-version', version: 99 });
    const rewrite = async (f: BlobFolder, file: string, edit: (lines: string[]) => string[]) => {
      const text = edit((await folderText(f, file)).trim().split('\n')).join('\n') + '\n';
      const bytes = new TextEncoder().encode(text);
      await f.writeAtomic(file, bytes);
      const m = JSON.parse(await folderText(f, 'manifest.json')) as { tables: Record<string, { rows: number; sha256: string }> };
      m.tables[file.replace('.ndjson', '')] = { ...m.tables[file.replace('.ndjson', '')]!, rows: text.trim().split('\n').length, sha256: await sha256Hex(bytes) };
      await f.writeAtomic('manifest.json', new TextEncoder().encode(JSON.stringify(m)));
    };
    expect(await refused((f) => rewrite(f, 'invoices.ndjson', (l) => [l[0]!, ...l]))).toEqual({ kind: 'bad-row', table: 'invoices', line: 2 });
    expect(await refused((f) => rewrite(f, 'audit.ndjson', (l) => l.map((line, i) => (i === 2 ? line.replace('"tester"', '"mallory"') : line)))))
      .toEqual({ kind: 'audit-chain', seq: 3 });
  });

  it('stops when cancelled, leaving the current ledger active', async () => {
    const { api, storage } = await seededLedger();
    const folder = await exportFiles(api);
    const controller = new AbortController();
    controller.abort();
    expect(await api.restoreFrom(folder, { signal: controller.signal })).toEqual({ ok: false, error: { kind: 'cancelled' } });
    expect(activeLedgerName(storage)).toBe('fapiao-desk');
  });

  it('snapshots the ledger consistently with the export', async () => {
    const { db } = await seededLedger();
    const snap = await snapshotLedger(db);
    expect(snap.tables.map((t) => [t.table, t.rows])).toEqual([['invoices', 5], ['audit', 9], ['outbox', 8], ['attachments', 2], ['views', 1], ['meta', 1], ['conflicts', 0], ...Object.entries(NO_CASES), ...Object.entries(ONE_CHECK)]);
  });
});
