/*
 * "导出 Excel" on the audit page: the whole chain (and, when the page is filtered, the filtered entries on a sheet
 * of their own, for reading) written by the shared audit export in the spreadsheet worker, saved where the clerk
 * chooses, and the export itself audited with the file name and the chain's head hash.
 */
import { auditExportFileName, auditExportSheets } from '../../../shared/audit/audit-export';
import { GENESIS_HASH } from '../../../shared/audit/audit-chain';
import { useLocaleStore, useT } from '../../app/i18n';
import { localToday } from '../../app/today';
import { auditTrail, type AuditView } from '../../db';
import { saveFile, XLSX_TYPE } from '../../platform/save-file';
import { useToasts } from '../../ui/toast';
import { sheetJob } from '../../workers/sheet-client';
import { refusalText } from '../auth';

/** Exports the audit trail; `view` and its description add the filtered sheet. Ends with a toast either way. */
export function useAuditExport(): (view: AuditView | null, description: string) => Promise<void> {
  const t = useT();
  const locale = useLocaleStore((s) => s.locale);
  const toast = useToasts((s) => s.show);
  return async (view, description) => {
    const read = await auditTrail.forExport(view ?? undefined);
    if (!read.ok) { toast(refusalText(t, read.error), 'error'); return; }
    const { chain } = read.value;
    const fileName = auditExportFileName(localToday(), chain, locale);
    const sheets = auditExportSheets(chain, { exportedBy: read.value.by, exportedAt: new Date().toISOString(), device: read.value.device }, {
      fileName, ...(read.value.view ? { view: { description, entries: read.value.view } } : {}),
    });
    const written = await sheetJob({ type: 'write', sheets });
    if (!written.result.ok) { toast(t('audit.exportFailed', { message: written.result.error.params.detail }), 'error'); return; }
    const saved = await saveFile(fileName, written.result.value, XLSX_TYPE);
    if (saved.kind === 'failed') { toast(t('audit.exportFailed', { message: saved.message }), 'error'); return; }
    if (saved.kind === 'cancelled') return;
    const head = chain.at(-1);
    await auditTrail.record({
      action: 'auditExport', entity: 'export', entityId: fileName,
      after: { file: fileName, count: chain.length, headSeq: head?.seq ?? 0, headHash: head?.hash ?? GENESIS_HASH, ...(read.value.view ? { view: description } : {}) },
    });
    toast(t('audit.exported', { where: saved.where }));
  };
}
