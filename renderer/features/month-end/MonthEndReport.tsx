import { useMemo, useState } from 'react';
import type { PeriodCheckRecord } from '../../../shared/period-check/record';
import { useLocaleStore, useT } from '../../app/i18n';
import { formatTimestamp } from '../../app/today';
import { useSavedPeriodCheck } from '../../db';
import { useUserName } from '../auth';
import { PrintedBy, PrintFields, PrintMessage, PrintPages, PrintTitle, SignLines, type PrintBlock } from '../print';
import { exampleText, itemDetail, itemTitle, monthLabel } from './item-text';
import './month-end.css';

/** Examples per item on the report: enough to find them, few enough to keep the report on one sheet. */
const REPORT_EXAMPLES = 3;

/** The print document 'monthEnd' (#/print/monthEnd?id=…): one A4 sheet the auditor signs. */
export function MonthEndReport({ params }: { readonly params: URLSearchParams }) {
  const t = useT();
  const check = useSavedPeriodCheck(params.get('id') ?? '');
  if (check === undefined) return <PrintMessage text={t('print.loading')} />;
  if (check === null) return <PrintMessage text={t('print.notFound')} alert />;
  return <ReportPages check={check} />;
}

function ReportPages({ check }: { readonly check: PeriodCheckRecord }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const name = useUserName();
  const [at] = useState(() => new Date().toISOString());
  const who = check.byName || name(check.createdBy);
  const month = monthLabel(check.month, locale);
  const passed = check.items.filter((i) => i.pass).length;
  const conclusion = check.pass ? t('monthEnd.result.pass') : t('monthEnd.result.fail', { passed, total: check.items.length });
  const blocks = useMemo((): PrintBlock[] => [
    {
      kind: 'block', key: 'items', node: (
        <table className="print-table month-end-report-table">
          <colgroup><col style={{ width: '9mm' }} /><col style={{ width: '52mm' }} /><col style={{ width: '16mm' }} /><col /></colgroup>
          <thead><tr>{(['no', 'item', 'result', 'detail'] as const).map((c) => <th key={c} scope="col">{t(`monthEnd.report.col.${c}`)}</th>)}</tr></thead>
          <tbody>
            {check.items.map((item, i) => (
              <tr key={item.id}>
                <td className="align-center">{i + 1}</td>
                <td>{itemTitle(t, item)}</td>
                <td className="align-center">{item.pass ? `✓ ${t('monthEnd.pass')}` : `✗ ${t('monthEnd.fail')}`}</td>
                <td>
                  {itemDetail(t, item, name)}
                  {item.examples.length > 0 ? (
                    <ul className="month-end-report-examples">
                      {item.examples.slice(0, REPORT_EXAMPLES).map((e) => <li key={`${e.ref}-${e.problem}`}>{exampleText(t, e)}</li>)}
                      {item.count > REPORT_EXAMPLES ? <li>{t('monthEnd.more', { count: item.count - Math.min(REPORT_EXAMPLES, item.examples.length) })}</li> : null}
                    </ul>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ),
    },
    ...(check.note ? [{ kind: 'block' as const, key: 'note', node: <p className="print-note"><strong>{t('monthEnd.report.note')}</strong>{check.note}</p> }] : []),
    {
      kind: 'block', key: 'sign',
      node: <SignLines t={t} labels={['monthEnd.report.sign.checker', 'monthEnd.report.sign.auditor', 'monthEnd.report.sign.date']} className="month-end-report-sign" />,
    },
  ], [check, t, name]);
  const title = t('monthEnd.report.title');
  return (
    <PrintPages title={title} fileName={t('monthEnd.report.file', { month: check.month })} blocks={blocks}
      heading={(
        <PrintTitle title={title} subtitle={t('monthEnd.report.subtitle', { month, range: t('monthEnd.range', { from: check.from, to: check.to }) })}>
          <PrintFields fields={[
            [t('monthEnd.report.by'), who],
            [t('monthEnd.report.at'), formatTimestamp(check.createdAt)],
            [t('monthEnd.report.period'), t('monthEnd.range', { from: check.from, to: check.to })],
            [t('monthEnd.report.result'), conclusion],
          ]} />
          <PrintedBy at={at} />
        </PrintTitle>
      )} />
  );
}
