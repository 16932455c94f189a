import type { ComponentType } from 'react';
import type { PrintDoc } from '../../../shared/print/print-doc';

/** What a document component receives: the route's query (`#/print/<doc>?<query>`), parsed. */
export interface PrintDocumentProps {
  readonly params: URLSearchParams;
}

/** A registered document: the component that loads its data and renders <PrintPages>. */
export interface PrintDocumentDef {
  readonly component: ComponentType<PrintDocumentProps>;
}

const documents = new Map<PrintDoc, PrintDocumentDef>();

/**
 * Adds a printable document to the print view (#/print/<doc>?<query>). How a feature writes one:
 *
 * 1. Write a component taking {@link PrintDocumentProps}. It reads its record with the feature's own hooks
 *    (e.g. `params.get('id')`), returns `<PrintMessage text={t('print.loading')} />` while loading (and
 *    `t('print.notFound')` when the record is gone), then `<PrintPages title fileName heading blocks />`:
 *    - `title`: the running head of every sheet and the toolbar's title;
 *    - `fileName`: the suggested PDF name without `.pdf` (e.g. `月末核对-2026-11`);
 *    - `heading`: first sheet only — the document's title block, what it covers, `<PrintedBy />`;
 *    - `blocks`: the content in order, each `{kind:'block', key, node}` (kept whole on one page; give images a
 *      fixed height so measuring does not depend on loading) or `{kind:'table', key, table}` (split by rows,
 *      header repeated, optional per-page totals — see PrintTable).
 *    <PrintPages> measures everything at the A4 sheet's width, paginates with shared/print/paginate.ts,
 *    numbers the sheets (第 x 页 / 共 y 页) and reports title, file name and page count to the toolbar, whose
 *    打印 / 存为 PDF print exactly the sheets shown. Build `blocks` and `heading` in a useMemo (translate with
 *    `useT()`, which changes only with the language): new ones are drawn and measured again. Use the parts
 *    PrintTitle, PrintedBy, PrintSection (a heading kept with its content), PrintFields, and print.css classes
 *    (`print-note`, `print-list`, `print-sign`) rather than screen styles; give a table a `title` rather than a
 *    separate heading block, so the heading never ends a page alone.
 * 2. Register it once at module load from the feature's index.ts, lazily so the print code loads on first use:
 *    `registerPrintDocument('monthEnd', { component: lazy(() => import('./MonthEndReport').then((m) => ({ default: m.MonthEndReport }))) })`.
 * 3. Open it with `openPrint('monthEnd', { id })` or `<PrintButton doc="monthEnd" params={{ id }} />`.
 *
 * A second registration of the same document replaces the first (hot reload registers again).
 */
export function registerPrintDocument(doc: PrintDoc, def: PrintDocumentDef): void {
  documents.set(doc, def);
}

/** The registered document, or undefined when no feature registered one under that name. */
export function printDocument(doc: PrintDoc): PrintDocumentDef | undefined {
  return documents.get(doc);
}
