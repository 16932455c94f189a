import { describe, expect, it } from 'vitest';
import type { WireMutation } from '../../shared/sync/protocol';
import { invalidReason } from './validate';

const m = (changes: Record<string, unknown>, op: WireMutation['op'] = 'upsert'): WireMutation => ({
  id: 1, entity: 'invoice', entityId: 'inv-1', op, baseVersion: 0, changes, baseValues: {},
});

describe('invalidReason', () => {
  it('accepts a well-typed invoice change, including fields the server does not know', () => {
    expect(invalidReason(m({ id: 'inv-1', total: 52600, kind: 'vat_special', seller: { name: '某公司', taxId: '91110000' }, futureField: 1 }))).toBeUndefined();
    expect(invalidReason(m({ deleted: true, deletedAt: '2026-01-01T00:00:00Z' }, 'delete'))).toBeUndefined();
  });

  it.each([
    [{ total: '526.00' }, /total/],
    [{ amount: 1.5 }, /amount/],
    [{ kind: 'receipt' }, /kind/],
    [{ status: 'gone' }, /status/],
    [{ attachments: ['not-a-hash'] }, /attachments/],
    [{ version: 3 }, /version/],
    [{ id: 'inv-2' }, /id/],
  ])('rejects %j with a reason naming the field', (changes, reason) => {
    expect(invalidReason(m(changes))).toMatch(reason);
  });

  it('rejects a delete that un-deletes', () => {
    expect(invalidReason(m({ deleted: false }, 'delete'))).toMatch(/deleted/);
  });
});
