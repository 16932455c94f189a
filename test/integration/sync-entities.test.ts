// Cases and contact entries travel like invoices (issue #11): two simulated clerks' PCs with the real repositories and
// sync engine, through the fault proxy, against the real server on SQLite and PostgreSQL.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import type { SyncStore } from '../../server/store/store';
import type { CaseInvoiceRef } from '../../shared/cases/types';
import { fen } from '../../shared/domain/money';
import { pullResponseSchema, type RecordChange } from '../../shared/sync/protocol';
import { sampleContent } from '../../renderer/db/sync-fixtures';
import { NO_FAULTS, startFaultProxy, type FaultProxy } from './fault-proxy';
import { addCode, backends, Device } from './server-harness';
import { makePc, type Pc } from './sync-pc';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const ref: CaseInvoiceRef = { kind: 'vat_special', code: '3200231130', number: '01234567', issueDate: '2026-02-10', seller: { name: '南京某某科技有限公司', taxId: '91320100MA1XXXXX0X' }, total: fen(113000) };

async function syncUntilDone(pc: Pc): Promise<void> {
  for (let i = 0; i < 30; i++) {
    const r = await pc.engine.syncNow();
    if (r.ok && (await pc.store.pendingCount()) === 0) return;
  }
  throw new Error(`PC ${String(pc.d)} did not finish syncing`);
}

async function everything(observer: Device, entities?: readonly string[]): Promise<RecordChange[]> {
  const page = pullResponseSchema.parse((await observer.pull(0, 5000, entities)).body);
  return page.changes;
}

