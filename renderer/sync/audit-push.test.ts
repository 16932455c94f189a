import { describe, expect, it } from 'vitest';
import { chainEntry, hashEntry, type AuditEntry } from '../../shared/audit/audit-chain';
import { MAX_AUDIT_PUSH } from '../../shared/sync/protocol';
import { appendAuditEvents } from '../db/audit-events';
import { sampleContent } from '../db/sync-fixtures';
import type { SyncSettings } from '../db/sync-repository';
import { makeDevice } from './engine-harness';
import { createFakeServer } from './fake-server';
import { needsPerson } from './sync-failure';

type Device = ReturnType<typeof makeDevice>;

async function create(d: Device, n = 0) {
  const r = await d.invoices.create(sampleContent(n), { warnings: [] });
  if (!r.ok) throw new Error('setup');
  return r.invoice;
}

const local = (d: Device) => d.db.audit.orderBy('seq').toArray();
const held = (server: ReturnType<typeof createFakeServer>, device: string) => server.state.audit.get(device) ?? [];
const auditRequests = (log: string[]) => log.filter((p) => p.endsWith('/audit/push')).length;

/** The fake server's fetch, recording each request's path. */
function recording(server: ReturnType<typeof createFakeServer>) {
  const paths: string[] = [];
  const fetch: typeof globalThis.fetch = (input, init) => {
    paths.push(new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url).pathname);
    return server.fetch(input, init);
  };
  return { paths, fetch };
}

describe('audit push', () => {
  it('sends the whole chain after a successful cycle, then only the entries after the last seq the server holds', async () => {
    const server = createFakeServer();
    const rec = recording(server);
    const a = makeDevice(server, 'A', { fetch: rec.fetch });
    await create(a, 0);
    await create(a, 1);
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(held(server, 'A').map((e) => e.seq)).toEqual([1, 2]);
    expect(held(server, 'A')).toEqual((await local(a)).map((e) => expect.objectContaining({ hash: e.hash, device: 'test-pc · 00000000', user: 'tester' }) as unknown));
    expect(await a.store.auditPushedSeq()).toBe(2);

    await create(a, 2);
    rec.paths.length = 0;
    const before = server.state.audit.get('A')?.length;
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(auditRequests(rec.paths)).toBe(1);
    expect(held(server, 'A').map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(before).toBe(2);
    // Nothing new: no audit request at all.
    rec.paths.length = 0;
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(auditRequests(rec.paths)).toBe(0);
  });

  it(`sends at most MAX_AUDIT_PUSH (${String(MAX_AUDIT_PUSH)}) entries per request, in order`, async () => {
    const server = createFakeServer();
    const rec = recording(server);
    const a = makeDevice(server, 'A', { fetch: rec.fetch });
    const n = MAX_AUDIT_PUSH * 2 + 7;
    await appendAuditEvents(a.db, Array.from({ length: n }, (_, i) => ({ action: 'export' as const, entity: 'export', entityId: `f${String(i)}.xlsx` })), { user: 'tester', device: 'pc' }, '2026-01-01T00:00:00.000Z');
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(auditRequests(rec.paths)).toBe(3);
    expect(held(server, 'A')).toHaveLength(n);
    expect(await a.store.auditPushedSeq()).toBe(n);
  }, 60_000);

  it('surfaces a chain changed after it was pushed (audit_broken: the entry and why), while the records still sync', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    await create(a, 0);
    await create(a, 1);
    expect((await a.engine.syncNow()).ok).toBe(true);
    // A careful forger rewrites the last pushed entry (rehashed) and the app goes on chaining after it.
    const [first, second] = await local(a);
    const forged: AuditEntry = { ...second!, user: 'someone-else' };
    await a.db.audit.put({ ...forged, hash: hashEntry(forged, forged.seq, first!.hash) });
    const inv = await create(a, 2);
    const r = await a.engine.syncNow();
    // The push starts with the last entry the server holds, which is no longer the same.
    expect(r).toEqual({ ok: false, error: { kind: 'auditBroken', seq: 2, reason: 'fork', lastSeq: 2 } });
    expect(a.engine.getStatus().lastError).toMatchObject({ kind: 'auditBroken', seq: 2 });
    expect(needsPerson({ kind: 'auditBroken', seq: 2, reason: 'fork', lastSeq: 2 })).toBe(true);
    // The invoice itself reached the server, and the server's chain stayed as it was.
    expect([...server.state.records.keys()]).toContain(inv.id);
    expect(await a.store.pendingCount()).toBe(0);
    expect(held(server, 'A').map((e) => e.seq)).toEqual([1, 2]);
    expect(await a.store.auditPushedSeq()).toBe(2);
  });

  it('catches an earlier entry rewritten with everything after it rehashed: the last entry the server holds changed', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    for (let i = 0; i < 4; i++) await create(a, i);
    expect((await a.engine.syncNow()).ok).toBe(true);
    const entries = await local(a);
    const rewritten: AuditEntry[] = entries.slice(0, 1);
    for (const e of entries.slice(1)) rewritten.push(chainEntry({ ...e, user: e.seq === 2 ? 'someone-else' : e.user }, rewritten.at(-1)));
    await a.db.audit.bulkPut(rewritten);
    await create(a, 8);
    expect(await a.engine.syncNow()).toEqual({ ok: false, error: { kind: 'auditBroken', seq: 4, reason: 'fork', lastSeq: 4 } });
    expect(held(server, 'A').map((e) => e.hash)).toEqual(entries.map((e) => e.hash));
  });

  it('resumes from the server\'s own last seq when it holds fewer entries (restored from a backup)', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    for (let i = 0; i < 4; i++) await create(a, i);
    expect((await a.engine.syncNow()).ok).toBe(true);
    server.state.audit.set('A', held(server, 'A').slice(0, 1));
    await create(a, 9);
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(held(server, 'A').map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it('starts again from seq 1 after the device enrolls anew', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    const settings = (deviceId: string, deviceName = 'PC') => ({ serverUrl: 'https://office.test', deviceId, deviceName, enrolledAt: 't' }) as SyncSettings;
    await create(a);
    await a.store.saveSettings(settings('A'));
    await a.store.markAuditPushed(1);
    await a.store.saveSettings(settings('A', 'PC · renamed'));
    expect(await a.store.auditPushedSeq()).toBe(1);
    await a.store.saveSettings(settings('A2'));
    expect(await a.store.auditPushedSeq()).toBe(0);
  });

  it('pushes entries written before devices existed (no device field) as they were hashed', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    const old = chainEntry({ at: '2025-01-01T00:00:00.000Z', user: 'clerk', action: 'create', entity: 'invoice', entityId: 'x', before: null, after: { remarks: '' } }, undefined);
    await a.db.audit.add(old);
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(held(server, 'A')).toEqual([expect.not.objectContaining({ device: expect.anything() as unknown }) as unknown]);
  });
});
