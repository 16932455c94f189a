/*
 * A reconciliation report and the case list as sheets for writeWorkbook (issue #11): the same words as the
 * report screen (report-messages.ts), money as numbers in yuan so Excel can add them up, one row per finding.
 */
import type { InvoiceCase } from '../cases/types';
import { kindLabel } from '../i18n/domain-messages';
import type { Locale } from '../i18n/translate';
import type { FindingNote, RunSource } from './entities';
import { describeFinding, findingTypeLabel, reportText } from './report-messages';
import type { SheetOut } from './sheet';
import { FINDING_TYPES, type Finding, type Period, type ReconcileSummary } from './types';

/** What the report export needs: the run's facts, its findings, and the clerk's notes on them. */
export interface ReportForExport {
  readonly period: Period;
  readonly direction: 'in' | 'out';
  readonly sources: readonly RunSource[];
  readonly summary: ReconcileSummary;
  readonly findings: readonly Finding[];
  /** Keys of findings that were not in the previous run. */
  readonly newKeys: ReadonlySet<string>;
  readonly notes: ReadonlyMap<string, Pick<FindingNote, 'handled' | 'note' | 'caseId'>>;
  readonly ranAt: string;
  readonly ranBy: string;
}

type Cell = string | number | null;

/** Fen as yuan, a number Excel sums (fen are integers, so two decimals are exact in a double). */
const yuan = (v: unknown): Cell => (typeof v === 'number' ? v / 100 : null);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const num = (v: unknown): number | null => (typeof v === 'number' ? v : null);

/** The counts of the summary sheet, in the CLI's order with the risk count beside them. */
function countRows(r: ReportForExport, locale: Locale): Cell[][] {
  const count = (type: Finding['type']) => r.findings.reduce((n, f) => (f.type === type ? n + 1 : n), 0);
  const t = (key: string) => reportText(locale, key);
  return [
    [t('report.listRows'), r.summary.listRows],
    [t('report.ledgerRows'), r.summary.ledgerRows],
    ...FINDING_TYPES.map((type): Cell[] => [findingTypeLabel(type, locale), count(type)]),
    [t('report.row.new'), r.findings.filter((f) => r.newKeys.has(f.key)).length],
    [t('report.row.handled'), r.findings.filter((f) => r.notes.get(f.key)?.handled === true).length],
  ];
}

/** The summary sheet: period, direction, source files with their SHA-256, who ran it and when, the counts. */
export function reportSummarySheet(r: ReportForExport, locale: Locale): SheetOut {
  const t = (key: string, params?: Readonly<Record<string, string | number>>) => reportText(locale, key, params);
  return {
    name: t('report.sheet.summary'),
    header: [t('report.row.item'), t('report.row.value')],
    rows: [
      [t('report.row.period'), t('report.row.periodValue', { from: r.period.from, to: r.period.to })],
      [t('report.row.direction'), t(`report.direction.${r.direction}`)],
      ...r.sources.map((s): Cell[] => [t('report.row.source'), t('report.row.sourceValue', { name: s.name, rows: s.rows, sha: s.sha256 })]),
      [t('report.row.ranAt'), r.ranAt],
      [t('report.row.ranBy'), r.ranBy],
      ...countRows(r, locale),
    ],
  };
}

/** A finding's date, counterparty and amount (fen, or null), wherever its type keeps them in the detail. */
export function findingFacts(f: Finding): { date: string; party: string; partyTaxId: string; money: number | null } {
  const d = f.detail;
  switch (f.type) {
    case 'paymentWithoutInvoice': return { date: str(d.date), party: str(d.counterparty), partyTaxId: '', money: num(d.amount) };
    case 'invoiceWithoutPayment': return { date: str(d.issueDate), party: str(d.partyName), partyTaxId: str(d.partyTaxId), money: num(d.total) };
    case 'sequenceGap': return { date: str(d.dateBefore), party: str(d.sellerName), partyTaxId: str(d.sellerTaxId), money: null };
    default: return { date: str(d.issueDate), party: str(d.sellerName), partyTaxId: str(d.sellerTaxId), money: num(d.total) };
  }
}

/** The findings sheet: one row per finding with its type, new/handled marks, the clerk's note and the facts. */
export function reportFindingsSheet(r: ReportForExport, locale: Locale): SheetOut {
  const t = (key: string) => reportText(locale, key);
  const yes = t('report.yes');
  return {
    name: t('report.sheet.findings'),
    header: ['type', 'new', 'handled', 'note', 'code', 'number', 'date', 'party', 'partyTaxId', 'total', 'explain', 'listRow', 'bankRow', 'bestScore', 'case', 'key'].map((c) => t(`report.col.${c}`)),
    rows: r.findings.map((f): Cell[] => {
      const note = r.notes.get(f.key);
      const facts = findingFacts(f);
      const best = f.suggestions?.[0]?.score;
      return [
        findingTypeLabel(f.type, locale), r.newKeys.has(f.key) ? yes : '', note?.handled ? yes : '', note?.note ?? '',
        str(f.detail.code), str(f.detail.number), facts.date, facts.party, facts.partyTaxId, yuan(facts.money),
        describeFinding(f, locale, r.direction), f.listRow ?? null, f.bankRow ?? null,
        best === undefined ? null : Math.round(best * 100) / 100, note?.caseId ?? '', f.key,
      ];
    }),
  };
}

/** The report as sheets: summary, then findings. */
export function reportSheets(r: ReportForExport, locale: Locale): SheetOut[] {
  return [reportSummarySheet(r, locale), reportFindingsSheet(r, locale)];
}

/** The case list as one sheet, in the order given (deleted cases left out). */
export function caseListSheet(cases: readonly InvoiceCase[], locale: Locale): SheetOut {
  const t = (key: string) => reportText(locale, key);
  const cols = ['report.case.title', 'report.case.state', 'report.case.kind', 'report.col.code', 'report.col.number', 'report.field.issueDate',
    'report.case.seller', 'report.case.sellerTaxId', 'report.case.total', 'report.case.origin', 'report.case.createdBy',
    'report.case.createdAt', 'report.case.updatedAt', 'report.case.closeReason', 'report.case.notes'];
  return {
    name: t('report.sheet.cases'),
    header: cols.map(t),
    rows: cases.filter((c) => !c.deleted).map((c): Cell[] => [
      c.title, t(`report.caseState.${c.state}`), c.ref.kind ? kindLabel(c.ref.kind, locale) : '', c.ref.code, c.ref.number, c.ref.issueDate,
      c.ref.seller.name, c.ref.seller.taxId, yuan(c.ref.total), t(`report.caseOrigin.${c.origin}`), c.createdBy,
      c.createdAt, c.updatedAt, c.closeReason, c.notes,
    ]),
  };
}
