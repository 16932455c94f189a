import { describe, expect, it } from 'vitest';
import { flowEntries, pageSegments } from './flow';
import type { PrintBlock } from './print-types';

const table = (key: string, rows: number): PrintBlock => ({
  kind: 'table', key, table: { columns: [{ key: 'a', label: 'A', width: 'auto' }], rows: Array.from({ length: rows }, (_, i) => ({ key: String(i), cells: [i] })) },
});

describe('flow', () => {
  it('lists blocks whole and tables row by row, an empty table as one block', () => {
    const blocks: PrintBlock[] = [{ kind: 'block', key: 'h', node: null }, table('t', 2), table('empty', 0), table('u', 1)];
    const { entries, tableBlocks } = flowEntries(blocks);
    expect(entries).toEqual([
      { kind: 'block', block: 0 },
      { kind: 'row', block: 1, row: 0, table: 0 }, { kind: 'row', block: 1, row: 1, table: 0 },
      { kind: 'block', block: 2 },
      { kind: 'row', block: 3, row: 0, table: 1 },
    ]);
    expect(tableBlocks).toEqual([1, 3]);
  });

  it('draws consecutive rows of one table on a page as one table, and a new table after a block separately', () => {
    const { entries } = flowEntries([table('t', 3), { kind: 'block', key: 'b', node: null }, table('u', 2)]);
    expect(pageSegments(entries, [1, 2, 3, 4])).toEqual([
      { kind: 'rows', block: 0, rows: [1, 2], table: 0 },
      { kind: 'block', block: 1 },
      { kind: 'rows', block: 2, rows: [0], table: 1 },
    ]);
  });
});
