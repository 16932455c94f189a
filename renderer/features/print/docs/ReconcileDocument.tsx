import { useMemo, useState } from 'react';
import type { ReconcileRun, RunSource } from '../../../../shared/reconcile/entities';
import { describeFinding, findingTypeLabel } from '../../../../shared/reconcile/report-messages';
import { findingFacts, type ReportForExport } from '../../../../shared/reconcile/report-sheets';
import { FINDING_TYPES, type FindingType, type Period, type ReconcileSummary } from '../../../../shared/reconcile/types';
import { fen, formatFen } from '../../../../shared/domain/money';
import type { Locale } from '../../../../shared/i18n/translate';
import { useLocaleStore, useT, type T } from '../../../app/i18n';
import { formatTimestamp, localToday } from '../../../app/today';
import { useRuns } from '../../../db';
import { useSessionReport } from '../../reconcile';
import { useUserName } from '../../auth';
import type { PrintDocumentProps } from '../document-registry';
import { PrintPages } from '../PrintPages';
import { PrintedBy, PrintFields, PrintMessage, PrintSection, PrintTitle } from '../PrintParts';
import type { PrintBlock, PrintTable } from '../print-types';
import { SignLines } from './SignLines';

/** 对账报告: a run's period, sources, counts and (while it is this session's report) every finding with its handling. */
export function ReconcileDocument({ params }: PrintDocumentProps) {
  const t = useT();
  const runId = params.get('run') ?? '';
  const session = useSessionReport(runId);
  const runs = useRuns();
  if (session === undefined || runs === undefined) return <PrintMessage text={t('print.loading')} />;
  const run = runs.find((r) => r.id === runId);
  if (!session && !run) return <PrintMessage text={t('print.notFound')} alert />;
  return <ReconcilePages report={session} run={run ?? null} />;
}

interface Facts {
  readonly period: Period;
  readonly direction: 'in' | 'out';
  readonly sources: readonly RunSource[];
  readonly ranAt: string;
  readonly ranBy: string;
  readonly counts: Readonly<Record<FindingType, number | null>>;
  readonly summary: ReconcileSummary;
}

function factsOf(report: ReportForExport | null, run: ReconcileRun | null): Facts | null {
  if (report) {
    const count = (type: FindingType) => report.findings.reduce((n, f) => (f.type === type ? n + 1 : n), 0);
    return { ...report, counts: Object.fromEntries(FINDING_TYPES.map((type) => [type, count(type)])) as Record<FindingType, number> };
  }
  if (!run) return null;
  const s = run.summary;
  return {
    period: run.period, direction: run.direction, sources: run.sources, ranAt: formatTimestamp(run.createdAt), ranBy: run.createdBy, summary: s,
    counts: {
      missingInLedger: s.missingInLedger, missingOnList: s.missingOnList, mismatched: s.mismatched, voidedButActive: s.voidedButActive,
      // The saved run does not count risk flags separately; only the session's findings do.
      riskFlagged: null, paymentWithoutInvoice: s.paymentsWithoutInvoice, invoiceWithoutPayment: s.invoicesWithoutPayment, sequenceGap: s.sequenceGaps,
    },
  };
}

function ReconcilePages({ report, run }: { readonly report: ReportForExport | null; readonly run: ReconcileRun | null }) {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const userName = useUserName();
  const [at] = useState(() => new Date().toISOString());
  const facts = factsOf(report, run);
  const blocks = useMemo((): PrintBlock[] => {
    if (!facts) return [];
    const findingsTitle = t('reconcile.report.rows');
    const out: PrintBlock[] = [
      {
        kind: 'block', key: 'summary', node: <PrintSection title={t('reconcile.report.summary')}><PrintFields fields={[
          [t('report.row.direction'), t(`report.direction.${facts.direction}`)],
          [t('report.row.ranAt'), facts.ranAt],
          [t('report.row.ranBy'), userName(facts.ranBy)],
          [t('report.listRows'), String(facts.summary.listRows)],
          [t('report.ledgerRows'), String(facts.summary.ledgerRows)],
          ...FINDING_TYPES.map((type): [string, string] => [findingTypeLabel(type, locale), facts.counts[type] === null ? '—' : String(facts.counts[type])]),
        ]} /></PrintSection>,
      },
      {
        kind: 'block', key: 'sources', node: (
          <PrintSection title={t('report.row.source')}>
            <ul className="print-list">{facts.sources.map((s) => <li key={s.sha256}>{t('report.row.sourceValue', { name: s.name, rows: s.rows, sha: s.sha256 })}</li>)}</ul>
          </PrintSection>
        ),
      },
    ];
    if (report) out.push({ kind: 'table', key: 'findings', table: { ...findingsTable(report, t, locale), title: findingsTitle } });
    else out.push({ kind: 'block', key: 'no-findings', node: <PrintSection title={findingsTitle}><p className="print-note">{t('print.reconcile.summaryOnly')}</p></PrintSection> });
    out.push({ kind: 'block', key: 'sign', node: <SignLines t={t} /> });
    return out;
  }, [facts, report, t, locale, userName]);
  if (!facts) return <PrintMessage text={t('print.notFound')} alert />;
  const title = t('print.reconcile.title');
  const period = t('report.row.periodValue', { from: facts.period.from, to: facts.period.to });
  return (
    <PrintPages title={`${title} · ${period}`} fileName={`${title}-${facts.period.from}-${facts.period.to}-${localToday(new Date(at))}`} blocks={blocks}
      heading={(
        <PrintTitle title={title} subtitle={`${period} · ${t(`report.direction.${facts.direction}`)}`}>
          <PrintedBy at={at} />
        </PrintTitle>
      )} />
  );
}

function findingsTable(r: ReportForExport, t: T, locale: Locale): PrintTable {
  return {
    columns: [
      { key: 'type', label: t('report.col.type'), width: '24mm', wrap: 'all' },
      { key: 'number', label: t('report.col.number'), width: '31mm' },
      { key: 'date', label: t('report.col.date'), width: '19mm' },
      { key: 'party', label: t('report.col.party'), width: '28mm', wrap: 'all' },
      { key: 'total', label: t('report.col.total'), width: '20mm', align: 'right' },
      { key: 'explain', label: t('report.col.explain'), width: 'auto', wrap: 'all' },
      { key: 'handled', label: t('report.col.note'), width: '20mm', wrap: 'all' },
    ],
    rows: r.findings.map((f) => {
      const facts = findingFacts(f);
      const note = r.notes.get(f.key);
      const code = typeof f.detail.code === 'string' ? f.detail.code : '';
      const number = typeof f.detail.number === 'string' ? f.detail.number : '';
      const handling = [
        r.newKeys.has(f.key) ? t('report.col.new') : '', note?.handled ? t('report.col.handled') : '', note?.caseId ? t('report.col.case') : '', note?.note ?? '',
      ].filter(Boolean).join(' · ');
      return {
        key: f.key,
        cells: [
          findingTypeLabel(f.type, locale), <><span className="print-mono">{number || '—'}</span>{code ? <span className="print-sub print-mono">{code}</span> : null}</>, facts.date || '—', facts.party || '—',
          facts.money === null ? '—' : formatFen(fen(facts.money)), describeFinding(f, locale, r.direction), handling || '—',
        ],
      };
    }),
    empty: t('reconcile.report.clean'),
  };
}
