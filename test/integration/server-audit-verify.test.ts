// The stored audit chains (issue #13): the database refuses UPDATE and DELETE on them, and `npm run server --
// verify-audit` re-checks every chain from the database, naming the first bad entry of one that was changed
// behind the server's back (after dropping the triggers).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { verifyStoredChains } from '../../server/audit/verify-audit';
import type { SyncStore } from '../../server/store/store';
import { chainEntry, type AuditEntry } from '../../shared/audit/audit-chain';
import { backends, pgRequired, pgSkipReason, type Backend } from './server-harness';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

if (pgRequired && pgSkipReason !== undefined) {
  it('PostgreSQL is available (FAPIAO_REQUIRE_PG=1)', () => {
    throw new Error(`The PostgreSQL suite is required but cannot run: ${pgSkipReason}`);
  });
}

function chain(n: number, user: string): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) {
    out.push(chainEntry({ at: `2026-03-01T08:00:0${i % 10}.000Z`, user, action: 'create', entity: 'invoice', entityId: `inv-${i}`, before: null, after: { total: i } }, out.at(-1)));
  }
  return out;
}

/** Runs SQL on the store's database over a connection of its own, as someone at the database console would. */
async function consoleSql(backend: Backend['name'], env: Record<string, string>, statements: readonly string[]): Promise<void> {
  if (backend === 'sqlite') {
    const db = new Database(join(env['FAPIAO_DATA_DIR'] ?? '', 'sync.sqlite'));
    try {
      for (const sql of statements) db.exec(sql);
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: env['DATABASE_URL'] ?? '' });
  await client.connect();
  try {
    for (const sql of statements) await client.query(sql);
  } finally {
    await client.end();
  }
}

/** What it takes to turn the append-only triggers off. */
const DROP_TRIGGERS: Record<Backend['name'], string[]> = {
  sqlite: ['DROP TRIGGER audit_entries_no_update', 'DROP TRIGGER audit_entries_no_delete'],
  postgres: ['DROP TRIGGER audit_entries_no_change ON audit_entries'],
};

/** `npm run server -- verify-audit` against the same database. */
function verifyAuditCli(env: Record<string, string>): { status: number | null; stdout: string } {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'server/main.ts', 'verify-audit'], { env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: run.status, stdout: run.stdout + run.stderr };
}

describe.each(backends())('stored audit chains on $name', (backend) => {
  let store: SyncStore;
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const good = chain(5, 'li');
  const other = chain(3, 'wang');

  beforeEach(async () => {
    const fresh = await backend.fresh();
    ({ store, env, cleanup } = fresh);
    const now = new Date().toISOString();
    expect(await store.auditPush('dev-a', good, now)).toEqual({ kind: 'ok', lastSeq: 5 });
    expect(await store.auditPush('dev-b', other, now)).toEqual({ kind: 'ok', lastSeq: 3 });
  });
  afterEach(async () => {
    await store.close();
    await cleanup();
  });

  it('refuses UPDATE and DELETE of an audit entry in the database itself', async () => {
    await expect(consoleSql(backend.name, env, ["UPDATE audit_entries SET entry = '{}' WHERE seq = 2"])).rejects.toThrow(/append-only/);
    await expect(consoleSql(backend.name, env, ['DELETE FROM audit_entries WHERE seq = 5'])).rejects.toThrow(/append-only/);
    if (backend.name === 'postgres') await expect(consoleSql(backend.name, env, ['TRUNCATE audit_entries'])).rejects.toThrow(/append-only/);
    expect((await store.auditPage('dev-a', 0, 10)).map((e) => e.hash)).toEqual(good.map((e) => e.hash));
  });

  it('verify-audit prints every chain with its count and head hash, and names the first bad entry of an edited one', async () => {
    const intact = verifyAuditCli(env);
    expect(intact.stdout).toContain(`OK      dev-a: 5 entries, head ${good[4]?.hash ?? ''}`);
    expect(intact.stdout).toContain(`OK      dev-b: 3 entries, head ${other[2]?.hash ?? ''}`);
    expect(intact.status).toBe(0);

    const edited = JSON.stringify({ ...good[2], after: { total: 1 } });
    await consoleSql(backend.name, env, [...DROP_TRIGGERS[backend.name], `UPDATE audit_entries SET entry = '${edited}' WHERE device_id = 'dev-a' AND seq = 3`]);
    const run = verifyAuditCli(env);
    expect(run.stdout).toMatch(/BROKEN {2}dev-a: first bad entry seq 3 — hash: .*; 2 entries before it verify/);
    expect(run.stdout).toContain('OK      dev-b: 3 entries');
    expect(run.stdout).toContain('1 of 2 audit chains are broken.');
    expect(run.status).toBe(1);
  });

  it.each([
    ['a row deleted', (t: string) => [`DELETE FROM ${t} WHERE device_id = 'dev-a' AND seq = 2`], 2, 'gap'],
    ['the first row deleted', (t: string) => [`DELETE FROM ${t} WHERE device_id = 'dev-a' AND seq = 1`], 1, 'gap'],
    ['two rows swapped', (t: string) => [
      `UPDATE ${t} SET seq = 100 WHERE device_id = 'dev-a' AND seq = 2`,
      `UPDATE ${t} SET seq = 2 WHERE device_id = 'dev-a' AND seq = 3`,
      `UPDATE ${t} SET seq = 3 WHERE device_id = 'dev-a' AND seq = 100`,
    ], 2, 'link'],
    ['a hash column rewritten', (t: string) => [`UPDATE ${t} SET hash = '${'a'.repeat(64)}' WHERE device_id = 'dev-a' AND seq = 4`], 4, 'hash'],
    ['an entry no longer JSON', (t: string) => [`UPDATE ${t} SET entry = 'garbage' WHERE device_id = 'dev-a' AND seq = 5`], 5, 'hash'],
  ])('finds %s', async (_what, tamper, seq, reason) => {
    await consoleSql(backend.name, env, [...DROP_TRIGGERS[backend.name], ...tamper('audit_entries')]);
    const verdicts = await verifyStoredChains(store);
    expect(verdicts.map((v) => (v.ok ? [v.chain.deviceId, 'ok', v.count] : [v.chain.deviceId, v.seq, v.reason]))).toEqual([
      ['dev-a', seq, reason], ['dev-b', 'ok', 3],
    ]);
  });

  it('a device pushing again after a row was removed from the server is refused as a fork, not re-accepted', async () => {
    await consoleSql(backend.name, env, [...DROP_TRIGGERS[backend.name], "DELETE FROM audit_entries WHERE device_id = 'dev-a' AND seq = 3"]);
    expect(await store.auditPush('dev-a', good, new Date().toISOString())).toEqual({ kind: 'broken', seq: 3, reason: 'fork', lastSeq: 5 });
  });
});
