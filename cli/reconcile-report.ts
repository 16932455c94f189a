// The CLI's .xlsx report: the summary sheet, then one sheet per finding type (all eight, empty ones too, so a
// macro or a clerk finds each list in the same place every month), in the words of the app's report export.
import type { RunSource } from '../shared/reconcile/entities';
import { findingTypeLabel } from '../shared/reconcile/report-messages';
import { reportFindingsSheet, reportSummarySheet, type ReportForExport } from '../shared/reconcile/report-sheets';
import { writeWorkbook, type SheetOut } from '../shared/reconcile/sheet';
import { FINDING_TYPES, type Finding, type Period, type ReconcileSummary } from '../shared/reconcile/types';

/** What the report shows about one run. */
export interface CliReport {
  readonly period: Period;
  readonly direction: 'in' | 'out';
  readonly sources: readonly RunSource[];
  readonly summary: ReconcileSummary;
  readonly findings: readonly Finding[];
  /** Findings not in the earlier run given with --previous (none without it). */
  readonly newKeys: ReadonlySet<string>;
  readonly ranAt: string;
  readonly ranBy: string;
}

/** The report's sheets, Chinese headers. */
export function cliReportSheets(r: CliReport): SheetOut[] {
  const base: ReportForExport = { ...r, notes: new Map() };
  return [
    reportSummarySheet(base, 'zh-CN'),
    ...FINDING_TYPES.map((type): SheetOut => ({
      ...reportFindingsSheet({ ...base, findings: r.findings.filter((f) => f.type === type) }, 'zh-CN'),
      name: findingTypeLabel(type, 'zh-CN'),
    })),
  ];
}

/** The report as .xlsx bytes. */
export function cliReportBytes(r: CliReport): Uint8Array {
  return writeWorkbook(cliReportSheets(r));
}
