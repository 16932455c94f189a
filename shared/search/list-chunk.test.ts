import { describe, expect, it } from 'vitest';
import { entriesOf, isLegacyChunk, packChunk, unpackChunk, type ListEntry } from './list-chunk';
import { filterListIndex } from './list-filter';

const entry = (id: string, date: number, over: Partial<ListEntry> = {}): ListEntry => ({
  id, date, status: 0, kind: 0, total: 100, deleted: false, hasAttachment: false, hasWarnings: false, duplicate: false, created: 0, number: '1', code: '', seller: 'a\u000191', buyer: 'b\u000192', ...over,
});

describe('list chunks', () => {
  it('pack and unpack without loss', () => {
    const entries = [
      entry('x', 20250101, { deleted: true, hasAttachment: true, total: -5, status: 3, kind: 7, created: 1_764_979_200_000 }),
      entry('y', 0, { hasWarnings: true }), entry('z', 0, { duplicate: true }),
    ];
    expect(entriesOf(unpackChunk(packChunk(4, 9, entries)))).toEqual(entries);
    expect(entriesOf(unpackChunk(packChunk(4, 9, [])))).toEqual([]);
  });

  it('filter by capture time (from inclusive, before exclusive), warnings and duplicate flags', () => {
    const c = unpackChunk(packChunk(0, 1, [
      entry('a', 1, { created: Date.parse('2026-12-06T00:00:00Z'), hasWarnings: true }),
      entry('b', 1, { created: Date.parse('2026-12-06T23:59:59Z'), duplicate: true }),
      entry('c', 1, { created: Date.parse('2026-12-07T00:00:00Z'), hasWarnings: true, duplicate: true }),
    ]));
    expect(filterListIndex([c], { capturedFrom: '2026-12-06T00:00:00Z', capturedBefore: '2026-12-07T00:00:00Z' })).toEqual(['b', 'a']);
    expect(filterListIndex([c], { hasWarnings: 'yes' })).toEqual(['c', 'a']);
    expect(filterListIndex([c], { hasWarnings: 'no' })).toEqual(['b']);
    expect(filterListIndex([c], { duplicate: 'yes', hasWarnings: 'yes' })).toEqual(['c']);
  });

  it('tell a chunk stored before the capture column and flags existed', () => {
    const packed = packChunk(0, 1, [entry('a', 1)]);
    expect(isLegacyChunk(packed)).toBe(false);
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the column is dropped on purpose
    const { created: _dropped, ...old } = packed;
    expect(isLegacyChunk(old)).toBe(true);
    expect(unpackChunk(old).created).toEqual(new Float64Array(1));
  });

  it('orders by date descending, ties by id descending, across chunks', () => {
    const a = unpackChunk(packChunk(0, 1, [entry('a', 20250102), entry('c', 20250101)]));
    const b = unpackChunk(packChunk(1, 1, [entry('b', 20250101), entry('d', 20250301)]));
    expect(filterListIndex([a, b], {})).toEqual(['d', 'a', 'c', 'b']);
  });

  it('matches the tax id by prefix only and the name anywhere', () => {
    const c = unpackChunk(packChunk(0, 1, [entry('a', 1, { seller: '北京京诚科技有限公司\u000191110108690017781b' })]));
    expect(filterListIndex([c], { seller: '9111' })).toEqual(['a']);
    expect(filterListIndex([c], { seller: '7781b' })).toEqual([]);
    expect(filterListIndex([c], { seller: '京诚' })).toEqual(['a']);
  });
});

describe('ordering', () => {
  it('sorts ids within a date even when insertion order disagrees with id order', () => {
    const c = unpackChunk(packChunk(0, 1, [
      entry('0190a000-0000-7000-8000-000000000003', 20250101),
      entry('0190a000-0000-7000-8000-000000000001', 20250101),
      entry('0190b000-0000-7000-8000-000000000002', 20250101),
      entry('0190a000-0000-7000-8000-000000000009', 20250102),
    ]));
    expect(filterListIndex([c], {})).toEqual([
      '0190a000-0000-7000-8000-000000000009',
      '0190b000-0000-7000-8000-000000000002',
      '0190a000-0000-7000-8000-000000000003',
      '0190a000-0000-7000-8000-000000000001',
    ]);
  });
});
