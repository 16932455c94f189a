/*
 * The whole permission table on the data layer (issue #13): every action a repository takes is tried directly, as
 * every role. A role the table does not list is refused with the roles that may, and the refusal is audited; a
 * listed role succeeds. The same runs check that the repositories agree with what the office server will check:
 * the mutations an admin's run produces need, per shared/auth/mutation-actions.ts, exactly the roles the
 * repository asked for.
 */
import { describe, expect, it } from 'vitest';
import { TEST_PASSWORD_PARAMS } from '../../shared/auth/password';
import { mutationActions } from '../../shared/auth/mutation-actions';
import { ACTIONS, authorize, PERMISSIONS, ROLES, roleMay, type Action, type Actor, type PermissionRefusal } from '../../shared/auth/roles';
import { ENTITY_TABLES, SYNC_ENTITIES } from '../../shared/sync/entities';
import type { InvoiceId } from '../../shared/domain/invoice';
import { CaseRepository } from './case-repository';
import { ConflictRepository } from './conflict-repository';
import { FeedbackRepository } from './feedback-repository';
import { PeriodCheckRepository } from './period-check-repository';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { LedgerDb } from './db';
import { DEFAULT_BACKUP_SETTINGS } from './backup-state-repository';
import { InvoiceRepository } from './invoice-repository';
import { LedgerImportRepository } from './ledger-import-repository';
import { PermissionRefusedError } from './permission';
import { ReconcileRepository } from './reconcile-repository';
import { ledgerBackupApi } from './restore-api';
import { BlobFolder } from './restore-folder';
import { sampleContent } from './sync-fixtures';
import { SyncRepository } from './sync-repository';
import { makeTestDb } from './test-db';
import { UserRepository } from './user-repository';
import { ViewsRepository } from './views-repository';
import type { WriteContext } from './write-context';

/** A database whose session the test switches, with every repository bound to it. */
function world() {
  const { db, ctx: base } = makeTestDb(null);
  let actor: Actor | null = { login: 'me', role: 'admin' };
  const ctx: WriteContext = { get user() { return actor?.login ?? ''; }, actor: () => actor, device: base.device, now: base.now, newId: base.newId };
  const invoices = new InvoiceRepository(db, ctx);
  let n = 0;
  const memory = new Map<string, string>();
  return {
    db, ctx, invoices,
    as: (a: Actor | null) => { actor = a; },
    cases: new CaseRepository(db, ctx),
    reconcile: new ReconcileRepository(db, ctx),
    imports: new LedgerImportRepository(db, ctx),
    conflicts: new ConflictRepository(db, ctx, invoices),
    views: new ViewsRepository(db, ctx),
    feedback: new FeedbackRepository(db, ctx),
    periodChecks: new PeriodCheckRepository(db, ctx),
    users: new UserRepository(db, ctx, { random: (k) => Uint8Array.from({ length: k }, () => (n = (n * 7 + 13) % 251)), passwordParams: TEST_PASSWORD_PARAMS }),
    sync: new SyncRepository(db, base.now, base.device, ctx),
    backup: ledgerBackupApi(db, {
      ctx, now: base.now, appVersion: 't', openDb: (name) => new LedgerDb(name, { indexedDB: new IDBFactory(), IDBKeyRange }),
      storage: { getItem: (k) => memory.get(k) ?? null, setItem: (k, v) => { memory.set(k, v); }, removeItem: (k) => { memory.delete(k); } },
    }),
  };
}
type World = ReturnType<typeof world>;

async function invoice(w: World, deleted = false): Promise<InvoiceId> {
  const r = await w.invoices.create(sampleContent(), { warnings: [] });
  if (!r.ok) throw new Error('seed');
  if (deleted) await w.invoices.softDelete(r.invoice.id);
  return r.invoice.id;
}

const nothing = () => Promise.resolve(null);

/** What one run gave: success, or the refusal (returned in an outcome or thrown). */
type Ran = 'done' | PermissionRefusal | { readonly other: unknown };

