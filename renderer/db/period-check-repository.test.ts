import { describe, expect, it } from 'vitest';
import type { Actor } from '../../shared/auth/roles';
import { sampleContent } from './sync-fixtures';
import { InvoiceRepository } from './invoice-repository';
import { BackupStateRepository } from './backup-state-repository';
import { verifyAuditTrail } from './audit-verify';
import { lastLedgerChange, PeriodCheckRepository } from './period-check-repository';
import { makeTestDb } from './test-db';

function world(actor: Actor = { login: 'wang', role: 'clerk' }) {
  const { db, ctx } = makeTestDb(actor);
  return { db, ctx, invoices: new InvoiceRepository(db, ctx), checks: new PeriodCheckRepository(db, ctx), backup: new BackupStateRepository(db, ctx) };
}

describe('PeriodCheckRepository', () => {
  it('reads the month’s live invoices only and finds the one still 已录入', async () => {
    const w = world({ login: 'boss', role: 'admin' });
    const march = await w.invoices.create({ ...sampleContent(1), issueDate: '2026-03-15' }, { warnings: [] });
    await w.invoices.create({ ...sampleContent(2), issueDate: '2026-04-01' }, { warnings: [] });
    const binned = await w.invoices.create({ ...sampleContent(3), issueDate: '2026-03-20' }, { warnings: [] });
    if (!march.ok || !binned.ok) throw new Error('seed');
    await w.invoices.softDelete(binned.invoice.id);
    const r = await w.checks.evaluate('2026-03');
    expect(r.items[0]).toMatchObject({ id: 'checked', pass: false, count: 1, examples: [{ ref: march.invoice.id }] });
    expect(r.pass).toBe(false);
    await w.invoices.changeStatus(march.invoice.id, 'verified', '');
    expect((await w.checks.evaluate('2026-03')).items[0]).toMatchObject({ pass: true, count: 0 });
  });

  it('takes the last change from the audit trail, ignoring events and saved checks; backup and audit items follow it', async () => {
    const w = world();
    expect(await lastLedgerChange(w.db)).toBeNull();
    await w.invoices.create({ ...sampleContent(1), issueDate: '2026-03-15' }, { warnings: [] });
    const change = await lastLedgerChange(w.db);
    expect(change).toMatchObject({ seq: 1 });
    w.ctx.tick();
    await w.backup.recordBackup({ at: w.ctx.now(), target: 'U盘', bytes: 10, automatic: false });
    await w.backup.recordVerified({ at: w.ctx.now(), level: 1, ok: true, target: 'U盘' });
    await verifyAuditTrail(w.db, w.ctx, w.ctx.now(), 'manual');
    expect(await w.checks.save('2026-03', '')).toMatchObject({ ok: true });
    expect(await lastLedgerChange(w.db)).toEqual(change);
    const items = (await w.checks.evaluate('2026-03')).items;
    expect(items.find((i) => i.id === 'backup')).toMatchObject({ pass: true, reason: 'ok' });
    expect(items.find((i) => i.id === 'audit')).toMatchObject({ pass: true, reason: 'ok' });
    w.ctx.tick();
    await w.invoices.create({ ...sampleContent(2), issueDate: '2026-03-16' }, { warnings: [] });
    const after = (await w.checks.evaluate('2026-03')).items;
    expect(after.find((i) => i.id === 'backup')).toMatchObject({ pass: false, reason: 'noBackupAfterChange' });
    expect(after.find((i) => i.id === 'audit')).toMatchObject({ pass: false, reason: 'verifiedBeforeChange' });
  });

  it('saves a check as a synced, audited record with who, the month, every item and the note; lists newest first', async () => {
    const w = world();
    await w.db.users.add({ id: 'u1', login: 'wang', displayName: '王会计', role: 'clerk' } as never);
    const first = await w.checks.save('2026-03', '  首次 ');
    w.ctx.tick();
    const second = await w.checks.save('2026-03', '');
    if (!first.ok || !second.ok) throw new Error('save');
    expect(first.value).toMatchObject({ month: '2026-03', from: '2026-03-01', to: '2026-03-31', createdBy: 'wang', byName: '王会计', note: '首次', pass: false });
    expect(first.value.items.map((i) => i.id)).toEqual(['checked', 'clean', 'reconciled', 'backup', 'audit']);
    expect((await w.checks.list()).map((c) => c.id)).toEqual([second.value.id, first.value.id]);
    expect(await w.checks.get(first.value.id)).toEqual(first.value);
    expect(await w.checks.get('nope')).toBeNull();
    expect(await w.db.outbox.toArray()).toMatchObject([{ entity: 'periodCheck', op: 'upsert' }, { entity: 'periodCheck', op: 'upsert' }]);
    expect((await w.db.audit.toArray()).map((a) => [a.action, a.entity])).toEqual([['create', 'periodCheck'], ['create', 'periodCheck']]);
  });

  it('refuses a bad month or an overlong note and writes nothing', async () => {
    const w = world();
    expect(await w.checks.save('2026-3', '')).toEqual({ ok: false, error: { kind: 'badMonth' } });
    expect(await w.checks.save('2026-03', 'x'.repeat(2001))).toEqual({ ok: false, error: { kind: 'noteTooLong', max: 2000 } });
    expect(await w.db.periodchecks.count()).toBe(0);
  });
});
