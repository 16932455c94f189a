import { describe, expect, it } from 'vitest';
import { MAX_PUSH_MUTATIONS } from '../../shared/sync/protocol';
import type { Invoice } from '../../shared/domain/invoice';
import { sampleContent } from '../db/sync-fixtures';
import { makeDevice } from './engine-harness';
import { createFakeServer } from './fake-server';

async function create(d: ReturnType<typeof makeDevice>, n = 0): Promise<Invoice> {
  const r = await d.invoices.create(sampleContent(n), { warnings: [] });
  if (!r.ok) throw new Error('setup');
  return r.invoice;
}

async function edit(d: ReturnType<typeof makeDevice>, id: Invoice['id'], patch: Partial<Invoice>) {
  const cur = (await d.invoices.get(id))!;
  d.ctx.tick();
  const r = await d.invoices.update(id, { ...cur, ...patch }, [], cur.updatedAt);
  if (!r.ok) throw new Error('edit');
}

const logOf = (server: ReturnType<typeof createFakeServer>, device: string) =>
  server.state.log.filter((e) => e.device === device).map((e) => e.id);

describe('sync engine against the in-memory protocol fake', () => {
  it('pushes, acknowledges and pulls: a second device receives the invoice', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    const b = makeDevice(server, 'B');
    const inv = await create(a);
    const r = await a.engine.syncNow();
    expect(r).toMatchObject({ ok: true, value: { pushed: 1 } });
    expect(await a.store.pendingCount()).toBe(0);
    expect(await b.engine.syncNow()).toMatchObject({ ok: true, value: { pulled: 1 } });
    expect(await b.invoices.get(inv.id)).toMatchObject({ number: inv.number, version: 1 });
    expect((await a.invoices.get(inv.id))?.version).toBe(1);
    expect(a.engine.getStatus()).toMatchObject({ lastError: null, pending: 0 });
    expect(a.engine.getStatus().lastSuccessAt).not.toBeNull();
  });

  it('sends at most MAX_PUSH_MUTATIONS per push, in id order', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    const n = MAX_PUSH_MUTATIONS + 5;
    await a.db.outbox.bulkAdd(Array.from({ length: n }, (_, i) => ({
      mutationId: i + 1, entity: 'invoice' as const, entityId: `x${i}`, op: 'upsert' as const, baseVersion: 0,
      changes: { remarks: String(i) }, baseValues: { remarks: null }, state: 'pending' as const, createdAt: 't',
    })));
    await a.db.meta.put({ key: 'nextMutationId', value: n + 1 });
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual(Array.from({ length: n }, (_, i) => i + 1));
    expect(server.requests).toBe(1 + 2 + 2 + 2); // health, two pushes, two pull pages, two audit pushes (the pulled records' 'sync' entries)
  }, 60_000);

  it('a response lost after the server committed is re-sent and answered duplicate: applied exactly once', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    await create(a);
    server.inject('dropAfter', '/sync/push');
    expect(await a.engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(a.engine.getStatus().lastError).toEqual({ kind: 'unreachable' });
    expect(await a.store.pendingCount()).toBe(1);
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual([1]);
    expect(await a.store.pendingCount()).toBe(0);
    expect(a.engine.getStatus().lastError).toBeNull();
  });

  it('survives a restart between the server commit and the local acknowledgement', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    await create(a);
    server.inject('dropAfter', '/sync/pull');
    expect((await a.engine.syncNow()).ok).toBe(false);
    // "Kill" the app: a brand-new engine over the same database picks up where the old one stopped.
    const { createSyncEngine } = await import('./engine');
    const again = createSyncEngine({ store: a.store, serverUrl: 'http://office.test', allowPlainHttp: true, token: 'token-A', deviceId: 'A', fetch: server.fetch });
    expect((await again.syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual([1]);
    expect((await a.store.cursor()).cursor).toBe(1);
  });

  it('reports a 502 in plain terms and recovers on the next attempt', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    await create(a);
    server.inject('http502', '/sync/push');
    expect(await a.engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'server', status: 502 } });
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual([1]);
  });

  it('repairs a gap by re-sending retained mutations from the id the server expects', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    await create(a, 1);
    const empty = server.snapshot();
    await a.engine.syncNow();
    await create(a, 2);
    server.restore(empty, server.state.epoch); // the server lost mutation 1 without noticing
    expect((await a.engine.syncNow()).ok).toBe(true);
    expect(logOf(server, 'A')).toEqual([1, 2]);
    expect(server.state.records.size).toBe(2);
  });

  it('after the server is restored from a backup (epoch change) re-sends what it lost and re-pulls: nothing lost', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    const b = makeDevice(server, 'B');
    const first = await create(a, 1);
    await a.engine.syncNow();
    const backup = server.snapshot();
    const second = await create(a, 2);
    await edit(a, first.id, { remarks: '备份之后的修改' });
    await a.engine.syncNow();
    await b.engine.syncNow();
    server.restore(backup, 'epoch-2');
    expect(await a.engine.syncNow()).toMatchObject({ ok: true });
    expect(logOf(server, 'A')).toEqual([1, 2, 3]);
    expect(server.state.records.get(first.id)?.data.remarks).toBe('备份之后的修改');
    expect(server.state.records.has(second.id)).toBe(true);
    expect((await a.store.cursor()).epoch).toBe('epoch-2');
    expect(await b.engine.syncNow()).toMatchObject({ ok: true });
    expect((await b.store.cursor()).epoch).toBe('epoch-2');
    expect(await b.invoices.get(first.id)).toMatchObject({ remarks: '备份之后的修改' });
  });

  it('keeps a rejected mutation with its reason and goes on with the next ones', async () => {
    const server = createFakeServer({ rejectIf: (m) => (m.changes.remarks === 'bad' ? '备注不合规' : null) });
    const a = makeDevice(server, 'A');
    const inv = await create(a);
    await edit(a, inv.id, { remarks: 'bad' });
    await edit(a, inv.id, { checkCode: '11111111111111111111' });
    expect(await a.engine.syncNow()).toMatchObject({ ok: true, value: { rejected: 1 } });
    expect(await a.store.rejected()).toEqual([expect.objectContaining({ mutationId: 2, rejectedReason: '备注不合规' })]);
    expect(logOf(server, 'A')).toEqual([1, 2, 3]);
    expect(await a.store.pendingCount()).toBe(0);
  });

  it('uploads an attachment before the mutation that references it, once', async () => {
    const server = createFakeServer();
    const paths: string[] = [];
    const recording: typeof fetch = (input, init) => { paths.push(new URL(input as string).pathname); return server.fetch(input, init); };
    const a = makeDevice(server, 'A', { fetch: recording });
    const sha = 'ab'.repeat(32);
    await a.invoices.create(sampleContent(), { warnings: [], attachments: [{ sha256: sha, name: 'scan.pdf', type: 'application/pdf', blob: new Blob(['%PDF']) }] });
    await a.engine.syncNow();
    expect(paths.slice(0, 3)).toEqual(['/api/v1/health', `/api/v1/blobs/${sha}`, '/api/v1/sync/push']);
    expect(server.state.blobs.has(sha)).toBe(true);
    const inv = (await a.db.invoices.toArray())[0]!;
    await edit(a, inv.id, { remarks: 'x', attachments: [sha] });
    paths.length = 0;
    await a.engine.syncNow();
    expect(paths.filter((p) => p.includes('/blobs/'))).toEqual([]);
  });

  it('two clerks edit the same field offline: the server keeps the first, both see the conflict, a choice settles it', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    const b = makeDevice(server, 'B');
    const inv = await create(a);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await edit(a, inv.id, { remarks: '甲的备注' });
    await edit(b, inv.id, { remarks: '乙的备注', checkCode: '22222222222222222222' });
    await a.engine.syncNow();
    await b.engine.syncNow();
    await a.engine.syncNow();
    const bConflicts = await b.store.openConflicts();
    expect(bConflicts).toEqual([expect.objectContaining({ field: 'remarks', serverValue: '甲的备注', clientValue: '乙的备注', serverDeviceId: 'A', clientDeviceId: 'B' })]);
    expect(await a.store.openConflicts()).toHaveLength(1);
    expect(await b.invoices.get(inv.id)).toMatchObject({ remarks: '甲的备注', checkCode: '22222222222222222222' });
    expect(await a.invoices.get(inv.id)).toMatchObject({ remarks: '甲的备注', checkCode: '22222222222222222222' });

    await b.invoices.resolveConflicts(inv.id, { remarks: '乙的备注' }, [bConflicts[0]!.id]);
    await b.engine.syncNow();
    await a.engine.syncNow();
    expect(await a.store.openConflicts()).toEqual([]);
    expect(await b.store.openConflicts()).toEqual([]);
    expect(await a.invoices.get(inv.id)).toMatchObject({ remarks: '乙的备注' });
    expect(server.state.conflicts[0]).toMatchObject({ resolved: true, resolvedBy: 'B' });
  });

  it('a delete racing an update is a conflict, not a silent delete', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    const b = makeDevice(server, 'B');
    const inv = await create(a);
    await a.engine.syncNow();
    await b.engine.syncNow();
    await edit(a, inv.id, { remarks: '改了' });
    await b.invoices.softDelete(inv.id);
    await a.engine.syncNow();
    await b.engine.syncNow();
    expect(await b.store.openConflicts()).toEqual([expect.objectContaining({ field: '*' })]);
    expect(await b.invoices.get(inv.id)).toMatchObject({ deleted: false, remarks: '改了' });
  });

  it('stops with a plain error instead of looping when the server answers without settling a mutation', async () => {
    const server = createFakeServer();
    const silent: typeof fetch = async (input, init) => (new URL(input as string).pathname.endsWith('/sync/push')
      ? new Response(JSON.stringify({ lastMutationId: 0, results: [] }), { status: 200 })
      : server.fetch(input, init));
    const a = makeDevice(server, 'A', { fetch: silent });
    await create(a);
    expect(await a.engine.syncNow()).toMatchObject({ ok: false, error: { kind: 'protocol', detail: 'mutation 1 not acknowledged' } });
    expect(await a.store.pendingCount()).toBe(1);
  });

  it('is stopped by stop(): the request in flight is abandoned and nothing is retried', async () => {
    const server = createFakeServer();
    const a = makeDevice(server, 'A');
    await create(a);
    server.inject('hang', '/health');
    const pending = a.engine.syncNow();
    a.engine.stop();
    expect(await pending).toMatchObject({ ok: false, error: { kind: 'stopped' } });
    expect(a.engine.getStatus().phase).toBe('stopped');
  });
});