async function settle(run: () => Promise<unknown>): Promise<Ran> {
  try {
    const r = await run();
    if (r && typeof r === 'object' && 'ok' in r && r.ok === false) {
      const e = 'error' in r ? r.error : undefined;
      return e && typeof e === 'object' && 'kind' in e && e.kind === 'forbidden' ? (e as PermissionRefusal) : { other: e };
    }
    return 'done';
  } catch (e) {
    if (e instanceof PermissionRefusedError) return e.refusal;
    throw e;
  }
}

/** Each action the data layer guards: how to prepare (as the admin 'me') and how to take it. */
const SCENARIOS: Partial<Record<Action, { seed: (w: World) => Promise<unknown>; run: (w: World, seeded: unknown) => Promise<unknown>; allowedIsDone?: boolean }>> = {
  'invoice.create': { seed: nothing, run: (w) => w.invoices.create(sampleContent(), { warnings: [] }) },
  'invoice.edit': {
    seed: (w) => invoice(w),
    run: async (w, id) => {
      const inv = await w.invoices.get(id as InvoiceId);
      return w.invoices.update(id as InvoiceId, { ...sampleContent(), remarks: '改过' }, [], inv?.updatedAt ?? '');
    },
  },
  'invoice.check': { seed: (w) => invoice(w), run: (w, id) => w.invoices.changeStatus(id as InvoiceId, 'verified', '') },
  'invoice.status': { seed: (w) => invoice(w), run: (w, id) => w.invoices.changeStatus(id as InvoiceId, 'lost', '') },
  'invoice.delete': { seed: (w) => invoice(w), run: (w, id) => w.invoices.softDelete(id as InvoiceId) },
  'invoice.restore': { seed: (w) => invoice(w, true), run: (w, id) => w.invoices.restore(id as InvoiceId) },
  'invoice.purge': { seed: (w) => invoice(w, true), run: (w, id) => w.invoices.purge(id as InvoiceId) },
  'conflict.resolve': { seed: (w) => invoice(w), run: (w, id) => w.conflicts.resolve({ entity: 'invoice', entityId: id as string }, { remarks: '选了这个' }, [1]) },
  'case.edit': {
    seed: nothing,
    run: (w) => w.cases.open({ title: '缺票', origin: 'manual', ref: { kind: 'vat_normal', code: '', number: '1', issueDate: '', seller: { name: '', taxId: '' }, total: null }, invoiceId: null, findingKey: null }),
  },
  'import.run': {
    seed: nothing,
    run: (w) => w.imports.commit({ fileName: '台账.xlsx', sha256: 'a'.repeat(64), items: [{ content: sampleContent(1), warnings: [] }] }),
  },
  'reconcile.run': {
    seed: nothing,
    run: (w) => w.reconcile.saveRun({
      period: { from: '2026-03-01', to: '2026-03-31' }, direction: 'in', sources: [], findingKeys: [],
      summary: { listRows: 0, ledgerRows: 0, missingInLedger: 0, missingOnList: 0, mismatched: 0, voidedButActive: 0, paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0, sequenceGaps: 0 },
    }),
  },
  'mapping.edit': { seed: nothing, run: (w) => w.reconcile.saveMapping({ name: '工行', kind: 'bank', columns: {}, sheet: '' }) },
  'view.save': { seed: nothing, run: (w) => w.views.save('本月', {}) },
  'backup.settings': { seed: nothing, run: (w) => w.backup.state.saveSettings(DEFAULT_BACKUP_SETTINGS) },
  // An empty folder: the admin gets past the check to a read error, never to a refusal.
  'backup.restore': { seed: nothing, run: (w) => w.backup.restoreFrom(new BlobFolder()), allowedIsDone: false },
  'user.manage': { seed: nothing, run: (w) => w.users.add({ login: 'li', displayName: '李', role: 'clerk' }) },
  'settings.edit': { seed: nothing, run: (w) => w.users.setIdleMinutes(30) },
  'feedback.send': { seed: nothing, run: (w) => w.feedback.send({ screen: 'list', doing: '录入', message: '按钮太小', appVersion: 't', diagnostics: null, includeInvoiceContent: false }) },
  'feedback.read': {
    seed: async (w) => {
      const r = await w.feedback.send({ screen: 'list', doing: '', message: '慢', appVersion: 't', diagnostics: null, includeInvoiceContent: false });
      if (!r.ok) throw new Error('seed');
      return r.value.id;
    },
    run: (w, id) => w.feedback.markRead(id as string),
  },
  'periodCheck.run': { seed: nothing, run: (w) => w.periodChecks.save('2026-03', '') },
  'sync.server': {
    seed: (w) => w.users.createFirstAdmin({ login: 'boss', displayName: '老板', password: 'boss-pass-1' }),
    run: (w) => w.sync.saveSettings({ serverUrl: 'https://office.lan:8443', deviceId: 'd1', deviceName: 'PC', enrolledAt: '2026-01-01T00:00:00.000Z' }),
  },
};

