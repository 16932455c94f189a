import { useT } from '../../app/i18n';

/** A chart's figures as a table, folded under the chart (for screen readers, and for reading exact numbers). */
export function ChartTable(props: { readonly caption: string; readonly months: readonly string[]; readonly columns: readonly { name: string; values: readonly string[] }[] }) {
  const t = useT();
  return (
    <details className="chart-table">
      <summary>{t('home.chart.asTable')}</summary>
      <table>
        <caption className="sr-only">{props.caption}</caption>
        <thead>
          <tr><th scope="col">{t('home.chart.month')}</th>{props.columns.map((c) => <th key={c.name} scope="col" className="num">{c.name}</th>)}</tr>
        </thead>
        <tbody>
          {props.months.map((m, i) => (
            <tr key={m}><th scope="row">{m}</th>{props.columns.map((c) => <td key={c.name} className="num">{c.values[i]}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
