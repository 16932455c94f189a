import { memo, useEffect, useLayoutEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { paginate } from '../../../shared/print/paginate';
import { flowEntries, pageSegments, type FlowEntry } from './flow';
import { measureFlow } from './measure-flow';
import { usePrintStore } from './print-store';
import type { PrintBlock } from './print-types';
import { PrintTableView } from './PrintTableView';
import { useT, type T } from '../../app/i18n';

/**
 * A document laid out on A4 sheets. Everything is first drawn once, hidden, at the sheet's width and measured;
 * shared/print/paginate.ts then decides what goes on which page, so each page can carry its own totals and the
 * preview shows exactly the sheets that print (see registerPrintDocument for how a document uses it). Pass
 * `blocks` and `heading` from a useMemo: new ones mean drawing and measuring everything again.
 */
export function PrintPages(props: {
  readonly title: string;
  readonly fileName: string;
  readonly heading?: ReactNode;
  readonly blocks: readonly PrintBlock[];
}) {
  const t = useT();
  const measureRef = useRef<HTMLDivElement>(null);
  const [pages, setPages] = useState<number[][] | null>(null);
  const [fontsReady, setFontsReady] = useState(false);
  const { entries, tableBlocks } = useMemo(() => flowEntries(props.blocks), [props.blocks]);
  const setInfo = usePrintStore((s) => s.setInfo);

  // Fallback fonts would measure differently from the CJK font the sheets finally print in.
  useEffect(() => { void document.fonts.ready.then(() => { setFontsReady(true); }); }, []);

  useLayoutEffect(() => {
    const root = measureRef.current;
    if (!root || !fontsReady) return;
    const { items, tables, room } = measureFlow(root, entries, tableBlocks);
    const next = paginate(items, tables, room);
    // Equal blocks passed anew lay out the same; only a different split is news.
    setPages((prev) => (prev && JSON.stringify(prev) === JSON.stringify(next) ? prev : next));
  }, [fontsReady, entries, tableBlocks, props.heading, props.title]);

  const pageCount = pages?.length ?? null;
  useEffect(() => { setInfo({ title: props.title, fileName: props.fileName, pageCount }); }, [setInfo, props.title, props.fileName, pageCount]);

  return (
    <>
      <div className="print-measure" aria-hidden="true" ref={measureRef}>
        <MeasureCopy title={props.title} heading={props.heading} blocks={props.blocks} />
      </div>
      {pages === null ? <p className="print-status">{t('print.preparing')}</p>
        : <Sheets title={props.title} heading={props.heading} blocks={props.blocks} entries={entries} pages={pages} t={t} />}
    </>
  );
}

/** Everything once, unsplit, at the sheet body's width, marked for measure-flow.ts. */
const MeasureCopy = memo(function MeasureCopy(props: { readonly title: string; readonly heading: ReactNode; readonly blocks: readonly PrintBlock[] }) {
  return (
    <>
      <Sheet title={props.title} foot=""><div className="print-sheet-body" data-measure="body" /></Sheet>
      <div className="print-measure-body">
        {props.heading ? <div className="print-heading" data-measure="heading">{props.heading}</div> : null}
        {props.blocks.map((b) => (
          <div key={b.key} className="print-block" data-measure-block="">
            {b.kind === 'block' ? b.node : <PrintTableView table={b.table} rows={b.table.rows.map((_, i) => i)} closing measure />}
          </div>
        ))}
      </div>
    </>
  );
});

/** The numbered sheets, each with its share of the flow. */
const Sheets = memo(function Sheets(props: {
  readonly title: string; readonly heading: ReactNode; readonly blocks: readonly PrintBlock[];
  readonly entries: readonly FlowEntry[]; readonly pages: readonly (readonly number[])[]; readonly t: T;
}) {
  const { blocks, pages } = props;
  const lastRowOf = (block: number): number => {
    const b = blocks[block];
    return b?.kind === 'table' ? b.table.rows.length - 1 : -1;
  };
  return (
    <div className="print-sheets">
      {pages.map((page, p) => (
        <Sheet key={p} title={props.title} foot={props.t('print.pageOf', { page: p + 1, pages: pages.length })}>
          <div className="print-sheet-body">
            {p === 0 && props.heading ? <div className="print-heading">{props.heading}</div> : null}
            {pageSegments(props.entries, page).map((seg) => {
              const b = blocks[seg.block];
              if (!b) return null;
              if (seg.kind === 'block') {
                return <div key={b.key} className="print-block">{b.kind === 'block' ? b.node : <PrintTableView table={b.table} rows={[]} closing={false} />}</div>;
              }
              if (b.kind !== 'table') return null;
              const closing = seg.rows[seg.rows.length - 1] === lastRowOf(seg.block);
              return <div key={`${b.key}-${seg.rows[0] ?? 0}`} className="print-block"><PrintTableView table={b.table} rows={seg.rows} closing={closing} continued={(seg.rows[0] ?? 0) > 0} /></div>;
            })}
          </div>
        </Sheet>
      ))}
    </div>
  );
});

function Sheet(props: { readonly title: string; readonly foot: string; readonly children: ReactNode }) {
  return (
    <section className="print-sheet" aria-label={props.foot || undefined}>
      <header className="print-sheet-head">{props.title}</header>
      {props.children}
      <footer className="print-sheet-foot">{props.foot}</footer>
    </section>
  );
}