/** Actions no repository of the renderer's data layer writes for, and why. */
const NOT_IN_REPOSITORIES: Partial<Record<Action, string>> = {
  'export.run': 'every role may export; exports write no record',
  'backup.run': 'every role makes backups (the daily one runs for everyone)',
  'audit.view': 'reading the audit trail (the audit page, issue #13 point 3)',
  'audit.verify': 'verifying the chain (audit page)',
  'audit.export': 'exporting the chain (audit page)',
};

describe('the permission table on the repositories', () => {
  it('covers every action of the table', () => {
    for (const action of ACTIONS) expect(action in SCENARIOS || action in NOT_IN_REPOSITORIES, action).toBe(true);
  });

  for (const [action, scenario] of Object.entries(SCENARIOS) as [Action, NonNullable<(typeof SCENARIOS)[Action]>][]) {
    describe(action, () => {
      for (const role of ROLES) {
        const allowed = roleMay(role, action);
        it(`${allowed ? 'lets' : 'refuses'} ${role}`, async () => {
          const w = world();
          const seeded = await scenario.seed(w);
          const outbox = await w.db.outbox.count();
          w.as({ login: 'me', role });
          const ran = await settle(() => scenario.run(w, seeded));
          if (allowed) {
            if (scenario.allowedIsDone === false) expect(ran).not.toMatchObject({ kind: 'forbidden' });
            else expect(ran).toBe('done');
            return;
          }
          expect(ran).toEqual({ kind: 'forbidden', action, reason: 'role', needs: PERMISSIONS[action], login: 'me', role });
          expect(await w.db.outbox.count(), 'nothing queued').toBe(outbox);
          expect(await w.db.audit.orderBy('seq').last()).toMatchObject({
            action: 'refused', user: 'me', device: 'test-pc · 00000000', after: { action, reason: 'role', needs: PERMISSIONS[action], role },
          });
        });
      }
      it('refuses when nobody is signed in', async () => {
        const w = world();
        const seeded = await scenario.seed(w);
        w.as(null);
        expect(await settle(() => scenario.run(w, seeded))).toMatchObject({ kind: 'forbidden', action, reason: 'signedOut', login: null });
      });
    });
  }
});

/** Every record of every synced entity, by entity and id (small test databases). */
async function snapshot(db: LedgerDb): Promise<Map<string, Record<string, unknown>>> {
  const all = new Map<string, Record<string, unknown>>();
  for (const e of SYNC_ENTITIES) {
    for (const r of (await db.table(ENTITY_TABLES[e]).toArray()) as Record<string, unknown>[]) all.set(`${e}:${String(r['id'])}`, r);
  }
  return all;
}

describe('the repositories agree with the server’s mutation → action mapping', () => {
  for (const [action, scenario] of Object.entries(SCENARIOS) as [Action, NonNullable<(typeof SCENARIOS)[Action]>][]) {
    it(action, async () => {
      const w = world();
      const seeded = await scenario.seed(w);
      const before = await snapshot(w.db);
      const from = (await w.db.outbox.orderBy('mutationId').last())?.mutationId ?? 0;
      await scenario.run(w, seeded);
      const mutations = await w.db.outbox.where('mutationId').above(from).toArray();
      if (mutations.length === 0) return; // settings and views are not synced
      for (const role of ROLES) {
        const actor: Actor = { login: 'me', role };
        const serverAllows = mutations.every((m) => mutationActions({
          entity: m.entity, op: m.op, changes: m.changes, current: before.get(`${m.entity}:${m.entityId}`),
          resolves: (m.resolves?.length ?? 0) > 0, by: m.by ?? '',
        }).every((a) => authorize(actor, a.action, a.target).ok));
        expect(serverAllows, `${role}: ${mutations.map((m) => `${m.entity} ${m.op}`).join(', ')}`).toBe(roleMay(role, action));
      }
      expect(mutations.every((m) => m.by === 'me')).toBe(true);
    });
  }
});

