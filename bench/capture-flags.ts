// How the confirm screen marks a captured field, for the bench's "confidently wrong" count (issue #12: a field
// the reader is unsure of is highlighted, never shown as certain). The confidence rule is the shared isCertain()
// the form uses; the order of the flags follows captureFlag() in renderer/features/invoices/form/InvoiceForm.tsx.
//   - a field two sources disagree on (a `conflict` capture warning naming it) → flag-conflict;
//   - a field with no source (not read) → flag-missing when the form expects it, nothing otherwise;
//   - a field read below LOW_CONFIDENCE → flag-low ("check");
//   - anything else → flag-ok: shown as certain, with its source only.
import type { FieldName } from '../shared/domain/invoice';
import { CERTAIN_CONFIDENCE, isCertain } from '../shared/capture/extracted';
import type { Captured } from '../shared/capture/pipeline';

/** Values read below this are highlighted for the clerk to check (the form's rule). */
export const LOW_CONFIDENCE = CERTAIN_CONFIDENCE;

/** What the confirm screen shows beside a field: certain ('ok'), highlighted ('conflict' | 'low'), or unread ('missing'). */
export type FieldFlag = 'ok' | 'conflict' | 'low' | 'missing';

/** The confirm screen's flag for one field of a capture result. */
export function fieldFlag(captured: Captured, field: FieldName): FieldFlag {
  const conflict = captured.prefill.warnings.some((w) => w.code === 'conflict' && w.params?.field === field);
  if (conflict) return 'conflict';
  const origin = captured.prefill.fieldSources[field];
  if (origin === undefined) return 'missing';
  return isCertain(origin) ? 'ok' : 'low';
}

/** The validation errors the form shows on a field once the clerk tries to save (saving is then refused). */
export function saveErrors(captured: Captured, field: FieldName): string[] {
  return captured.prefill.issues.filter((i) => i.severity === 'error' && i.field === field).map((i) => i.code);
}