describe.each(backends())('cases and contact entries synced on $name', (backend) => {
  let store: SyncStore;
  let cleanup: () => Promise<void>;
  let server: RunningServer;
  let proxy: FaultProxy;
  let a: Pc;
  let b: Pc;
  let observer: Device;

  beforeEach(async () => {
    const fresh = await backend.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    server = await startServer({ store, port: 0, version: 'entities' });
    proxy = await startFaultProxy({ target: server.url, seed: 1107, rates: NO_FAULTS, maxDelayMs: 20 });
    const devices: Device[] = [];
    for (const name of ['A', 'B', 'OBSERVER']) {
      await addCode(store, `ENTITIES-${name}`);
      devices.push(await Device.enroll(server.url, `ENTITIES-${name}`, name));
    }
    const [da, db, o] = devices as [Device, Device, Device];
    a = makePc(1, proxy.url, da.deviceId, da.token, () => 0.5);
    b = makePc(2, proxy.url, db.deviceId, db.token, () => 0.5);
    observer = o;
  });
  afterEach(async () => {
    await proxy.close();
    await server.close();
    await store.close();
    await cleanup();
  });

  it('a case and a contact entry made offline reach the other PC once, however often the network fails', async () => {
    const created = await a.invoices.create(sampleContent(), { warnings: [] });
    if (!created.ok) throw new Error('setup');
    await a.invoices.changeStatus(created.invoice.id, 'lost', '');
    const c = await a.cases.open({ title: '遗失的专票', origin: 'invoice', ref, invoiceId: created.invoice.id, findingKey: null });
    const entry = await a.cases.addContact(c.id, { date: '2026-03-01', channel: 'phone', person: '王会计', summary: '答应补开', nextStep: '', followUp: '2026-03-05' });
    // Answers lost after the server committed, requests sent twice: every mutation must still apply exactly once.
    proxy.setRates({ ...NO_FAULTS, dropAfter: 0.3, duplicate: 0.3 });
    await syncUntilDone(a);
    await syncUntilDone(b);
    proxy.setRates(NO_FAULTS);
    await syncUntilDone(b);

    expect(await b.db.cases.toArray()).toEqual([expect.objectContaining({ id: c.id, title: '遗失的专票', state: 'found' })]);
    expect(await b.db.contacts.toArray()).toEqual([expect.objectContaining({ id: entry.id, caseId: c.id, followUp: '2026-03-05', followUpDone: false })]);
    expect((await b.invoices.get(created.invoice.id))?.status).toBe('replacing');
    expect(await b.cases.overdue('2026-03-05')).toHaveLength(1);
    const log = await store.mutationLog();
    expect(log.map((l) => `${l.deviceId}#${String(l.mutationId)}`)).toEqual([...new Set(log.map((l) => `${l.deviceId}#${String(l.mutationId)}`))]);
    expect(log.map((l) => l.entity)).toEqual(['invoice', 'invoice', 'case', 'invoice', 'caseContact']);
    expect(log.every((l) => l.status === 'applied')).toBe(true);
    const onServer = await everything(observer, ['invoice', 'case', 'caseContact']);
    expect(onServer.map((r) => r.entity).sort()).toEqual(['case', 'caseContact', 'invoice']);
    expect((await b.db.audit.where('entityId').equals(c.id).toArray()).map((e) => e.action)).toEqual(['sync']);
  });

  it('a saved month-end check reaches the other PC as it was saved, and a changed copy is refused', async () => {
    const saved = await a.periodChecks.save('2026-03', '待审核');
    if (!saved.ok) throw new Error('setup');
    await syncUntilDone(a);
    await syncUntilDone(b);
    const { id, month, items, pass, note, createdBy, createdAt } = saved.value;
    expect(await b.periodChecks.list()).toEqual([expect.objectContaining({ id, month, items, pass, note, createdBy, createdAt })]);
    const onServer = await everything(observer, ['periodCheck']);
    expect(onServer).toEqual([expect.objectContaining({ entity: 'periodCheck', entityId: saved.value.id })]);
    // A saved check is never edited: a client that tries anyway is refused by the server.
    await b.db.outbox.add({
      mutationId: 1, entity: 'periodCheck', entityId: saved.value.id, op: 'upsert', baseVersion: onServer[0]?.version ?? 0,
      changes: { pass: true }, baseValues: { pass: saved.value.pass }, state: 'pending', createdAt: '2026-04-01T00:00:00.000Z', by: 'clerk-2',
    });
    await b.engine.syncNow();
    expect((await store.mutationLog()).at(-1)).toMatchObject({ entity: 'periodCheck', status: 'rejected' });
  });

  it('two PCs changing the same case field keep the server value and a conflict for review, which either can settle', async () => {
    const c = await a.cases.open({ title: '原标题', origin: 'manual', ref, invoiceId: null, findingKey: null });
    await syncUntilDone(a);
    await syncUntilDone(b);
    a.tick();
    b.tick();
    expect((await a.cases.update(c.id, { title: '甲改的' })).ok).toBe(true);
    expect((await b.cases.update(c.id, { title: '乙改的', notes: '乙的备注' })).ok).toBe(true);
    await syncUntilDone(a);
    await syncUntilDone(b);
    await syncUntilDone(a);

    for (const pc of [a, b]) {
      expect(await pc.db.cases.get(c.id), `PC ${String(pc.d)}`).toMatchObject({ title: '甲改的', notes: '乙的备注' });
      expect(await pc.store.openConflicts()).toEqual([expect.objectContaining({ entity: 'case', entityId: c.id, field: 'title', serverValue: '甲改的', clientValue: '乙改的', baseValue: '原标题' })]);
    }
    const [conflict] = await b.store.openConflicts();
    b.tick();
    expect(await b.conflicts.resolve(conflict!, { title: '乙改的' }, [conflict!.id])).toBe(true);
    await syncUntilDone(b);
    await syncUntilDone(a);
    for (const pc of [a, b]) {
      expect((await pc.db.cases.get(c.id))?.title).toBe('乙改的');
      expect(await pc.store.openConflicts()).toEqual([]);
    }
  });

  it('serves a client from before cases (no entity list) invoices only, and still takes its invoice pushes', async () => {
    await a.invoices.create(sampleContent(), { warnings: [] });
    await a.cases.open({ title: 'x', origin: 'manual', ref, invoiceId: null, findingKey: null });
    await syncUntilDone(a);
    expect((await everything(observer)).map((r) => r.entity)).toEqual(['invoice']);
    expect((await everything(observer, ['case', 'invoice', 'someday'])).map((r) => r.entity)).toEqual(['invoice', 'case']);
    const pushed = await observer.push([{ id: 1, entity: 'invoice', entityId: 'old-client-invoice', op: 'upsert', baseVersion: 0, changes: { remarks: '旧版' }, baseValues: {} }]);
    expect(pushed.body).toMatchObject({ results: [{ id: 1, status: 'applied' }] });
    await syncUntilDone(b);
    expect((await b.invoices.get('old-client-invoice' as never))?.remarks).toBe('旧版');
    expect(await b.db.cases.count()).toBe(1);
  });
});
