/**
 * Pagination of a document into A4 sheets, in code rather than CSS, because each page must carry its own
 * totals (本页合计) and the preview must show exactly the pages that print.
 *
 * A document is a flow of items measured in the same unit (CSS px at the sheet's width). An item is either a
 * whole block (kept on one page) or one row of a table. When a table's rows start on a page, that page repeats
 * the table's header; a page holding rows of a table reserves room for that table's per-page footer
 * (本页合计), and the page with the table's last row also for its closing footer (总计).
 */

/** One item of the flow: its height, and the table it is a row of (index into `tables`), if any. */
export interface FlowItem {
  readonly height: number;
  readonly table?: number;
}

/** A table's fixed parts: header repeated on every page it spans, footer on every such page, closing footer once. */
export interface FlowTable {
  readonly headerHeight: number;
  readonly pageFooterHeight: number;
  readonly closingFooterHeight: number;
}

/** Room for the flow on the first page (below the document's heading) and on every later page. */
export interface PageRoom {
  readonly first: number;
  readonly rest: number;
}

/** Splits a flow into pages: the item indices on each page, in order; at least one (possibly empty) page. */
export function paginate(items: readonly FlowItem[], tables: readonly FlowTable[], room: PageRoom): number[][] {
  const pages: number[][] = [[]];
  let used = 0;
  let tablesOnPage = new Set<number>();
  const lastRowOf = new Map<number, number>();
  items.forEach((item, i) => { if (item.table !== undefined) lastRowOf.set(item.table, i); });

  const cost = (i: number, item: FlowItem, onPage: ReadonlySet<number>): number => {
    if (item.table === undefined) return item.height;
    const table = tables[item.table];
    if (!table) throw new RangeError(`item ${i} names table ${item.table}, which does not exist`);
    const starts = onPage.has(item.table) ? 0 : table.headerHeight + table.pageFooterHeight;
    const closes = lastRowOf.get(item.table) === i ? table.closingFooterHeight : 0;
    return item.height + starts + closes;
  };

  items.forEach((item, i) => {
    const capacity = pages.length === 1 ? room.first : room.rest;
    let need = cost(i, item, tablesOnPage);
    const current = pages[pages.length - 1] ?? [];
    // An item taller than a whole page still goes on a page of its own rather than looping forever.
    if (used + need > capacity && current.length > 0) {
      pages.push([]);
      used = 0;
      tablesOnPage = new Set<number>();
      need = cost(i, item, tablesOnPage);
    }
    (pages[pages.length - 1] ?? []).push(i);
    used += need;
    if (item.table !== undefined) tablesOnPage.add(item.table);
  });
  return pages;
}
