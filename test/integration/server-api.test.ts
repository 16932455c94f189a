import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import type { SyncStore } from '../../server/store/store';
import { MAX_BODY_BYTES, pullResponseSchema, pushResponseSchema, type Conflict } from '../../shared/sync/protocol';
import { addCode, backends, call, Device, mutation, pgRequired, pgSkipReason } from './server-harness';

// Real servers and databases on a shared CI machine: generous deadlines, no timing assertions.
vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

if (pgRequired && pgSkipReason !== undefined) {
  it('PostgreSQL is available (FAPIAO_REQUIRE_PG=1)', () => {
    throw new Error(`The PostgreSQL suite is required but cannot run: ${pgSkipReason}`);
  });
}

describe.each(backends())('sync server API on $name', (backend) => {
  let store: SyncStore;
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let base: string;
  let codes = 0;
  const code = async (): Promise<string> => {
    codes += 1;
    const c = `TEST-CODE-${codes}`;
    await addCode(store, c);
    return c;
  };
  const device = async (): Promise<Device> => Device.enroll(base, await code());

  beforeAll(async () => {
    const fresh = await backend.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    server = await startServer({ store, port: 0, version: '9.9.9' });
    base = server.url;
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await cleanup();
  });

  it('answers health without a token', async () => {
    const health = await call(base, 'GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ ok: true, version: '9.9.9', epoch: await store.epoch() });
  });

  it('lets the app call it from its own origin: preflight answered, every answer carries CORS headers', async () => {
    const preflight = await fetch(`${base}/api/v1/sync/push`, {
      method: 'OPTIONS',
      headers: { origin: 'app://fapiao', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');
    expect(preflight.headers.get('access-control-allow-methods')).toContain('PUT');
    const refused = await fetch(`${base}/api/v1/sync/pull`, { method: 'POST', headers: { origin: 'http://127.0.0.1:4173' }, body: '{}' });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('access-control-allow-origin')).toBe('*');
  });

  it('enrolls a device once per code, ignoring case and dashes', async () => {
    await addCode(store, 'ABCD-EFGH');
    const first = await call(base, 'POST', '/devices', { body: { enrollmentCode: 'abcd efgh', deviceName: '财务-1' } });
    expect(first.status).toBe(201);
    expect(first.body['token']).toEqual(expect.any(String));
    const again = await call(base, 'POST', '/devices', { body: { enrollmentCode: 'ABCD-EFGH', deviceName: 'x' } });
    expect(again.status).toBe(401);
    expect(again.body).toMatchObject({ error: { code: 'bad_enrollment' } });
    const unknown = await call(base, 'POST', '/devices', { body: { enrollmentCode: 'NOPE', deviceName: 'x' } });
    expect(unknown.body).toMatchObject({ error: { code: 'bad_enrollment' } });
  });

  it('refuses missing, unknown and revoked tokens (401) and another device\'s id (403)', async () => {
    const a = await device();
    const b = await device();
    const body = { deviceId: a.deviceId, epoch: a.epoch, since: 0 };
    expect((await call(base, 'POST', '/sync/pull', { body })).status).toBe(401);
    expect((await call(base, 'POST', '/sync/pull', { body, token: 'forged' })).body).toMatchObject({ error: { code: 'unauthorized' } });
    const forged = await call(base, 'POST', '/sync/push', { token: b.token, body: { deviceId: a.deviceId, epoch: a.epoch, mutations: [mutation(1, 'x')] } });
    expect(forged.status).toBe(403);
    expect(forged.body).toMatchObject({ error: { code: 'forbidden' } });
    expect((await a.pull()).status).toBe(200);
    expect(await store.revoke(a.deviceId, new Date().toISOString())).toBe(true);
    expect((await a.pull()).status).toBe(401);
    expect((await call(base, 'GET', `/blobs/${'0'.repeat(64)}`, { token: a.token })).status).toBe(401);
    expect((await b.pull()).status).toBe(200);
  });

  it('applies a push, answers duplicates without changing anything, and pulls what it applied', async () => {
    const a = await device();
    const id = `dup-${backend.name}`;
    const first = await a.push([mutation(1, id, { changes: { id, total: 100, remarks: "'; DROP TABLE records; --" } }), mutation(2, id, { changes: { total: 150 } })]);
    expect(first.status).toBe(200);
    const parsed = pushResponseSchema.parse(first.body);
    expect(parsed.lastMutationId).toBe(2);
    expect(parsed.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const v2 = parsed.results[1]?.version ?? 0;
    const again = pushResponseSchema.parse((await a.push([mutation(1, id, { changes: { total: 1 } }), mutation(2, id, { changes: { total: 2 } })])).body);
    expect(again.results).toEqual([{ id: 1, status: 'duplicate', version: parsed.results[0]?.version }, { id: 2, status: 'duplicate', version: v2 }]);
    const pulled = pullResponseSchema.parse((await a.pull(v2 - 1)).body);
    expect(pulled.changes).toEqual([{ entity: 'invoice', entityId: id, version: v2, deleted: false, data: { id, total: 150, remarks: "'; DROP TABLE records; --" } }]);
    const log = (await store.mutationLog()).filter((l) => l.deviceId === a.deviceId);
    expect(log.map((l) => l.mutationId)).toEqual([1, 2]);
  });

  it('refuses a gap with 409 and the expected id, applying what came before it and nothing after', async () => {
    const a = await device();
    const id = `gap-${backend.name}`;
    const gap = await a.push([mutation(1, id, { changes: { total: 1 } }), mutation(3, id, { changes: { total: 3 } })]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: { code: 'gap' }, expectedId: 2, lastMutationId: 1 });
    const ahead = await a.push([mutation(5, id, { changes: { total: 5 } })]);
    expect(ahead.body).toMatchObject({ error: { code: 'gap' }, expectedId: 2 });
    const pulled = pullResponseSchema.parse((await a.pull()).body);
    expect(pulled.changes.find((c) => c.entityId === id)?.data).toEqual({ total: 1 });
    expect((await store.mutationLog()).filter((l) => l.deviceId === a.deviceId).map((l) => l.mutationId)).toEqual([1]);
  });

  it('rejects invalid mutations with a reason, logs them, and still advances the device', async () => {
    const a = await device();
    const id = `rej-${backend.name}`;
    const res = pushResponseSchema.parse((await a.push([
      mutation(1, id, { changes: { total: 'lots' } }),
      mutation(2, id, { changes: { id: 'someone-else' } }),
      mutation(3, id, { changes: { version: 99 } }),
      mutation(4, id, { changes: { total: 7 }, resolves: [999_999] }),
      mutation(5, id, { changes: { total: 8 } }),
    ])).body);
    expect(res.results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'rejected', 'applied']);
    expect(res.results[0]?.reason).toMatch(/total/);
    expect(res.lastMutationId).toBe(5);
    const log = (await store.mutationLog()).filter((l) => l.deviceId === a.deviceId);
    expect(log.map((l) => [l.mutationId, l.status])).toEqual([[1, 'rejected'], [2, 'rejected'], [3, 'rejected'], [4, 'rejected'], [5, 'applied']]);
    expect(log[0]?.reason).toMatch(/total/);
  });

  it('keeps the server value of a concurrently changed field, records the conflict, and applies the other fields', async () => {
    const a = await device();
    const b = await device();
    const id = `conf-${backend.name}`;
    const created = pushResponseSchema.parse((await a.push([mutation(1, id, { changes: { id, total: 100, remarks: 'x', tags: [] } })])).body);
    const base = created.results[0]?.version ?? 0;
    expect((await b.push([mutation(1, id, { baseVersion: base, changes: { total: 200 }, baseValues: { total: 100 } })])).status).toBe(200);
    const res = pushResponseSchema.parse((await a.push([mutation(2, id, {
      baseVersion: base, changes: { total: 300, remarks: 'y', updatedAt: '2099-12-31T00:00:00Z' }, baseValues: { total: 100, remarks: 'x' },
    })])).body);
    expect(res.results[0]?.status).toBe('conflict');
    const pulled = pullResponseSchema.parse((await b.pull(base)).body);
    const rec = pulled.changes.find((c) => c.entityId === id);
    expect(rec?.data).toMatchObject({ total: 200, remarks: 'y' });
    expect(rec?.version).toBe(res.results[0]?.version);
    const conflict = pulled.conflicts.find((c) => c.entityId === id);
    expect(conflict).toMatchObject({
      field: 'total', baseValue: 100, serverValue: 200, clientValue: 300, serverDeviceId: b.deviceId, clientDeviceId: a.deviceId, resolved: false,
    });
    // The clerk picks a value in the review screen: a normal change that names the conflict it settles.
    const resolveVersion = pulled.version;
    const settled = pushResponseSchema.parse((await a.push([mutation(3, id, {
      baseVersion: resolveVersion, changes: { total: 300 }, baseValues: { total: 200 }, resolves: [conflict?.id ?? 0],
    })])).body);
    expect(settled.results[0]?.status).toBe('applied');
    const after = pullResponseSchema.parse((await b.pull(resolveVersion)).body);
    expect(after.conflicts.find((c) => c.id === conflict?.id)).toMatchObject({ resolved: true, resolvedBy: a.deviceId });
    expect(after.changes.find((c) => c.entityId === id)?.data).toMatchObject({ total: 300 });
  });

  it('turns a delete racing an update into a conflict, and an update of a record deleted meanwhile too', async () => {
    const a = await device();
    const b = await device();
    const id = `del-${backend.name}`;
    const base = pushResponseSchema.parse((await a.push([mutation(1, id, { changes: { id, total: 1 } })])).body).results[0]?.version ?? 0;
    await b.push([mutation(1, id, { baseVersion: base, changes: { total: 2 }, baseValues: { total: 1 } })]);
    const del = pushResponseSchema.parse((await a.push([mutation(2, id, { op: 'delete', baseVersion: base, changes: { deleted: true } })])).body);
    expect(del.results[0]?.status).toBe('conflict');
    let pulled = pullResponseSchema.parse((await a.pull(base)).body);
    expect(pulled.changes.find((c) => c.entityId === id)?.deleted).toBe(false);
    expect(pulled.conflicts.filter((c) => c.entityId === id).map((c: Conflict) => c.field)).toEqual(['*']);

    const seen = pulled.version;
    const gone = pushResponseSchema.parse((await b.push([mutation(2, id, { op: 'delete', baseVersion: seen, changes: { deleted: true } })])).body);
    expect(gone.results[0]?.status).toBe('applied');
    const late = pushResponseSchema.parse((await a.push([mutation(3, id, { baseVersion: seen, changes: { total: 9 }, baseValues: { total: 2 } })])).body);
    expect(late.results[0]?.status).toBe('conflict');
    pulled = pullResponseSchema.parse((await a.pull(seen)).body);
    expect(pulled.changes.find((c) => c.entityId === id)).toMatchObject({ deleted: true, data: { total: 2 } });
    expect(pulled.conflicts.filter((c) => c.entityId === id).map((c) => c.field)).toEqual(['*']);
  });

  it('pages pulls in version order with hasMore and no skipped versions', async () => {
    const a = await device();
    const muts = Array.from({ length: 25 }, (_, i) => mutation(i + 1, `page-${backend.name}-${i}`, { changes: { total: i } }));
    expect((await a.push(muts)).status).toBe(200);
    const seen: number[] = [];
    let since = 0;
    for (let guard = 0; guard < 100; guard += 1) {
      const page = pullResponseSchema.parse((await a.pull(since, 7)).body);
      const versions = [...page.changes.map((c) => c.version), ...page.conflicts.map((c) => c.version)].sort((x, y) => x - y);
      expect(versions.length).toBeLessThanOrEqual(7);
      seen.push(...versions);
      since = page.version;
      if (!page.hasMore) break;
    }
    expect(seen).toEqual([...seen].sort((x, y) => x - y));
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen.filter((v, i) => i > 0 && v <= (seen[i - 1] ?? 0))).toEqual([]);
    expect(since).toBe(seen.at(-1));
  });

  it('answers epoch_changed after new-epoch and lets the device re-send what the server lacks', async () => {
    const a = await device();
    const id = `epoch-${backend.name}`;
    await a.push([mutation(1, id, { changes: { total: 1 } })]);
    const epoch = await store.newEpoch();
    const stale = await a.push([mutation(2, id, { changes: { total: 2 } })]);
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ error: { code: 'epoch_changed' }, epoch, lastMutationId: 1 });
    expect((await a.pull()).body).toMatchObject({ error: { code: 'epoch_changed' }, epoch });
    a.epoch = epoch;
    expect(pushResponseSchema.parse((await a.push([mutation(2, id, { changes: { total: 2 } })])).body).results[0]?.status).toBe('applied');
  });

  it('stores blobs by SHA-256, idempotently, refusing bytes that do not match', async () => {
    const a = await device();
    const bytes = new TextEncoder().encode(`发票原件 ${backend.name}`);
    const sha = Buffer.from(await crypto.subtle.digest('SHA-256', bytes)).toString('hex');
    expect((await call(base, 'GET', `/blobs/${sha}`, { token: a.token })).status).toBe(404);
    expect((await call(base, 'PUT', `/blobs/${sha}`, { token: a.token, raw: bytes })).status).toBe(200);
    expect((await call(base, 'PUT', `/blobs/${sha}`, { token: a.token, raw: bytes })).status).toBe(200);
    const wrong = await call(base, 'PUT', `/blobs/${'a'.repeat(64)}`, { token: a.token, raw: bytes });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ error: { code: 'hash_mismatch' } });
    expect((await call(base, 'PUT', '/blobs/not-a-hash', { token: a.token, raw: bytes })).body).toMatchObject({ error: { code: 'invalid' } });
    const got = await fetch(`${base}/api/v1/blobs/${sha}`, { headers: { authorization: `Bearer ${a.token}` } });
    expect(new Uint8Array(await got.arrayBuffer())).toEqual(bytes);
    expect((await call(base, 'PUT', `/blobs/${sha}`, { raw: bytes })).status).toBe(401);
  });

  it('answers bad input with a JSON error, applies nothing of it, and keeps serving', async () => {
    const a = await device();
    const before = (await store.mutationLog()).length;
    const bad = await call(base, 'POST', '/sync/push', { token: a.token, raw: '{"deviceId": "x", ' });
    expect(bad).toMatchObject({ status: 400, body: { error: { code: 'bad_json' } } });
    const types = await call(base, 'POST', '/sync/push', { token: a.token, body: { deviceId: a.deviceId, epoch: a.epoch, mutations: [{ ...mutation(1, 'x'), baseVersion: 'one' }] } });
    expect(types).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    expect((types.body['error'] as { message: string }).message).toMatch(/mutations\.0\.baseVersion/);
    const entity = await call(base, 'POST', '/sync/push', { token: a.token, body: { deviceId: a.deviceId, epoch: a.epoch, mutations: [mutation(1, 'ok'), { ...mutation(2, 'x'), entity: 'users' }] } });
    expect(entity).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    const big = await call(base, 'POST', '/sync/push', { token: a.token, raw: `{"pad":"${'x'.repeat(MAX_BODY_BYTES)}"}` });
    expect(big).toMatchObject({ status: 413, body: { error: { code: 'too_large' } } });
    expect((await call(base, 'GET', '/nowhere')).body).toMatchObject({ error: { code: 'not_found' } });
    expect((await store.mutationLog()).length).toBe(before);
    const nul = await call(base, 'POST', '/sync/push', { token: a.token, body: { deviceId: a.deviceId, epoch: a.epoch, mutations: [mutation(1, 'a\u0000b')] } });
    expect(nul).toMatchObject({ status: 400, body: { error: { code: 'invalid' } } });
    expect((await store.mutationLog()).length).toBe(before);
    const meta = `'"; DROP TABLE mutation_log; -- \\ %_ \u00a0 \u0000 发票`;
    const sql = pushResponseSchema.parse((await call(base, 'POST', '/sync/push', {
      token: a.token, body: { deviceId: a.deviceId, epoch: a.epoch, mutations: [mutation(1, `sql-${meta.replace('\u0000', '')}`, { changes: { [meta]: meta, remarks: meta } })] },
    })).body);
    expect(sql.results[0]?.status).toBe('applied');
    const pulled = pullResponseSchema.parse((await a.pull()).body);
    expect(pulled.changes.find((c) => c.entityId === `sql-${meta.replace('\u0000', '')}`)?.data).toEqual({ [meta]: meta, remarks: meta });
    const forgedDevice = await call(base, 'POST', '/sync/pull', { token: a.token, body: { deviceId: `${a.deviceId}' OR '1'='1`, epoch: a.epoch, since: 0 } });
    expect(forgedDevice.status).toBe(403);
    expect((await call(base, 'GET', '/health')).status).toBe(200);
  });
});
