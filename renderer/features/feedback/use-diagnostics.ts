/*
 * The live inputs of the feedback diagnostics: sync counts and engine status, the backup state, the app version,
 * the language, recent errors and the screen the clerk came from (with its invoice, when it shows one). The
 * pure builder in shared/feedback/diagnostics.ts decides what of this is sent.
 */
import { useEffect, useState } from 'react';
import type { DiagnosticsInput } from '../../../shared/feedback/diagnostics';
import type { Invoice } from '../../../shared/domain/invoice';
import { useLocaleStore } from '../../app/i18n';
import { parseRoute } from '../../app/router';
import { lastScreen, recentErrors } from '../../app/shell-trace';
import { useBackupState, useInvoice, useSyncCounts } from '../../db';
import { hostInfo } from '../../platform/platform';
import { useSyncEngineStatus } from '../../sync/sync-service';

/** The invoice fields a report may carry when the clerk ticks 附带当前发票内容. */
export function invoiceFields(inv: Invoice): Record<string, unknown> {
  return {
    kind: inv.kind, code: inv.code, number: inv.number, issueDate: inv.issueDate, seller: inv.seller, buyer: inv.buyer,
    lines: inv.lines, amount: inv.amount, tax: inv.tax, total: inv.total, taxRate: inv.taxRate, remarks: inv.remarks,
    isRed: inv.isRed, status: inv.status, warnings: inv.warnings,
  };
}

/** Everything the diagnostics could hold, without the two boxes (the form adds them). */
export function useDiagnosticsSources(): Omit<DiagnosticsInput, 'includeDiagnostics' | 'includeInvoiceContent'> {
  const locale = useLocaleStore((s) => s.locale);
  const counts = useSyncCounts();
  const status = useSyncEngineStatus();
  const backup = useBackupState();
  const [version, setVersion] = useState('');
  const [screen] = useState(lastScreen);
  const [errors] = useState(recentErrors);
  useEffect(() => { void hostInfo().then((h) => { setVersion(h.version); }); }, []);
  const route = parseRoute(screen);
  const invoiceId = route.name === 'detail' || route.name === 'edit' ? route.id : '';
  const invoice = useInvoice(invoiceId);
  return {
    appVersion: version,
    locale,
    screen,
    errors,
    sync: {
      pending: counts?.pending ?? 0,
      rejected: counts?.rejected ?? 0,
      conflicts: counts?.conflicts ?? 0,
      lastSuccess: status?.lastSuccessAt ?? '',
      lastErrorKind: status?.lastError?.kind ?? '',
    },
    backup: { lastBackup: backup?.lastBackup?.at ?? '', lastVerified: backup?.lastVerified?.at ?? '' },
    invoice: invoiceId !== '' && invoice ? invoiceFields(invoice) : undefined,
  };
}
