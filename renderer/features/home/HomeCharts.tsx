import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { STATUS_GROUP_ORDER, type InvoiceMonth, type StatusGroup } from '../../../shared/home/invoice-summary';
import type { CaseMonth } from '../../../shared/home/work-summary';
import { useLocaleStore, useT } from '../../app/i18n';
import { amountText, amountTick, monthLabel } from './chart-format';
import { ChartTable } from './ChartTable';

/** Status group colours: waiting amber, checked blue, booked green, cancelled grey, lost red (as the status tags). */
const COLOURS: Readonly<Record<StatusGroup, string>> = {
  entered: '#d99a00', verified: '#2f6fde', booked: '#1f7a4d', cancelled: '#9aa4b1', lost: '#b42318',
};
const CASE_COLOURS = { found: '#b42318', recovered: '#1f7a4d', closed: '#9aa4b1' } as const;
const HEIGHT = 240;
const AXIS = { fontSize: 12, fill: '#4a5563' };

/**
 * The home page's charts (loaded after the tiles): invoices and 价税合计 by issue month and status, and missing
 * invoices found and recovered per month. Each has a summary for screen readers and its figures as a table.
 */
export default function HomeCharts(props: { readonly months: readonly InvoiceMonth[]; readonly cases: readonly CaseMonth[] }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const rows = props.months.map((m) => {
    const row: Record<string, string | number> = { label: monthLabel(m.month, locale, true) };
    for (const g of STATUS_GROUP_ORDER) { row[`n_${g}`] = m.count[g]; row[`y_${g}`] = m.total[g]; }
    return row;
  });
  const caseRows = props.cases.map((c) => ({ label: monthLabel(c.month, locale, true), found: c.found, recovered: c.recovered, closed: c.closed }));
  // Ticks say the month only; the caption names the span, tooltips and tables the full month.
  const short = new Map([...props.months.map((m) => m.month), ...props.cases.map((c) => c.month)].map((m) => [monthLabel(m, locale, true), monthLabel(m, locale, false)]));
  const tick = (full: string) => short.get(full) ?? full;
  const first = props.months[0]?.month ?? '';
  const last = props.months.at(-1)?.month ?? '';
  const span = t('home.chart.span', { from: monthLabel(first, locale, true), to: monthLabel(last, locale, true) });
  const sum = (f: (m: InvoiceMonth) => number) => props.months.reduce((s, m) => s + f(m), 0);
  const count = sum((m) => STATUS_GROUP_ORDER.reduce((s, g) => s + m.count[g], 0));
  const total = sum((m) => STATUS_GROUP_ORDER.reduce((s, g) => s + m.total[g], 0));
  const found = props.cases.reduce((s, c) => s + c.found, 0);
  const recovered = props.cases.reduce((s, c) => s + c.recovered, 0);
  const groupName = (g: StatusGroup) => t(`home.group.${g}`);
  /** The invoices chart by count ('n_' columns) or by 价税合计 ('y_'), stacked by status group, with its table. */
  const statusChart = (
    kind: 'count' | 'amount', summary: string, axis: { readonly allowDecimals?: boolean; readonly width: number; readonly tickFormatter?: (v: number) => string },
    value: (v: number) => string, cell: (m: InvoiceMonth, g: StatusGroup) => string,
  ) => {
    const stack = kind === 'count' ? 'n' : 'y';
    return (
      <figure className="home-chart" aria-label={summary}>
        <figcaption>{t(`home.chart.${kind}`)} <small>{span}</small></figcaption>
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e5e9ef" />
            <XAxis dataKey="label" tick={AXIS} interval={0} tickLine={false} tickFormatter={tick} />
            <YAxis {...axis} tick={AXIS} tickLine={false} axisLine={false} />
            <Tooltip formatter={(v, name) => [value(Number(v)), name]} />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {STATUS_GROUP_ORDER.map((g) => <Bar key={g} dataKey={`${stack}_${g}`} name={groupName(g)} stackId={stack} fill={COLOURS[g]} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
        <ChartTable caption={t(`home.chart.${kind}`)} months={rows.map((r) => String(r.label))}
          columns={STATUS_GROUP_ORDER.map((g) => ({ name: groupName(g), values: props.months.map((m) => cell(m, g)) }))} />
      </figure>
    );
  };

  return (
    <div className="home-charts">
      {statusChart('count', t('home.chart.count.summary', { count }), { allowDecimals: false, width: 44 },
        (v) => t('home.chart.countValue', { count: v }), (m, g) => String(m.count[g]))}
      {statusChart('amount', t('home.chart.amount.summary', { total: amountText(total) }), { width: 56, tickFormatter: (v: number) => amountTick(v, locale) },
        (v) => t('home.chart.amountValue', { amount: amountText(v) }), (m, g) => amountText(m.total[g]))}
      <figure className="home-chart" aria-label={t('home.chart.cases.summary', { found, recovered })}>
        <figcaption>{t('home.chart.cases')} <small>{t('home.chart.caseSpan', { from: monthLabel(first, locale, true), to: monthLabel(last, locale, true) })}</small></figcaption>
        {found + recovered === 0 && props.cases.every((c) => c.closed === 0) ? <p className="chart-note">{t('home.chart.cases.none')}</p> : null}
        <ResponsiveContainer width="100%" height={HEIGHT}>
          <BarChart data={caseRows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid vertical={false} stroke="#e5e9ef" />
            <XAxis dataKey="label" tick={AXIS} interval={0} tickLine={false} tickFormatter={tick} />
            <YAxis allowDecimals={false} tick={AXIS} width={44} tickLine={false} axisLine={false} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} itemSorter={null} />
            {(['found', 'recovered', 'closed'] as const).map((k) => <Bar key={k} dataKey={k} name={t(`home.cases.${k}`)} fill={CASE_COLOURS[k]} isAnimationActive={false} />)}
          </BarChart>
        </ResponsiveContainer>
        <ChartTable caption={t('home.chart.cases')} months={caseRows.map((r) => r.label)}
          columns={(['found', 'recovered', 'closed'] as const).map((k) => ({ name: t(`home.cases.${k}`), values: props.cases.map((c) => String(c[k])) }))} />
      </figure>
    </div>
  );
}
