import { Dexie } from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { LedgerDb } from './db';
import { SCHEMA_VERSIONS } from './schema';

describe('schema version 2 (sync)', () => {
  it('opens a version-1 database with its rows intact and the sync tables added', async () => {
    const indexedDB = new IDBFactory();
    const v1 = SCHEMA_VERSIONS.find((v) => v.version === 1)!;
    const old = new Dexie('upgrade-test', { indexedDB, IDBKeyRange });
    old.version(1).stores(v1.stores);
    await old.table('outbox').add({ mutationId: 1, entity: 'invoice', entityId: 'x', op: 'upsert', baseVersion: 0, changes: { a: 1 }, baseValues: { a: null }, state: 'pending', createdAt: 't' });
    await old.table('meta').put({ key: 'nextMutationId', value: 2 });
    old.close();

    const db = new LedgerDb('upgrade-test', { indexedDB, IDBKeyRange });
    await db.open();
    expect(db.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
    expect(await db.outbox.get(1)).toMatchObject({ state: 'pending', changes: { a: 1 } });
    expect(await db.meta.get('nextMutationId')).toEqual({ key: 'nextMutationId', value: 2 });
    expect(await db.conflicts.count()).toBe(0);
    expect(await db.syncedBlobs.count()).toBe(0);
    db.close();
  });
});
