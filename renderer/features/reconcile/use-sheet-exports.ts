/*
 * Exports to .xlsx: the ledger (the ledger page's current filter, or all), the case list and a reconciliation
 * report. Sheets are built here and written to bytes in the worker; the platform layer saves or downloads them.
 */
import type { InvoiceCase } from '../../../shared/cases/types';
import type { Invoice } from '../../../shared/domain/invoice';
import { caseListSheet, reportSheets, type ReportForExport } from '../../../shared/reconcile/report-sheets';
import { ledgerExportSheet, type SheetOut } from '../../../shared/reconcile/sheet';
import { useLocaleStore, useT } from '../../app/i18n';
import { localToday } from '../../app/today';
import { auditTrail } from '../../db';
import { saveFile, XLSX_TYPE } from '../../platform/save-file';
import { useToasts } from '../../ui/toast';
import { sheetJob } from '../../workers/sheet-client';

/** Export actions; each ends with a toast saying where the file went (or why it did not). */
export function useSheetExports() {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const toast = useToasts((s) => s.show);

  const save = async (name: string, sheets: readonly SheetOut[], what: { kind: 'ledger' | 'cases' | 'report'; rows: number; period?: string }) => {
    const written = await sheetJob({ type: 'write', sheets });
    if (!written.result.ok) { toast(t('export.failed', { message: written.result.error.params.detail }), 'error'); return; }
    const file = `${name}.xlsx`;
    const r = await saveFile(file, written.result.value, XLSX_TYPE);
    if (r.kind === 'saved') {
      // Who exported what, how much, and where it went (issue #13).
      await auditTrail.record({ action: 'export', entity: 'export', entityId: file, after: { file, ...what, target: r.where } });
      toast(t('export.saved', { where: r.where }));
    } else if (r.kind === 'failed') toast(t('export.failed', { message: r.message }), 'error');
  };

  return {
    async ledger(invoices: readonly Invoice[]) {
      if (invoices.length === 0) { toast(t('sheets.export.empty'), 'warn'); return; }
      await save(`${t('sheets.export.ledgerName')}-${localToday()}`, [ledgerExportSheet(invoices)], { kind: 'ledger', rows: invoices.length });
    },
    async cases(cases: readonly InvoiceCase[]) {
      if (cases.filter((c) => !c.deleted).length === 0) { toast(t('sheets.export.empty'), 'warn'); return; }
      await save(`${t('sheets.export.casesName')}-${localToday()}`, [caseListSheet(cases, locale)], { kind: 'cases', rows: cases.filter((c) => !c.deleted).length });
    },
    async report(report: ReportForExport) {
      await save(`${t('sheets.export.reportName')}-${report.period.from}-${report.period.to}`, reportSheets(report, locale), { kind: 'report', rows: report.findings.length, period: `${report.period.from}~${report.period.to}` });
    },
  };
}
