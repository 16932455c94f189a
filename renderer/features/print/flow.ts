import type { PrintBlock } from './print-types';

/** One measured item of the flow: a whole block, or one row of a table block. */
export type FlowEntry =
  | { readonly kind: 'block'; readonly block: number }
  | { readonly kind: 'row'; readonly block: number; readonly row: number; readonly table: number };

/** A run of a page's entries drawn together: one block, or consecutive rows of one table. */
export type PageSegment =
  | { readonly kind: 'block'; readonly block: number }
  | { readonly kind: 'rows'; readonly block: number; readonly rows: readonly number[]; readonly table: number };

/** The flow's entries in order; a table without rows is one block (its "none" row). tableBlocks maps table → block. */
export function flowEntries(blocks: readonly PrintBlock[]): { entries: FlowEntry[]; tableBlocks: number[] } {
  const entries: FlowEntry[] = [];
  const tableBlocks: number[] = [];
  blocks.forEach((b, block) => {
    if (b.kind === 'block' || b.table.rows.length === 0) { entries.push({ kind: 'block', block }); return; }
    const table = tableBlocks.length;
    tableBlocks.push(block);
    b.table.rows.forEach((_, row) => { entries.push({ kind: 'row', block, row, table }); });
  });
  return { entries, tableBlocks };
}

/** Groups a page's entries into segments (consecutive rows of the same table share one drawn table). */
export function pageSegments(entries: readonly FlowEntry[], page: readonly number[]): PageSegment[] {
  const out: PageSegment[] = [];
  for (const i of page) {
    const e = entries[i];
    if (!e) continue;
    if (e.kind === 'block') { out.push({ kind: 'block', block: e.block }); continue; }
    const last = out[out.length - 1];
    if (last?.kind === 'rows' && last.block === e.block) out[out.length - 1] = { ...last, rows: [...last.rows, e.row] };
    else out.push({ kind: 'rows', block: e.block, rows: [e.row], table: e.table });
  }
  return out;
}
