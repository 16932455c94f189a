import { describe, expect, it } from 'vitest';
import { mutationActions, statusAction, type MutationFacts } from './mutation-actions';

const invoice = { id: 'i1', createdBy: 'wang', status: 'entered', deleted: false, remarks: '' };
const facts = (over: Partial<MutationFacts>): MutationFacts => ({ entity: 'invoice', op: 'upsert', changes: {}, current: invoice, resolves: false, by: 'wang', ...over });
const owner = { createdBy: 'wang', status: 'entered' };

describe('mutationActions', () => {
  it('names the invoice action of each kind of change, with the owner rule’s target', () => {
    expect(mutationActions(facts({ current: undefined, changes: { status: 'entered' } }))).toEqual([{ action: 'invoice.create' }]);
    expect(mutationActions(facts({ changes: { remarks: 'x', updatedAt: 't' } }))).toEqual([{ action: 'invoice.edit', target: owner }]);
    expect(mutationActions(facts({ changes: { status: 'verified', statusHistory: [] } }))).toEqual([{ action: 'invoice.check' }]);
    expect(mutationActions(facts({ changes: { status: 'lost', statusHistory: [] } }))).toEqual([{ action: 'invoice.status' }]);
    expect(mutationActions(facts({ op: 'delete', changes: { deleted: true, deletedAt: 't' } }))).toEqual([{ action: 'invoice.delete', target: owner }]);
    expect(mutationActions(facts({ op: 'delete', changes: { purged: true } }))).toEqual([{ action: 'invoice.purge', target: owner }]);
    expect(mutationActions(facts({ current: { ...invoice, deleted: true }, changes: { deleted: false, deletedAt: null } }))).toEqual([{ action: 'invoice.restore', target: owner }]);
    expect(mutationActions(facts({ resolves: true, changes: { remarks: 'x' } }))).toEqual([{ action: 'conflict.resolve' }]);
    // Content and status in one mutation need both.
    expect(mutationActions(facts({ changes: { status: 'lost', remarks: 'x' } }))).toEqual([{ action: 'invoice.status' }, { action: 'invoice.edit', target: owner }]);
  });

  it('maps other entities to their table actions', () => {
    expect(mutationActions(facts({ entity: 'case', current: undefined }))).toEqual([{ action: 'case.edit' }]);
    expect(mutationActions(facts({ entity: 'importBatch', current: undefined }))).toEqual([{ action: 'import.run' }]);
    expect(mutationActions(facts({ entity: 'mapping', current: undefined }))).toEqual([{ action: 'mapping.edit' }]);
    expect(mutationActions(facts({ entity: 'reconcileRun', current: undefined }))).toEqual([{ action: 'reconcile.run' }]);
  });

  it('lets every author send feedback; marking it read is the admin’s', () => {
    const fb = { id: 'f1', createdBy: 'wang', status: 'new' };
    expect(mutationActions(facts({ entity: 'feedback', current: undefined, changes: { message: '慢', status: 'new' } }))).toEqual([{ action: 'feedback.send' }]);
    expect(mutationActions(facts({ entity: 'feedback', current: fb, changes: { status: 'read' } }))).toEqual([{ action: 'feedback.read' }]);
  });

  it('saves a month-end check as periodCheck.run', () => {
    expect(mutationActions(facts({ entity: 'periodCheck', current: undefined, changes: { month: '2026-03', pass: true } }))).toEqual([{ action: 'periodCheck.run' }]);
  });

  it('lets a user change only their own password without a role; anything else on users is the admin’s', () => {
    const user = { id: 'u1', login: 'wang', role: 'clerk' };
    const own = { passwordHash: '$argon2id$…', mustChangePassword: false, updatedAt: 't', updatedBy: 'wang' };
    expect(mutationActions(facts({ entity: 'user', current: user, changes: own }))).toEqual([]);
    expect(mutationActions(facts({ entity: 'user', current: user, changes: own, by: 'li' }))).toEqual([{ action: 'user.manage' }]);
    expect(mutationActions(facts({ entity: 'user', current: user, changes: { role: 'admin' } }))).toEqual([{ action: 'user.manage' }]);
    expect(mutationActions(facts({ entity: 'user', current: undefined, changes: own }))).toEqual([{ action: 'user.manage' }]);
  });
});

describe('statusAction', () => {
  it('is the check only between 已录入 and 已核对', () => {
    expect(statusAction('entered', 'verified')).toBe('invoice.check');
    expect(statusAction('verified', 'entered')).toBe('invoice.check');
    expect(statusAction('verified', 'booked')).toBe('invoice.status');
    expect(statusAction(undefined, 'verified')).toBe('invoice.status');
  });
});
