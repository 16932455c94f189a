import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSIONS } from './schema';
import { makeTestDb } from './test-db';

describe('schema', () => {
  it('opens at the newest version with every declared table and index', async () => {
    const { db } = makeTestDb();
    await db.open();
    const newest = SCHEMA_VERSIONS.at(-1)!;
    expect(db.verno).toBe(newest.version);
    for (const [name, spec] of Object.entries(newest.stores)) {
      const table = db.table(name);
      const [primary, ...indexes] = spec.split(',').map((s) => s.trim().replace(/^[*&]/, ''));
      expect(table.schema.primKey.name, name).toBe(primary);
      expect(table.schema.indexes.map((i) => i.name).sort(), name).toEqual(indexes.sort());
    }
    db.close();
  });

  it('versions only grow', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    expect(new Set(versions).size).toBe(versions.length);
  });
});
