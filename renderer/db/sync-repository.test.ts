import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { Invoice } from '../../shared/domain/invoice';
import type { Conflict, PullResponse } from '../../shared/sync/protocol';
import { InvoiceRepository } from './invoice-repository';
import { queryInvoiceIds } from './invoice-query';
import { sampleContent } from './sync-fixtures';
import { RETAIN_ACKED_MIN, SyncRepository } from './sync-repository';
import { makeTestDb } from './test-db';

function setup() {
  const { db, ctx } = makeTestDb();
  return { db, ctx, repo: new InvoiceRepository(db, ctx), sync: new SyncRepository(db, ctx.now) };
}

const page = (changes: PullResponse['changes'], version: number, conflicts: Conflict[] = []): PullResponse =>
  ({ epoch: 'e1', version, changes, conflicts, hasMore: false });

const remote = (inv: Invoice, version: number, patch: Partial<Invoice> = {}) =>
  ({ entity: 'invoice' as const, entityId: inv.id, version, deleted: patch.deleted ?? inv.deleted, data: { ...inv, ...patch } as Record<string, unknown> });

async function created(repo: InvoiceRepository, n = 0): Promise<Invoice> {
  const r = await repo.create(sampleContent(n), { warnings: [] });
  if (!r.ok) throw new Error('setup');
  return r.invoice;
}

