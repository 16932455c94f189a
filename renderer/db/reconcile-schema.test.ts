import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LedgerDb } from './db';
import { InvoiceRepository } from './invoice-repository';
import { queryInvoiceIds } from './invoice-query';
import { SCHEMA_VERSIONS } from './schema';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';
import { ENTITY_TABLES } from '../../shared/sync/entities';

describe('schema version 3 (reconciliation and cases)', () => {
  it('opens a version-2 database as the newest version with its data intact and the new tables empty', async () => {
    // Rows as the repository writes them (made in a scratch database), seeded into a database that knows versions 1 and 2 only.
    const { db: scratch, ctx } = makeTestDb();
    const created = await new InvoiceRepository(scratch, ctx).create(sampleContent(), { warnings: [] });
    if (!created.ok) throw new Error('setup');
    const tables = ['invoices', 'listChunks', 'listRevs', 'audit', 'outbox', 'meta'] as const;
    const before: Record<string, unknown[]> = {};
    for (const table of tables) before[table] = await scratch.table(table).toArray();
    before.conflicts = [{ id: 7, entity: 'invoice', entityId: created.invoice.id, field: 'remarks', open: 1 }];
    scratch.close();
    const indexedDB = new IDBFactory();
    const v2 = new Dexie('v2-ledger', { indexedDB, IDBKeyRange });
    for (const v of SCHEMA_VERSIONS.filter((s) => s.version <= 2)) v2.version(v.version).stores(v.stores);
    for (const [table, rows] of Object.entries(before)) await v2.table(table).bulkAdd(rows);
    expect(v2.verno).toBe(2);
    v2.close();

    const db = new LedgerDb('v2-ledger', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    for (const [table, rows] of Object.entries(before)) expect(await db.table(table).toArray(), table).toEqual(rows);
    expect(await queryInvoiceIds(db, {})).toEqual([created.invoice.id]);
    for (const table of ['cases', 'contacts', 'matches', 'mappings', 'runs', 'findings', 'imports', 'users', 'signins']) expect(await db.table(table).count(), table).toBe(0);
    db.close();
  });

  it('has a table for every synced entity, named with lowercase letters only (it is also an export file name)', () => {
    const newest = SCHEMA_VERSIONS.at(-1)!.stores as Record<string, string>;
    for (const table of Object.values(ENTITY_TABLES)) {
      expect(newest[table], table).toMatch(/^id\b/);
      expect(table).toMatch(/^[a-z]+$/);
    }
  });
});
