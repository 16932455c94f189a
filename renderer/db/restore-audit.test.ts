import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import type { Actor } from '../../shared/auth/roles';
import { LedgerDb } from './db';
import { InvoiceRepository } from './invoice-repository';
import { ReconcileRepository } from './reconcile-repository';
import { BlobFolder } from './restore-folder';
import { ledgerBackupApi } from './restore-api';
import { activeLedgerName, type PointerStorage } from './restore-pointer';
import { sampleContent } from './sync-fixtures';
import { makeTestDb } from './test-db';

const ADMIN: Actor = { login: 'wang', role: 'admin' };
const DEVICE = 'test-pc · 00000000';

function memoryStorage(): PointerStorage {
  const map = new Map<string, string>();
  return { getItem: (k) => map.get(k) ?? null, setItem: (k, v) => { map.set(k, v); }, removeItem: (k) => { map.delete(k); } };
}

/** A PC: its own IndexedDB, a ledger with `n` invoices, and the backup API acting as `actor`. */
async function pc(n: number, actor: Actor = ADMIN) {
  const factory = new IDBFactory();
  const { ctx } = makeTestDb(actor);
  const open = (name: string) => new LedgerDb(name, { indexedDB: factory, IDBKeyRange });
  const db = open('fapiao-desk');
  const repo = new InvoiceRepository(db, ctx);
  for (let i = 0; i < n; i++) if (!(await repo.create(sampleContent(i), { warnings: [] })).ok) throw new Error('setup');
  const storage = memoryStorage();
  const api = ledgerBackupApi(db, { ctx, now: ctx.now, appVersion: '0.1.0', openDb: open, storage });
  const restored = () => open(activeLedgerName(storage));
  return { db, ctx, repo, api, restored };
}

async function exported(api: ReturnType<typeof ledgerBackupApi>): Promise<BlobFolder> {
  const folder = new BlobFolder();
  if (!(await api.exportTo(folder)).ok) throw new Error('export');
  return folder;
}

describe('audit events of backups, exports and reconciliation', () => {
  it('audits a backup (manual or automatic) and a verification with who, where and how much', async () => {
    const { db, api } = await pc(1);
    await api.state.recordBackup({ at: '2026-01-01T00:00:00.000Z', target: 'U盘 (E:)', bytes: 2048, automatic: false });
    await api.state.recordBackup({ at: '2026-01-01T00:00:00.000Z', target: '本机自动备份', bytes: 10, automatic: true });
    await api.state.recordVerified({ at: '2026-01-01T00:00:00.000Z', level: 2, ok: false, target: 'U盘 (E:)' });
    const events = (await db.audit.orderBy('seq').toArray()).slice(1);
    expect(events).toEqual([
      expect.objectContaining({ action: 'backup', user: 'wang', device: DEVICE, entity: 'backup', entityId: 'U盘 (E:)', after: { target: 'U盘 (E:)', bytes: 2048, automatic: false } }),
      expect.objectContaining({ action: 'backup', after: expect.objectContaining({ automatic: true }) as unknown }),
      expect.objectContaining({ action: 'backupVerify', user: 'wang', device: DEVICE, after: { target: 'U盘 (E:)', level: 2, ok: false } }),
    ]);
  });

  it('audits "export all data" with the counts', async () => {
    const { db, api } = await pc(2);
    await exported(api);
    expect(await db.audit.orderBy('seq').last()).toMatchObject({ action: 'export', user: 'wang', device: DEVICE, after: { kind: 'folder', invoices: 2, attachments: 0 } });
  });

  it('audits a reconciliation run as a reconcile entry', async () => {
    const { db, ctx } = makeTestDb({ login: 'shen', role: 'auditor' });
    const summary = { listRows: 3, ledgerRows: 2 } as never;
    const run = await new ReconcileRepository(db, ctx).saveRun({ period: { from: '2026-03-01', to: '2026-03-31' }, direction: 'in', sources: [], summary, findingKeys: ['k'] });
    expect(await db.audit.toArray()).toEqual([expect.objectContaining({ action: 'reconcile', entity: 'reconcileRun', entityId: run.id, user: 'shen', device: DEVICE })]);
  });
});

describe('the audit trail across a restore', () => {
  it('keeps this PC\'s history when the backup was made here: entries since the backup survive, then the restore', async () => {
    const { db, repo, api, restored } = await pc(2);
    const folder = await exported(api);
    if (!(await repo.create(sampleContent(7), { warnings: [] })).ok) throw new Error('setup');
    const before = await db.audit.orderBy('seq').toArray();
    expect((await api.restoreFrom(folder)).ok).toBe(true);
    const chain = await restored().audit.orderBy('seq').toArray();
    expect(chain.slice(0, -1)).toEqual(before);
    expect(chain.at(-1)).toMatchObject({ action: 'backupRestore', user: 'wang', device: DEVICE, after: { invoices: 2, history: 'current', restoredHead: { seq: 2 } } });
    expect(verifyChain(chain).ok).toBe(true);
  });

  it('keeps the backup\'s history for another PC\'s backup on a PC that is not enrolled', async () => {
    const other = await pc(3);
    const folder = await exported(other.api);
    const backupChain = await other.db.audit.orderBy('seq').toArray();
    const here = await pc(1);
    expect((await here.api.restoreFrom(folder)).ok).toBe(true);
    const chain = await here.restored().audit.orderBy('seq').toArray();
    expect(chain.slice(0, -1)).toEqual(backupChain.slice(0, -1)); // the backup's chain (its export entry came after)
    expect(chain.at(-1)).toMatchObject({ action: 'backupRestore', after: { history: 'backup' } });
    expect(verifyChain(chain).ok).toBe(true);
  });

  it('keeps this PC\'s chain when it is enrolled, whatever the backup, so the server\'s copy goes on', async () => {
    const other = await pc(3);
    const folder = await exported(other.api);
    const here = await pc(1);
    await here.db.meta.put({ key: 'sync.settings', value: { serverUrl: 'https://office.test', deviceId: 'D1', deviceName: 'PC', enrolledAt: 't' } });
    await here.db.meta.put({ key: 'sync.auditSeq', value: 1 });
    const mine = await here.db.audit.orderBy('seq').toArray();
    expect((await here.api.restoreFrom(folder)).ok).toBe(true);
    const next = here.restored();
    const chain = await next.audit.orderBy('seq').toArray();
    expect(chain.slice(0, -1)).toEqual(mine);
    expect(chain.at(-1)).toMatchObject({ action: 'backupRestore', after: { history: 'current', invoices: 3 } });
    expect((await next.meta.get('sync.auditSeq'))?.value).toBe(1);
  });
});
