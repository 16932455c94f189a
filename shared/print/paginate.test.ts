import { describe, expect, it } from 'vitest';
import { paginate, type FlowItem } from './paginate';

const rows = (n: number, height = 10, table = 0): FlowItem[] => Array.from({ length: n }, () => ({ height, table }));
const TABLE = { headerHeight: 20, pageFooterHeight: 10, closingFooterHeight: 10 };

describe('paginate', () => {
  it('gives one empty page for an empty document', () => {
    expect(paginate([], [], { first: 100, rest: 100 })).toEqual([[]]);
  });

  it('keeps blocks whole and moves the one that does not fit to the next page', () => {
    const items = [{ height: 60 }, { height: 30 }, { height: 20 }];
    expect(paginate(items, [], { first: 100, rest: 100 })).toEqual([[0, 1], [2]]);
  });

  it('reserves the table header and per-page footer on every page the table spans', () => {
    // 100 of room: header 20 + footer 10 leave 70, so 7 rows fit; the closing footer (10) costs the last page a row.
    const pages = paginate(rows(15), [TABLE], { first: 100, rest: 100 });
    expect(pages.map((p) => p.length)).toEqual([7, 7, 1]);
    expect(pages.flat()).toEqual([...Array(15).keys()]);
  });

  it('moves the last row over when the closing footer does not fit beside it', () => {
    // 7 rows fill a page exactly; the closing footer of the 7th needs 10 more, so the 7th goes to page 2.
    expect(paginate(rows(7), [TABLE], { first: 100, rest: 100 }).map((p) => p.length)).toEqual([6, 1]);
    expect(paginate(rows(6), [TABLE], { first: 100, rest: 100 }).map((p) => p.length)).toEqual([6]);
  });

  it('uses less room on the first page (the document heading sits there)', () => {
    const pages = paginate(rows(20), [TABLE], { first: 60, rest: 100 });
    expect(pages.map((p) => p.length)).toEqual([3, 7, 7, 3]);
  });

  it('respects rows of different heights (wrapped names)', () => {
    const items: FlowItem[] = [{ height: 10, table: 0 }, { height: 25, table: 0 }, { height: 25, table: 0 }, { height: 10, table: 0 }];
    expect(paginate(items, [TABLE], { first: 80, rest: 80 })).toEqual([[0, 1], [2, 3]]);
  });

  it('puts a block taller than a page on a page of its own instead of looping', () => {
    expect(paginate([{ height: 10 }, { height: 500 }, { height: 10 }], [], { first: 100, rest: 100 })).toEqual([[0], [1], [2]]);
  });

  it('mixes blocks and tables: a block after a table shares its last page when it fits', () => {
    const items: FlowItem[] = [{ height: 30 }, ...rows(3), { height: 20 }];
    expect(paginate(items, [TABLE], { first: 200, rest: 200 })).toEqual([[0, 1, 2, 3, 4]]);
  });

  it('refuses a row that names a missing table (a programming error)', () => {
    expect(() => paginate([{ height: 1, table: 3 }], [TABLE], { first: 10, rest: 10 })).toThrow(RangeError);
  });
});
