// The CLI's .xlsx report: the summary sheet, then one sheet per finding type (all eight, empty ones too, so a
// macro or a clerk finds each list in the same place every month), in the words of the app's report export.
import { findingTypeLabel } from '../shared/reconcile/report-messages';
import { reportFindingsSheet, reportSummarySheet, type ReportForExport } from '../shared/reconcile/report-sheets';
import { writeWorkbook, type SheetOut } from '../shared/reconcile/sheet';
import { FINDING_TYPES } from '../shared/reconcile/types';

/** What the report shows about one run: the app's report export without the clerk's notes (the CLI has none). */
export type CliReport = Omit<ReportForExport, 'notes'>;

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
