import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Invoice, InvoiceId } from '../../../../shared/domain/invoice';
import { formatFen } from '../../../../shared/domain/money';
import { useT } from '../../../app/i18n';
import { navigate } from '../../../app/router';
import { useInvoicesById } from '../../../db';

const ROW_HEIGHT = 36;
/** Rows are fetched in blocks so scrolling re-queries only when a new block comes into view. */
const BLOCK = 100;

const COLUMNS = ['issueDate', 'kind', 'code', 'number', 'seller', 'buyer', 'amount', 'tax', 'total', 'status'] as const;

let firstRowsMarked = false;

/** The virtualised invoice list: only the visible rows exist in the DOM, so 100,000 invoices scroll smoothly. */
export function InvoiceTable(props: { readonly ids: readonly InvoiceId[]; readonly head?: ReadonlyMap<string, Invoice> | undefined }) {
  const t = useT();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  const virtualizer = useVirtualizer({
    count: props.ids.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtualizer.getVirtualItems();
  const firstIndex = items[0]?.index ?? 0;
  const lastIndex = items.at(-1)?.index ?? 0;
  const blockStart = Math.floor(firstIndex / BLOCK) * BLOCK;
  const blockEnd = Math.min(props.ids.length, (Math.floor(lastIndex / BLOCK) + 1) * BLOCK);
  const fetched = useInvoicesById(props.ids.slice(blockStart, blockEnd));
  const rows = fetched ?? (blockStart === 0 ? props.head : undefined);

  useEffect(() => {
    if (!firstRowsMarked && rows && rows.size > 0) {
      firstRowsMarked = true;
      performance.mark('fapiao:list-rows');
    }
  }, [rows]);

  function onKeyDown(e: KeyboardEvent) {
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 400) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: 1, ArrowUp: -1, PageDown: page, PageUp: -page, Home: -Infinity, End: Infinity };
    const delta = moves[e.key];
    if (delta !== undefined) {
      e.preventDefault();
      const next = Math.max(0, Math.min(props.ids.length - 1, active + delta));
      setActive(next);
      virtualizer.scrollToIndex(next);
    } else if (e.key === 'Enter') {
      const id = props.ids[active];
      if (id) navigate({ name: 'detail', id });
    }
  }

  return (
    <div className="table" role="grid" aria-label={t('list.rowsLabel')} aria-rowcount={props.ids.length + 1}>
      <div className="table-head" role="row">
        {COLUMNS.map((c) => <div key={c} role="columnheader" className={`cell col-${c}`}>{t(`col.${c}`)}</div>)}
      </div>
      <div ref={scrollRef} className="table-body" tabIndex={0} onKeyDown={onKeyDown}
        aria-activedescendant={props.ids[active] ? `row-${props.ids[active]}` : undefined}>
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => {
            const id = props.ids[item.index] ?? '';
            const inv = rows?.get(id);
            return (
              <div key={id} id={`row-${id}`} role="row" aria-rowindex={item.index + 2} aria-selected={item.index === active}
                className={`table-row${item.index === active ? ' active' : ''}${item.index % 2 ? ' odd' : ''}`}
                style={{ transform: `translateY(${item.start}px)`, height: ROW_HEIGHT }}
                onClick={() => { setActive(item.index); navigate({ name: 'detail', id }); }}>
                {inv ? <RowCells inv={inv} /> : <div className="cell loading-cell" role="gridcell">…</div>}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}

function RowCells({ inv }: { readonly inv: Invoice }) {
  const t = useT();
  return (
    <>
      <div role="gridcell" className="cell col-issueDate">{inv.issueDate}</div>
      <div role="gridcell" className="cell col-kind">{t(`kindShort.${inv.kind}`)}</div>
      <div role="gridcell" className="cell col-code mono">{inv.code}</div>
      <div role="gridcell" className="cell col-number mono">{inv.number}{inv.attachments.length > 0 ? <span className="clip" title={t('list.attachment')}> 📎</span> : null}</div>
      <div role="gridcell" className="cell col-seller" title={inv.seller.name}>{inv.seller.name}</div>
      <div role="gridcell" className="cell col-buyer" title={inv.buyer.name}>{inv.buyer.name}</div>
      <div role="gridcell" className="cell col-amount num">{formatFen(inv.amount)}</div>
      <div role="gridcell" className="cell col-tax num">{formatFen(inv.tax)}</div>
      <div role="gridcell" className="cell col-total num">{formatFen(inv.total)}</div>
      <div role="gridcell" className="cell col-status"><span className={`status status-${inv.status}`}>{t(`status.${inv.status}`)}</span></div>
    </>
  );
}
