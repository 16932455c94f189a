import { useMemo, useState } from 'react';
import type { Invoice } from '../../../../shared/domain/invoice';
import { formatFen } from '../../../../shared/domain/money';
import { filterFromParams } from '../../../../shared/print/filter-params';
import type { Amounts } from '../../../../shared/print/page-totals';
import type { InvoiceFilter } from '../../../../shared/search/invoice-filter';
import { useT, type T } from '../../../app/i18n';
import { useKept } from '../use-kept';
import { localToday } from '../../../app/today';
import { useInvoiceList, useInvoicesById } from '../../../db';
import { filterWords } from '../../invoices';
import type { PrintDocumentProps } from '../document-registry';
import { PrintPages } from '../PrintPages';
import { PrintedBy, PrintMessage, PrintTitle } from '../PrintParts';
import type { PrintBlock, PrintColumn, PrintTable } from '../print-types';

/** 台账: the invoices of a filter (the ledger screen's), one line each, with 本页合计 and 总计. */
export function LedgerDocument({ params }: PrintDocumentProps) {
  const t = useT();
  const parsed = useMemo(() => filterFromParams(Object.fromEntries(params)), [params]);
  if (!parsed.ok) return <PrintMessage text={t('print.ledger.badFilter', { keys: parsed.error.keys.join(', ') || '?' })} alert />;
  return <LedgerPages filter={parsed.filter} />;
}

/** The most invoices one printout lays out (5,000 take about ten seconds and 200 pages); a longer list is filtered first. */
const MAX_PRINTED_INVOICES = 5000;

function LedgerPages({ filter }: { readonly filter: InvoiceFilter }) {
  const t = useT();
  const [at] = useState(() => new Date().toISOString());
  const list = useInvoiceList(filter);
  const tooMany = list?.complete === true && list.count > MAX_PRINTED_INVOICES;
  const ids = useMemo(() => (list?.complete && list.count <= MAX_PRINTED_INVOICES ? list.ids : []), [list]);
  const byId = useInvoicesById(ids);
  // While the rows of a new list load, useLiveQuery still answers the previous (shorter) map: wait for all of them.
  const ready = list?.complete === true && byId !== undefined && ids.every((id) => byId.has(id));
  const fresh = useMemo(() => (ready ? ids.flatMap((id) => { const inv = byId.get(id); return inv ? [inv] : []; }) : []), [ready, ids, byId]);
  const invoices = useKept(fresh, fresh.map((inv) => `${inv.id}@${inv.updatedAt}`).join(','));
  const blocks = useMemo((): PrintBlock[] => [{ kind: 'table', key: 'ledger', table: ledgerTable(invoices, t) }], [invoices, t]);
  const title = t(filter.deleted ? 'list.binTitle' : 'list.title');
  const heading = useMemo(() => {
    const words = filterWords(filter, t);
    return (
      <PrintTitle title={title} subtitle={words.length > 0 ? words.join(t('print.ledger.and')) : t('print.ledger.all')}>
        <p className="print-meta">{t('list.count', { count: invoices.length })}</p>
        <PrintedBy at={at} />
      </PrintTitle>
    );
  }, [filter, t, title, invoices.length, at]);
  if (tooMany) return <PrintMessage text={t('print.ledger.tooMany', { count: list.count.toLocaleString(), max: MAX_PRINTED_INVOICES.toLocaleString() })} alert />;
  if (!ready) return <PrintMessage text={t('print.loading')} />;
  return <PrintPages title={title} fileName={`${title}-${localToday(new Date(at))}`} blocks={blocks} heading={heading} />;
}

function ledgerTable(invoices: readonly Invoice[], t: T): PrintTable {
  const columns: PrintColumn[] = [
    { key: 'n', label: t('print.col.no'), width: '9mm', align: 'right' },
    { key: 'date', label: t('col.issueDate'), width: '20mm' },
    { key: 'number', label: t('col.number'), width: '35mm' },
    { key: 'seller', label: t('col.seller'), width: 'auto', wrap: true },
    { key: 'amount', label: t('col.amount'), width: '22mm', align: 'right' },
    { key: 'tax', label: t('col.tax'), width: '19mm', align: 'right' },
    { key: 'total', label: t('col.total'), width: '22mm', align: 'right' },
    { key: 'status', label: t('col.status'), width: '17mm', align: 'center', wrap: true },
  ];
  return {
    columns,
    rows: invoices.map((inv, i) => ({
      key: inv.id,
      cells: [
        i + 1, inv.issueDate, <NumberCell key="n" code={inv.code} number={inv.number} />, inv.seller.name,
        formatFen(inv.amount), formatFen(inv.tax), formatFen(inv.total), t(`status.${inv.status}`),
      ],
      amounts: { amount: inv.amount, tax: inv.tax, total: inv.total },
    })),
    totals: { span: 4, cells: (s: Amounts) => [formatFen(s.amount), formatFen(s.tax), formatFen(s.total), ''] },
    empty: t('list.empty'),
  };
}

/** 发票号码 on the first line (a 数电票's 20 digits fit in the monospaced face), 发票代码 under it when the invoice has one. */
function NumberCell(props: { readonly code: string; readonly number: string }) {
  return <><span className="print-mono">{props.number}</span>{props.code ? <span className="print-sub print-mono">{props.code}</span> : null}</>;
}
