import type { FlowItem, FlowTable, PageRoom } from '../../../shared/print/paginate';
import type { FlowEntry } from './flow';

/** Pixels kept free on every page so that rounding between screen and print never pushes a row off the sheet. */
const SLACK_PX = 3;

const height = (el: Element | null | undefined): number => (el ? el.getBoundingClientRect().height : 0);

/**
 * Reads the measuring copy's heights (see PrintPages): the room of one sheet's body, the first page's heading,
 * each flow entry, and each table's repeated header and footers.
 */
export function measureFlow(root: HTMLElement, entries: readonly FlowEntry[], tableBlocks: readonly number[]): {
  items: FlowItem[]; tables: FlowTable[]; room: PageRoom;
} {
  const body = height(root.querySelector('[data-measure="body"]')) - SLACK_PX;
  const heading = height(root.querySelector('[data-measure="heading"]'));
  const blockEls = root.querySelectorAll<HTMLElement>('[data-measure-block]');
  const rowsOf = new Map<number, NodeListOf<Element>>();
  const items = entries.map((e): FlowItem => {
    const el = blockEls[e.block];
    if (e.kind === 'block') return { height: height(el) };
    let rows = rowsOf.get(e.block);
    if (!rows && el) { rows = el.querySelectorAll('[data-measure="row"]'); rowsOf.set(e.block, rows); }
    return { height: height(rows?.[e.row]), table: e.table };
  });
  const tables = tableBlocks.map((block): FlowTable => {
    const el = blockEls[block];
    const head = el?.querySelector('[data-measure="head"]');
    return {
      // The block's top padding repeats with the header on every page the table reaches.
      headerHeight: el && head ? head.getBoundingClientRect().bottom - el.getBoundingClientRect().top : 0,
      pageFooterHeight: height(el?.querySelector('[data-measure="page"]')),
      closingFooterHeight: height(el?.querySelector('[data-measure="grand"]')),
    };
  });
  return { items, tables, room: { first: body - heading, rest: body } };
}
