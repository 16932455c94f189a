import { describe, expect, it } from 'vitest';
import { diffFields } from './outbox';

describe('diffFields', () => {
  it('lists only changed fields with their base values', () => {
    const before = { a: 1, b: { x: 1 }, c: 'same', updatedAt: 't1' };
    const after = { a: 2, b: { x: 2 }, c: 'same', updatedAt: 't2' };
    expect(diffFields(before, after, ['updatedAt'])).toEqual({
      changes: { a: 2, b: { x: 2 } },
      baseValues: { a: 1, b: { x: 1 } },
    });
  });

  it('treats a missing before as all-new with null base values', () => {
    expect(diffFields(undefined, { a: 1 })).toEqual({ changes: { a: 1 }, baseValues: { a: null } });
  });

  it('gives a new record the same changes as comparing it with an empty one: ignored and undefined fields left out, null kept', () => {
    const after = { a: 1, b: { x: [1] }, n: null, u: undefined, version: 0, updatedAt: 't' };
    expect(diffFields<object>(undefined, after, ['version', 'updatedAt'])).toEqual(diffFields<object>({}, after, ['version', 'updatedAt']));
    expect(diffFields(undefined, after, ['version', 'updatedAt'])).toEqual({ changes: { a: 1, b: { x: [1] }, n: null }, baseValues: { a: null, b: null, n: null } });
  });
});
