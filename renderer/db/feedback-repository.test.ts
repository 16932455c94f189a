import { describe, expect, it } from 'vitest';
import { FeedbackRepository } from './feedback-repository';
import { makeTestDb } from './test-db';

const input = { screen: 'list', doing: '录入发票', message: ' 保存按钮没反应 ', appVersion: '1.2.3', diagnostics: { sync: { pending: 2 } }, includeInvoiceContent: false };

describe('FeedbackRepository', () => {
  it('saves feedback as a synced record (outbox + audit) with status new', async () => {
    const { db, ctx } = makeTestDb({ login: 'wang', role: 'clerk' });
    const r = await new FeedbackRepository(db, ctx).send(input);
    expect(r.ok).toBe(true);
    const rows = await db.feedback.toArray();
    expect(rows).toMatchObject([{ message: '保存按钮没反应', status: 'new', createdBy: 'wang', appVersion: '1.2.3', diagnostics: { sync: { pending: 2 } } }]);
    expect(await db.outbox.toArray()).toMatchObject([{ entity: 'feedback', op: 'upsert' }]);
    expect((await db.audit.toArray()).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses an empty message and writes nothing', async () => {
    const { db, ctx } = makeTestDb();
    expect(await new FeedbackRepository(db, ctx).send({ ...input, message: '  ' })).toEqual({ ok: false, error: { kind: 'emptyMessage' } });
    expect(await db.feedback.count()).toBe(0);
  });

  it('lists newest first for the admin only, and marks read', async () => {
    const { db, ctx } = makeTestDb();
    const repo = new FeedbackRepository(db, ctx);
    await repo.send({ ...input, message: '一' });
    ctx.tick();
    const second = await repo.send({ ...input, message: '二' });
    expect((await repo.list()).map((f) => f.message)).toEqual(['二', '一']);
    if (!second.ok) throw new Error('send');
    const read = await repo.markRead(second.value.id);
    expect(read.ok && read.value.status).toBe('read');
    const clerk = makeTestDb({ login: 'wang', role: 'clerk' });
    expect(await new FeedbackRepository(clerk.db, clerk.ctx).list()).toEqual([]);
  });
});
