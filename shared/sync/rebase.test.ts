import { describe, expect, it } from 'vitest';
import { protectedFields, rebaseRecord } from './rebase';

const m = (state: 'pending' | 'sent' | 'acked' | 'rejected', changes: Record<string, unknown>, ackedVersion?: number) =>
  ({ state, changes, ...(ackedVersion === undefined ? {} : { ackedVersion }) });

describe('protectedFields', () => {
  it('protects fields of pending and sent mutations', () => {
    expect([...protectedFields([m('pending', { a: 1 }), m('sent', { b: 2 })], 5)].sort()).toEqual(['a', 'b']);
  });

  it('protects an acked mutation only against older server copies', () => {
    const acked = [m('acked', { a: 1 }, 7)];
    expect([...protectedFields(acked, 6)]).toEqual(['a']);
    expect([...protectedFields(acked, 7)]).toEqual([]);
    expect([...protectedFields([m('acked', { a: 1 })], 1)]).toEqual([]);
  });

  it('never protects rejected mutations (the server will not apply them)', () => {
    expect([...protectedFields([m('rejected', { a: 1 })], 1)]).toEqual([]);
  });
});

describe('rebaseRecord', () => {
  const local = { id: 'x', version: 3, seller: 'A', remarks: 'mine', deleted: false, updatedAt: 't1' };

  it('takes server values for unprotected fields and keeps protected local ones', () => {
    const r = rebaseRecord(local, { version: 5, deleted: false, data: { id: 'x', seller: 'B', remarks: 'theirs' } }, new Set(['remarks']));
    expect(r.record).toMatchObject({ seller: 'B', remarks: 'mine', version: 5, updatedAt: 't1' });
    expect(r.changed).toEqual(['seller']);
  });

  it('reports no content change when only the version moved', () => {
    const r = rebaseRecord(local, { version: 9, deleted: false, data: { id: 'x', seller: 'A', remarks: 'mine' } }, new Set());
    expect(r.changed).toEqual([]);
    expect(r.record.version).toBe(9);
  });

  it('follows the server delete unless a local delete or restore is pending', () => {
    const pulled = { version: 6, deleted: true, data: { id: 'x' } };
    expect(rebaseRecord(local, pulled, new Set()).record.deleted).toBe(true);
    expect(rebaseRecord(local, pulled, new Set(['deleted'])).record.deleted).toBe(false);
  });

  it('builds a new record from server data alone', () => {
    const r = rebaseRecord(undefined, { version: 1, deleted: false, data: { id: 'y', seller: 'C' } }, new Set(['seller']));
    expect(r.record).toEqual({ id: 'y', seller: 'C', deleted: false, version: 1 });
    expect([...r.changed].sort()).toEqual(['deleted', 'id', 'seller']);
  });
});
