import { useState } from 'react';
import { useT } from '../../app/i18n';
import { useCan } from '../../db';
import { toAuditView, type AuditFilterForm } from './audit-filter-form';
import { useAuditExport } from './use-audit-export';
import { useUserLabel } from './use-audit-names';

/** "导出 Excel" (auditors and admins): the whole chain, plus the entries the page's filter shows when it filters. */
export function ExportButton({ form }: { readonly form: AuditFilterForm }) {
  const t = useT();
  const mayExport = useCan('audit.export');
  const userLabel = useUserLabel();
  const run = useAuditExport();
  const [busy, setBusy] = useState(false);
  if (!mayExport) return null;

  async function exportNow() {
    const { view } = toAuditView(form);
    const filtered = Object.keys(view).length > 0;
    const description = [
      form.user ? `${t('audit.filter.user')} ${userLabel(form.user)}` : '',
      form.from || form.to ? `${form.from || '…'} ~ ${form.to || '…'}` : '',
      form.record ? `${t('audit.filter.record')} ${form.record}` : '',
      form.action ? `${t('audit.filter.action')} ${t(`audit.${form.action}`)}` : '',
    ].filter((s) => s !== '').join('；');
    setBusy(true);
    try {
      await run(filtered ? view : null, description);
    } finally {
      setBusy(false);
    }
  }

  return (
    <button type="button" disabled={busy} aria-busy={busy} onClick={() => void exportNow()}>
      {busy ? t('audit.exporting') : t('audit.exportButton')}
    </button>
  );
}
