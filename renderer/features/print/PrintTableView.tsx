import type { ReactNode } from 'react';
import { addAmounts, NO_AMOUNTS } from '../../../shared/print/page-totals';
import { useT } from '../../app/i18n';
import type { PrintTable } from './print-types';

/**
 * One page's part of a printed table: the header (repeated on every page), the rows given, then 本页合计 and,
 * on the page with the last row, 总计. The measuring copy passes every row and both footers (`measure`), marking
 * the parts whose heights pagination needs.
 */
export function PrintTableView(props: {
  readonly table: PrintTable;
  readonly rows: readonly number[];
  readonly closing: boolean;
  readonly measure?: boolean;
  /** These rows continue the table from an earlier page. */
  readonly continued?: boolean;
}) {
  const t = useT();
  const { table } = props;
  const m = (name: string) => (props.measure ? { 'data-measure': name } : {});
  const totalsRow = (label: string, rows: readonly number[], name: string): ReactNode => {
    if (!table.totals) return null;
    const sum = addAmounts(rows.map((i) => table.rows[i]?.amounts ?? NO_AMOUNTS));
    return (
      <tr className={`print-total print-total-${name}`} {...m(name)}>
        <th scope="row" colSpan={table.totals.span}>{label}</th>
        {table.totals.cells(sum).map((c, i) => (
          <td key={i} className={cellClass(table, table.totals ? table.totals.span + i : i)}>{c}</td>
        ))}
      </tr>
    );
  };
  const allRows = table.rows.map((_, i) => i);
  return (
    <>
    {table.title ? <h2 className="print-section">{table.title}{props.continued ? t('print.continued') : ''}</h2> : null}
    <table className="print-table">
      <colgroup>{table.columns.map((c) => <col key={c.key} style={{ width: c.width }} />)}</colgroup>
      <thead {...m('head')}>
        <tr>{table.columns.map((c, i) => <th key={c.key} scope="col" className={cellClass(table, i)}>{c.label}</th>)}</tr>
      </thead>
      <tbody>
        {table.rows.length === 0 ? (
          <tr><td colSpan={table.columns.length} className="print-none">{table.empty ?? t('print.empty')}</td></tr>
        ) : props.rows.map((i) => {
          const row = table.rows[i];
          if (!row) return null;
          return (
            <tr key={row.key} {...m('row')}>
              {row.cells.map((c, ci) => <td key={table.columns[ci]?.key ?? ci} className={cellClass(table, ci)}><div className="print-cell">{c}</div></td>)}
            </tr>
          );
        })}
      </tbody>
      {table.totals && table.rows.length > 0 ? (
        <tfoot>
          {totalsRow(t('print.pageTotal'), props.rows, 'page')}
          {props.closing ? totalsRow(t('print.grandTotal'), allRows, 'grand') : null}
        </tfoot>
      ) : null}
    </table>
    </>
  );
}

function cellClass(table: PrintTable, column: number): string {
  const c = table.columns[column];
  const align = c?.align ?? 'left';
  return `align-${align}${c?.wrap === 'all' ? ' wrap-all' : c?.wrap ? ' wrap' : ''}`;
}