describe('SyncRepository', () => {
  it('hands out pending mutations in id order, in batches', async () => {
    const { repo, sync } = setup();
    for (let i = 0; i < 5; i++) await created(repo, i);
    expect((await sync.nextBatch(3)).map((m) => m.mutationId)).toEqual([1, 2, 3]);
    await sync.recordResults([{ id: 1, status: 'applied', version: 1 }, { id: 2, status: 'duplicate' }]);
    expect((await sync.nextBatch(3)).map((m) => m.mutationId)).toEqual([3, 4, 5]);
    expect(await sync.pendingCount()).toBe(3);
  });

  it('keeps rejected mutations with their reason, never dropping them', async () => {
    const { db, repo, sync } = setup();
    await created(repo);
    await sync.recordResults([{ id: 1, status: 'rejected', reason: 'invalid total' }]);
    expect(await sync.pendingCount()).toBe(0);
    expect(await sync.rejected()).toEqual([expect.objectContaining({ mutationId: 1, state: 'rejected', rejectedReason: 'invalid total' })]);
    await sync.markSuccess('2030-01-01T00:00:00.000Z');
    expect(await db.outbox.count()).toBe(1);
  });

  it('applies a pull page, records an audit entry and moves the cursor with the data', async () => {
    const { db, repo, sync } = setup();
    const inv = await created(repo);
    await sync.recordResults([{ id: 1, status: 'applied', version: 1 }]);
    await sync.applyPull(page([remote(inv, 2, { remarks: '同事改的' })], 2));
    const row = await db.invoices.get(inv.id);
    expect(row).toMatchObject({ remarks: '同事改的', version: 2, updatedBy: 'sync' });
    expect((await sync.cursor()).cursor).toBe(2);
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.at(-1)).toMatchObject({ action: 'sync', entityId: inv.id, before: { remarks: '' }, after: { remarks: '同事改的' } });
    expect(verifyChain(audit).ok).toBe(true);
    expect(await db.outbox.count()).toBe(1);
  });

  it('never overwrites a field with a pending local change, but takes the other fields', async () => {
    const { db, repo, sync, ctx } = setup();
    const inv = await created(repo);
    await sync.recordResults([{ id: 1, status: 'applied', version: 1 }]);
    ctx.tick();
    await repo.update(inv.id, { ...sampleContent(), remarks: '我的备注' }, [], inv.updatedAt);
    await sync.applyPull(page([remote(inv, 3, { remarks: '他的备注', checkCode: '11111111111111111111' })], 3));
    expect(await db.invoices.get(inv.id)).toMatchObject({ remarks: '我的备注', checkCode: '11111111111111111111', version: 3 });
    expect(await sync.pendingCount()).toBe(1);
  });

  it('protects an acked change against a pulled copy older than it', async () => {
    const { db, repo, sync, ctx } = setup();
    const inv = await created(repo);
    ctx.tick();
    await repo.update(inv.id, { ...sampleContent(), remarks: 'new' }, [], inv.updatedAt);
    await sync.recordResults([{ id: 1, status: 'applied', version: 1 }, { id: 2, status: 'applied', version: 4 }]);
    await sync.applyPull(page([remote(inv, 3, { remarks: 'old' })], 3));
    expect((await db.invoices.get(inv.id))?.remarks).toBe('new');
  });

  it('adds pulled new invoices to the list index, and a second application changes nothing', async () => {
    const a = setup();
    const b = setup();
    const inv = await created(a.repo);
    const p = page([remote(inv, 1)], 1);
    await b.sync.applyPull(p);
    await b.sync.applyPull(p);
    expect(await queryInvoiceIds(b.db, {})).toEqual([inv.id]);
    expect(await b.db.audit.count()).toBe(1);
    expect(await b.db.outbox.count()).toBe(0);
    expect(await b.db.invoices.get(inv.id)).toMatchObject({ number: inv.number, version: 1 });
  });

  it('follows a remote delete into the recycle bin', async () => {
    const a = setup();
    const b = setup();
    const inv = await created(a.repo);
    await b.sync.applyPull(page([remote(inv, 1)], 1));
    await b.sync.applyPull(page([remote(inv, 2, { deleted: true, deletedAt: '2026-01-02T00:00:00.000Z' })], 2));
    expect(await b.db.invoices.get(inv.id)).toMatchObject({ deleted: true, _deleted: 1 });
    expect(await queryInvoiceIds(b.db, { deleted: true })).toEqual([inv.id]);
  });

  it('requeues retained mutations from a lost id, and reports when the id is no longer retained', async () => {
    const { db, repo, sync } = setup();
    for (let i = 0; i < 3; i++) await created(repo, i);
    await sync.recordResults([1, 2, 3].map((id) => ({ id, status: 'applied' as const, version: id })));
    expect(await sync.requeueFrom(2)).toBe(true);
    expect((await sync.nextBatch(10)).map((m) => m.mutationId)).toEqual([2, 3]);
    expect((await db.outbox.get(2))?.ackedVersion).toBeUndefined();
    expect(await sync.requeueFrom(4)).toBe(true);
    await db.outbox.delete(1);
    expect(await sync.requeueFrom(1)).toBe(false);
  });

  it('forgets acked mutations only after the retention window, and never the newest ones', async () => {
    const { db, repo, sync } = setup();
    await created(repo);
    await db.outbox.bulkAdd(Array.from({ length: RETAIN_ACKED_MIN }, (_, i) => ({
      mutationId: i + 2, entity: 'invoice' as const, entityId: `x${i}`, op: 'upsert' as const, baseVersion: 0,
      changes: {}, baseValues: {}, state: 'acked' as const, createdAt: 't', ackedAt: '2026-01-01T00:00:00.000Z',
    })));
    await sync.recordResults([{ id: 1, status: 'applied', version: 1 }]);
    await sync.markSuccess('2026-02-01T00:00:00.000Z');
    expect(await db.outbox.count()).toBe(RETAIN_ACKED_MIN + 1);
    await sync.markSuccess('2027-01-01T00:00:00.000Z');
    expect(await db.outbox.count()).toBe(RETAIN_ACKED_MIN);
    expect(await db.outbox.get(1)).toBeUndefined();
  }, 30_000);

  it('on an epoch change resets the cursor and forgets which blobs the server had', async () => {
    const { db, sync } = setup();
    await sync.setEpoch('e1');
    await sync.applyPull(page([], 40));
    await sync.markBlobSynced('a'.repeat(64));
    await sync.changeEpoch('e2');
    expect(await sync.cursor()).toMatchObject({ epoch: 'e2', cursor: 0 });
    expect(await db.syncedBlobs.count()).toBe(0);
  });

  it('stores conflicts for review, and a local resolution is a normal audited change naming them', async () => {
    const { db, repo, sync } = setup();
    const inv = await created(repo);
    const conflict: Conflict = {
      id: 7, version: 3, entity: 'invoice', entityId: inv.id, field: 'remarks', baseValue: '', serverValue: 'theirs', clientValue: 'mine',
      serverDeviceId: 'd2', serverAt: '2026-01-01T01:00:00.000Z', clientDeviceId: 'd1', clientAt: '2026-01-01T02:00:00.000Z',
      resolved: false, resolvedBy: null, resolvedAt: null,
    };
    await sync.applyPull(page([], 3, [conflict]));
    expect(await sync.openConflicts()).toEqual([expect.objectContaining({ id: 7, open: 1 })]);
    const r = await repo.resolveConflicts(inv.id, { remarks: '' }, [7]);
    expect(r.ok).toBe(true);
    expect(await sync.openConflicts()).toEqual([]);
    expect(await db.outbox.get(2)).toMatchObject({ resolves: [7], changes: { remarks: '' }, baseValues: { remarks: '' } });
    await sync.applyPull(page([], 4, [conflict]));
    expect(await sync.openConflicts()).toEqual([]);
    await sync.applyPull(page([], 5, [{ ...conflict, resolved: true }]));
    expect(await db.conflicts.get(7)).toMatchObject({ open: 0, resolved: true });
  });

  it('a new server starts from scratch; the same one keeps its cursor', async () => {
    const { sync } = setup();
    const s = { serverUrl: 'http://a', deviceId: 'd1', deviceName: 'pc', enrolledAt: '' };
    await sync.saveSettings(s);
    await sync.setEpoch('e1');
    await sync.applyPull(page([], 9));
    await sync.saveSettings({ ...s, certFingerprint: 'AB:CD' });
    expect((await sync.cursor()).cursor).toBe(9);
    await sync.saveSettings({ ...s, serverUrl: 'http://b' });
    expect(await sync.cursor()).toMatchObject({ epoch: null, cursor: 0 });
  });

  it('hands an older build’s device token out once, never with the settings, and forgets it on request', async () => {
    const { db, sync } = setup();
    const settings = { serverUrl: 'https://a', deviceId: 'd1', deviceName: 'pc', enrolledAt: 't0' };
    expect(await sync.legacyToken()).toBeNull();
    await db.meta.put({ key: 'sync.settings', value: { ...settings, token: 'secret-token' } });
    expect(await sync.settings()).toEqual(settings);
    expect(await sync.legacyToken()).toBe('secret-token');
    await sync.dropLegacyToken();
    expect(await sync.legacyToken()).toBeNull();
    expect((await db.meta.get('sync.settings'))?.value).toEqual(settings);
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('secret-token');
  });

  it('keeps "allow plain HTTP" off by default; only an admin turns it on once users exist', async () => {
    const { db, ctx } = makeTestDb({ login: 'li', role: 'clerk' });
    const asClerk = new SyncRepository(db, ctx.now, ctx.device, ctx);
    expect(await asClerk.allowPlainHttp()).toBe(false);
    await db.users.add({ id: 'u1', login: 'li' } as never);
    await expect(asClerk.setAllowPlainHttp(true)).rejects.toMatchObject({ refusal: { action: 'settings.edit', needs: ['admin'] } });
    expect(await asClerk.allowPlainHttp()).toBe(false);
    expect((await db.audit.toArray()).at(-1)).toMatchObject({ action: 'refused', user: 'li' });
    const admin = makeTestDb();
    const asAdmin = new SyncRepository(admin.db, admin.ctx.now, admin.ctx.device, admin.ctx);
    await admin.db.users.add({ id: 'u1', login: 'tester' } as never);
    await asAdmin.setAllowPlainHttp(true);
    expect(await asAdmin.allowPlainHttp()).toBe(true);
  });
});
