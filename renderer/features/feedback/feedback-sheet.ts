import type { SheetOut } from '../../../shared/reconcile/sheet/types';
import type { FeedbackRecord } from '../../../shared/feedback/types';
import type { T } from '../../app/i18n';

/** The admin's feedback export: one row per report, newest first, diagnostics as JSON text. */
export function feedbackSheet(t: T, records: readonly FeedbackRecord[]): SheetOut {
  const cols = ['at', 'by', 'screen', 'doing', 'message', 'version', 'status', 'diagnostics'] as const;
  return {
    name: t('feedback.export.sheet'),
    header: cols.map((c) => t(`feedback.col.${c}`)),
    rows: records.map((f) => [
      f.createdAt, f.createdBy, f.screen, f.doing, f.message, f.appVersion, t(`feedback.status.${f.status}`),
      f.diagnostics ? JSON.stringify(f.diagnostics) : '',
    ]),
    widths: [22, 12, 24, 30, 50, 10, 8, 60],
  };
}