describe('the clerk’s own-and-unchecked rule on the repositories', () => {
  async function seededByAnother() {
    const w = world();
    w.as({ login: 'wang', role: 'clerk' });
    const id = await invoice(w);
    return { w, id };
  }

  it('refuses editing, deleting and restoring another clerk’s invoice, saying whose it is not', async () => {
    const { w, id } = await seededByAnother();
    w.as({ login: 'li', role: 'clerk' });
    const inv = await w.invoices.get(id);
    expect(await w.invoices.update(id, sampleContent(), [], inv?.updatedAt ?? '')).toMatchObject({ ok: false, error: { kind: 'forbidden', action: 'invoice.edit', reason: 'notOwner', needs: ['clerk', 'admin'] } });
    expect(await w.invoices.softDelete(id)).toMatchObject({ ok: false, error: { reason: 'notOwner' } });
    w.as({ login: 'wang', role: 'clerk' });
    expect(await w.invoices.softDelete(id)).toMatchObject({ ok: true });
    w.as({ login: 'li', role: 'clerk' });
    expect(await w.invoices.restore(id)).toMatchObject({ ok: false, error: { action: 'invoice.restore', reason: 'notOwner' } });
  });

  it('refuses editing an invoice once it is checked; the auditor may check but not edit', async () => {
    const { w, id } = await seededByAnother();
    w.as({ login: 'zhao', role: 'auditor' });
    expect(await w.invoices.changeStatus(id, 'verified', '')).toMatchObject({ ok: true });
    const inv = await w.invoices.get(id);
    expect(await w.invoices.update(id, sampleContent(), [], inv?.updatedAt ?? '')).toMatchObject({ ok: false, error: { action: 'invoice.edit', reason: 'role' } });
    w.as({ login: 'wang', role: 'clerk' });
    expect(await w.invoices.update(id, sampleContent(), [], inv?.updatedAt ?? '')).toMatchObject({ ok: false, error: { action: 'invoice.edit', reason: 'checked' } });
    expect(await w.invoices.changeStatus(id, 'entered', '')).toMatchObject({ ok: false, error: { action: 'invoice.check', needs: ['auditor', 'admin'] } });
  });

  it('lets a clerk undo only an import whose invoices are all theirs and unchecked; otherwise nothing moves', async () => {
    const w = world();
    w.as({ login: 'wang', role: 'clerk' });
    const batch = await w.imports.commit({ fileName: 'a.xlsx', sha256: 'b'.repeat(64), items: [{ content: sampleContent(1), warnings: [] }, { content: sampleContent(2), warnings: [] }] });
    if (!batch.ok) throw new Error('seed');
    w.as({ login: 'zhao', role: 'auditor' });
    expect(await w.invoices.changeStatus(batch.value.invoiceIds[1] as InvoiceId, 'verified', '')).toMatchObject({ ok: true });
    w.as({ login: 'wang', role: 'clerk' });
    expect(await w.imports.undo(batch.value.id)).toMatchObject({ ok: false, error: { kind: 'forbidden', action: 'invoice.delete', reason: 'checked' } });
    expect((await w.invoices.get(batch.value.invoiceIds[0] as InvoiceId))?.deleted).toBe(false);
    expect(await w.db.audit.orderBy('seq').last()).toMatchObject({ action: 'refused', entity: 'importBatch', entityId: batch.value.id });
    w.as({ login: 'me', role: 'admin' });
    expect(await w.imports.undo(batch.value.id)).toMatchObject({ ok: true });
  });
});
