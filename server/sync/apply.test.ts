import { describe, expect, it } from 'vitest';
import type { WireMutation } from '../../shared/sync/protocol';
import { applyPlan, planMutation, type StoredRecord } from './apply';

const at = '2026-01-01T00:00:00.000Z';
const mutation = (over: Partial<WireMutation>): WireMutation => ({
  id: 1, entity: 'invoice', entityId: 'inv-1', op: 'upsert', baseVersion: 0, changes: {}, baseValues: {}, ...over,
});

/** A record created by device A at v1, then its `total` changed by B at v2. */
function record(): StoredRecord {
  const created = applyPlan(undefined, { apply: { id: 'inv-1', total: 100, remarks: 'a', deleted: false }, conflicts: [] }, 1, 'A', at);
  return applyPlan(created, { apply: { total: 200 }, conflicts: [] }, 2, 'B', at);
}

describe('planMutation', () => {
  it('creates a record the server has never seen', () => {
    const plan = planMutation(undefined, mutation({ changes: { id: 'inv-1', total: 1 } }), 'A');
    expect(plan).toEqual({ apply: { id: 'inv-1', total: 1 }, conflicts: [] });
  });

  it('applies a field nobody else changed since baseVersion', () => {
    const plan = planMutation(record(), mutation({ baseVersion: 1, changes: { remarks: 'b' }, baseValues: { remarks: 'a' } }), 'C');
    expect(plan).toEqual({ apply: { remarks: 'b' }, conflicts: [] });
  });

  it('keeps the server value and records a conflict when another device changed the field after baseVersion', () => {
    const plan = planMutation(record(), mutation({ baseVersion: 1, changes: { total: 300, remarks: 'b' }, baseValues: { total: 100, remarks: 'a' } }), 'C');
    expect(plan.apply).toEqual({ remarks: 'b' });
    expect(plan.conflicts).toEqual([{ field: 'total', baseValue: 100, serverValue: 200, clientValue: 300, serverDeviceId: 'B', serverAt: at }]);
  });

  it('is no conflict when both sides chose the same value', () => {
    const plan = planMutation(record(), mutation({ baseVersion: 1, changes: { total: 200 }, baseValues: { total: 100 } }), 'C');
    expect(plan).toEqual({ apply: {}, conflicts: [] });
  });

  it('is no conflict when the device saw the change (baseVersion at or after it)', () => {
    const plan = planMutation(record(), mutation({ baseVersion: 2, changes: { total: 300 }, baseValues: { total: 200 } }), 'C');
    expect(plan).toEqual({ apply: { total: 300 }, conflicts: [] });
  });

  it('never conflicts a device with its own earlier change', () => {
    const plan = planMutation(record(), mutation({ baseVersion: 1, changes: { total: 250 }, baseValues: { total: 200 } }), 'B');
    expect(plan).toEqual({ apply: { total: 250 }, conflicts: [] });
  });

  it('catches A→B→A: the value is back to the base, but another device still changed the field', () => {
    const back = applyPlan(record(), { apply: { total: 100 }, conflicts: [] }, 3, 'B', at);
    const plan = planMutation(back, mutation({ baseVersion: 1, changes: { total: 999 }, baseValues: { total: 100 } }), 'C');
    expect(plan.conflicts.map((c) => c.field)).toEqual(['total']);
  });

  it('turns a delete racing another device\'s update into a whole-record conflict that changes nothing', () => {
    const plan = planMutation(record(), mutation({ op: 'delete', baseVersion: 1, changes: { deletedAt: at } }), 'C');
    expect(plan.apply).toEqual({});
    expect(plan.conflicts).toHaveLength(1);
    expect(plan.conflicts[0]).toMatchObject({ field: '*', serverDeviceId: 'B', clientValue: { deletedAt: at, deleted: true } });
  });

  it('deletes when nobody else changed the record since baseVersion', () => {
    const plan = planMutation(record(), mutation({ op: 'delete', baseVersion: 2, changes: { deletedAt: at } }), 'C');
    expect(plan).toEqual({ apply: { deletedAt: at, deleted: true }, conflicts: [] });
  });

  it('turns an update of a record another device deleted after baseVersion into a whole-record conflict', () => {
    const deleted = applyPlan(record(), { apply: { deleted: true }, conflicts: [] }, 3, 'B', at);
    expect(deleted.deleted).toBe(true);
    const plan = planMutation(deleted, mutation({ baseVersion: 2, changes: { remarks: 'z' } }), 'C');
    expect(plan.apply).toEqual({});
    expect(plan.conflicts[0]).toMatchObject({ field: '*', serverValue: expect.objectContaining({ deleted: true }) as unknown });
  });

  it('ignores client timestamps: a newer updatedAt does not win a conflicting field', () => {
    const plan = planMutation(record(), mutation({ baseVersion: 1, changes: { total: 1, updatedAt: '2099-01-01T00:00:00Z' } }), 'C');
    expect(plan.conflicts.map((c) => c.field)).toEqual(['total']);
  });
});

describe('applyPlan', () => {
  it('stamps each written field with version, device and time and leaves the others alone', () => {
    const next = applyPlan(record(), { apply: { remarks: 'x' }, conflicts: [] }, 5, 'C', 'later');
    expect(next.version).toBe(5);
    expect(next.fields['remarks']).toEqual({ v: 5, by: 'C', at: 'later' });
    expect(next.fields['total']).toEqual({ v: 2, by: 'B', at });
    expect(next.data).toMatchObject({ total: 200, remarks: 'x' });
  });
});
