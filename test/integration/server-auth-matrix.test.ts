// The whole permission table on the server (issue #13): every role tries every action a synced mutation can
// amount to; what the table allows applies, everything else is rejected with the role(s) it needs.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ACTIONS, PERMISSIONS, ROLES, roleMay, type Action, type Role } from '../../shared/auth/roles';
import type { SyncStore } from '../../server/store/store';
import type { SyncEntity, WireMutation } from '../../shared/sync/protocol';
import { backends, pgRequired, pgSkipReason, StorePusher, storedRecord, userChanges } from './server-harness';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

if (pgRequired && pgSkipReason !== undefined) {
  it('PostgreSQL is available (FAPIAO_REQUIRE_PG=1)', () => {
    throw new Error(`The PostgreSQL suite is required but cannot run: ${pgSkipReason}`);
  });
}

type Draft = Omit<WireMutation, 'id' | 'by'>;
const LOGIN: Record<Role, string> = { clerk: 'li', auditor: 'wang', admin: 'boss' };

/** Everything the office server needs to set a scenario up, done by the administrator from the admin's own PC. */
interface Stage {
  readonly admin: StorePusher;
  /** A second PC of the administrator (to make a sync conflict). */
  readonly other: StorePusher;
  readonly store: SyncStore;
}

/** One action as a synced mutation: `prepare` makes the target (as admin) and returns the mutation to try. */
interface Scenario {
  readonly entity: SyncEntity;
  prepare(stage: Stage, id: string, actor: string): Promise<Draft>;
}

const upsert = (entity: SyncEntity, entityId: string, changes: Record<string, unknown>, baseVersion = 0): Draft =>
  ({ entity, entityId, op: 'upsert', baseVersion, changes, baseValues: {} });

/** Creates an invoice recorded by `owner` (so a clerk acting on it passes the owner rule) and returns its version. */
async function invoiceOf(stage: Stage, id: string, owner: string, over: Record<string, unknown> = {}): Promise<number> {
  const r = await stage.admin.one({ ...upsert('invoice', id, { id, createdBy: owner, status: 'entered', total: 100, remarks: '', deleted: false, ...over }), by: 'boss' });
  if (r.status !== 'applied' || r.version === undefined) throw new Error(`setup failed: ${JSON.stringify(r)}`);
  return r.version;
}

const plain = (entity: SyncEntity): Scenario => ({ entity, prepare: (_s, id) => Promise.resolve(upsert(entity, id, { id })) });

/** Every action a synced mutation can amount to (shared/auth/mutation-actions.ts), each as a mutation. */
const SCENARIOS: Partial<Record<Action, Scenario>> = {
  'invoice.create': { entity: 'invoice', prepare: (_s, id, actor) => Promise.resolve(upsert('invoice', id, { id, createdBy: actor, status: 'entered', total: 1 })) },
  'invoice.edit': { entity: 'invoice', prepare: async (s, id, actor) => upsert('invoice', id, { total: 200 }, await invoiceOf(s, id, actor)) },
  'invoice.check': { entity: 'invoice', prepare: async (s, id, actor) => upsert('invoice', id, { status: 'verified' }, await invoiceOf(s, id, actor)) },
  'invoice.status': { entity: 'invoice', prepare: async (s, id, actor) => upsert('invoice', id, { status: 'voided' }, await invoiceOf(s, id, actor)) },
  'invoice.delete': {
    entity: 'invoice',
    prepare: async (s, id, actor) => ({ entity: 'invoice', entityId: id, op: 'delete', baseVersion: await invoiceOf(s, id, actor), changes: { deletedAt: '2026-03-02T00:00:00Z' }, baseValues: {} }),
  },
  'invoice.restore': { entity: 'invoice', prepare: async (s, id, actor) => upsert('invoice', id, { deleted: false, deletedAt: null }, await invoiceOf(s, id, actor, { deleted: true, deletedAt: '2026-03-02T00:00:00Z' })) },
  'invoice.purge': {
    entity: 'invoice',
    prepare: async (s, id, actor) => ({ entity: 'invoice', entityId: id, op: 'delete', baseVersion: await invoiceOf(s, id, actor, { deleted: true }), changes: { purged: true }, baseValues: {} }),
  },
  'conflict.resolve': {
    entity: 'invoice',
    prepare: async (s, id, actor) => {
      const v1 = await invoiceOf(s, id, actor);
      await s.admin.one({ ...upsert('invoice', id, { total: 2 }, v1), by: 'boss' });
      const lost = await s.other.one({ ...upsert('invoice', id, { total: 3 }, v1), by: 'boss' });
      if (lost.status !== 'conflict' || lost.version === undefined) throw new Error(`no conflict: ${JSON.stringify(lost)}`);
      const pulled = await s.store.pull('reader', await s.store.epoch(), 0, 5000, ['invoice']);
      const conflict = pulled.kind === 'ok' ? pulled.response.conflicts.find((c) => c.entityId === id) : undefined;
      if (!conflict) throw new Error('conflict not found');
      return { ...upsert('invoice', id, { total: 3 }, lost.version), resolves: [conflict.id] };
    },
  },
  'case.edit': plain('case'),
  'import.run': plain('importBatch'),
  'reconcile.run': plain('reconcileRun'),
  'mapping.edit': plain('mapping'),
  'feedback.send': { entity: 'feedback', prepare: (_s, id) => Promise.resolve(upsert('feedback', id, { id, message: '慢', status: 'new' })) },
  'feedback.read': {
    entity: 'feedback',
    prepare: async (s, id) => {
      const r = await s.admin.one({ ...upsert('feedback', id, { id, message: '慢', status: 'new' }), by: 'boss' });
      if (r.status !== 'applied' || r.version === undefined) throw new Error(`setup failed: ${JSON.stringify(r)}`);
      return upsert('feedback', id, { status: 'read' }, r.version);
    },
  },
  'periodCheck.run': { entity: 'periodCheck', prepare: (_s, id) => Promise.resolve(upsert('periodCheck', id, { id, month: '2026-03', pass: false, items: [], note: '' })) },
  'user.manage': { entity: 'user', prepare: (_s, id) => Promise.resolve(upsert('user', id, userChanges(id, `u${id.slice(-12)}`, 'clerk'))) },
};

