import type { ReactNode } from 'react';
import type { Amounts } from '../../../shared/print/page-totals';

/** A column of a printed table; widths are CSS lengths (mm or %) so every page lays the table out the same. */
export interface PrintColumn {
  readonly key: string;
  readonly label: string;
  readonly width: string;
  readonly align?: 'left' | 'right' | 'center';
  /** Long text wraps to at most two lines (true) or as many as it needs ('all') instead of one line with an ellipsis. */
  readonly wrap?: boolean | 'all';
}

/** A printed table row: one cell per column, and its amounts when the table totals per page. */
export interface PrintRow {
  readonly key: string;
  readonly cells: readonly ReactNode[];
  readonly amounts?: Amounts;
}

/** A table that may run over several pages: its header repeats on each, and with `totals` each page sums its rows. */
export interface PrintTable {
  /** A heading kept with the table: above its first rows, and with （续）/(continued) above the rest on later pages. */
  readonly title?: string;
  readonly columns: readonly PrintColumn[];
  readonly rows: readonly PrintRow[];
  /** 本页合计 on every page and 总计 after the last row: the label spans `span` columns, then one cell per remaining column. */
  readonly totals?: { readonly span: number; readonly cells: (sum: Amounts) => readonly ReactNode[] };
  /** Shown as the only row when `rows` is empty. */
  readonly empty?: string;
}

/** One piece of a document's flow: a block kept whole on one page, or a table split between pages by rows. */
export type PrintBlock =
  | { readonly kind: 'block'; readonly key: string; readonly node: ReactNode }
  | { readonly kind: 'table'; readonly key: string; readonly table: PrintTable };