/** Actions that no synced mutation carries: they are checked on the PC only (exports, backups, settings, views…). */
const LOCAL_ONLY: readonly Action[] = [
  'export.run', 'audit.view', 'audit.verify', 'audit.export', 'backup.run', 'backup.settings', 'backup.restore',
  'settings.edit', 'sync.server', 'view.save',
];

describe('the server permission matrix covers the whole table', () => {
  it('classifies every action of PERMISSIONS as a synced mutation or a PC-only action', () => {
    const classified = [...Object.keys(SCENARIOS), ...LOCAL_ONLY].sort();
    expect(classified).toEqual([...ACTIONS].sort());
  });
});

const CASES = Object.keys(SCENARIOS).flatMap((action) => ROLES.map((role) => ({ action: action as Action, role })));

describe.each(backends())('permissions on push on $name', (backend) => {
  let store: SyncStore;
  let cleanup: () => Promise<void>;
  let stage: Stage;
  const devices = new Map<Role, StorePusher>();
  let n = 0;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    stage = { store, admin: new StorePusher(store, 'dev-admin'), other: new StorePusher(store, 'dev-admin-2') };
    for (const role of ROLES) devices.set(role, new StorePusher(store, `dev-as-${role}`));
    // The first administrator's own record arrives first (bootstrap); then the admin adds a clerk and an auditor.
    const order: Role[] = ['admin', 'clerk', 'auditor'];
    const results = await stage.admin.push(order.map((role) => ({ ...upsert('user', `user-${role}`, userChanges(`user-${role}`, LOGIN[role], role)), by: 'boss' })));
    expect(results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it.each(CASES)('$role tries $action', async ({ action, role }) => {
    const scenario = SCENARIOS[action];
    if (!scenario) throw new Error(action);
    n += 1;
    const id = `${action.replace('.', '-')}-${role}-${n}`;
    const draft = await scenario.prepare(stage, id, LOGIN[role]);
    const before = await storedRecord(store, scenario.entity, id);
    const device = devices.get(role);
    if (!device) throw new Error(role);
    const result = await device.one({ ...draft, by: LOGIN[role] });
    const logged = (await store.mutationLog()).filter((l) => l.deviceId === device.deviceId).at(-1);
    if (roleMay(role, action)) {
      expect(result).toMatchObject({ status: 'applied' });
      expect(result.reason).toBeUndefined();
      expect((await storedRecord(store, scenario.entity, id))?.version).toBe(result.version);
      expect(logged).toMatchObject({ status: 'applied', reason: null });
    } else {
      const reason = `forbidden: ${action} needs ${PERMISSIONS[action].join(' or ')} (user "${LOGIN[role]}" is ${role})`;
      expect(result).toEqual({ id: result.id, status: 'rejected', reason });
      // Nothing of it applied, and the server's log keeps it with the reason (never silently dropped).
      expect(await storedRecord(store, scenario.entity, id)).toEqual(before);
      expect(logged).toMatchObject({ mutationId: result.id, status: 'rejected', reason });
    }
  });

  it('keeps only a tombstone of a purged invoice: the content leaves the server', async () => {
    const id = 'purged-by-admin';
    const version = await invoiceOf(stage, id, 'li', { deleted: true, remarks: '机密备注', seller: { name: '某公司', taxId: '91110000' } });
    const result = await stage.admin.one({ entity: 'invoice', entityId: id, op: 'delete', baseVersion: version, changes: { purged: true, updatedBy: 'boss' }, baseValues: {}, by: 'boss' });
    expect(result.status).toBe('applied');
    expect(await storedRecord(store, 'invoice', id)).toEqual({ entity: 'invoice', entityId: id, version: result.version, deleted: true, data: { id, deleted: true, purged: true } });
    const purge = (await store.mutationLog()).find((l) => l.entityId === id && l.op === 'delete');
    expect(purge).toMatchObject({ status: 'applied', deviceId: 'dev-admin' });
    // A purged record cannot come back: any later change to it is rejected, with the reason.
    const revived = await stage.admin.one({ ...upsert('invoice', id, { deleted: false, remarks: 'back' }, result.version), by: 'boss' });
    expect(revived).toMatchObject({ status: 'rejected', reason: expect.stringContaining('permanently deleted') as unknown });
  });
});
