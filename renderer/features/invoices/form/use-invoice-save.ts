import { useState } from 'react';
import type { Invoice, InvoiceDraft, Issue } from '../../../../shared/domain/invoice';
import { normalizeDraft, validateDraft } from '../../../../shared/domain/validate';
import { softKey } from '../../../../shared/domain/duplicates';
import { invoices, type CreateOptions } from '../../../db';
import { localToday } from '../../../app/today';
import type { PermissionRefusal } from '../../../../shared/auth/roles';

/** What the form shows above the fields after a save attempt. */
export type SaveBanner =
  | { readonly kind: 'errors'; readonly count: number }
  | { readonly kind: 'hardDuplicate'; readonly existingId: string; readonly existingDeleted: boolean; readonly number: string }
  | { readonly kind: 'softDuplicate'; readonly count: number }
  | { readonly kind: 'stale'; readonly updatedBy: string; readonly updatedAt: string }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'unexpected'; readonly message: string }
  /** The signed-in role may not save this (issue #13). */
  | PermissionRefusal;

/** The soft-duplicate warning kept on a record saved despite it. */
const softDuplicateIssue: Issue = { field: 'number', severity: 'warning', code: 'duplicate.soft' };

/**
 * Save logic of the entry form: validate (errors block, warnings are kept), refuse hard duplicates,
 * warn once on soft duplicates (a second Enter saves anyway), refuse to overwrite a newer edit.
 * The draft is never cleared here: the caller decides what to do after a successful save.
 */
export function useInvoiceSave(existing: Invoice | null, createOptions?: Omit<CreateOptions, 'warnings'>) {
  const [banner, setBanner] = useState<SaveBanner | null>(null);
  const [acknowledgedSoftKey, setAcknowledgedSoftKey] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(draft: InvoiceDraft): Promise<{ saved: Invoice; warnings: number } | { issues: readonly Issue[] } | null> {
    const { content, issues } = validateDraft(normalizeDraft(draft), { today: localToday() });
    if (!content) {
      setBanner({ kind: 'errors', count: issues.filter((i) => i.severity === 'error').length });
      return { issues };
    }
    setBusy(true);
    try {
      const warnings = issues.filter((i) => i.severity === 'warning');
      // Hard duplicates first: an exact re-entry is refused outright, not merely warned about.
      const hard = await invoices.findHardDuplicate(content, existing?.id);
      if (hard) {
        setBanner({ kind: 'hardDuplicate', existingId: hard.id, existingDeleted: hard.deleted, number: content.number });
        return null;
      }
      const soft = await invoices.findSoftDuplicates(content, existing?.id);
      if (soft.length > 0) {
        if (acknowledgedSoftKey !== softKey(content)) {
          setAcknowledgedSoftKey(softKey(content));
          setBanner({ kind: 'softDuplicate', count: soft.length });
          return null;
        }
        warnings.push(softDuplicateIssue);
      }
      const outcome = await (existing ? invoices.update(existing.id, content, warnings, existing.updatedAt) : invoices.create(content, { ...createOptions, warnings }));
      if (!outcome.ok) {
        const e = outcome.error;
        setBanner(e.kind === 'hardDuplicate' ? { ...e, number: content.number } : e);
        return null;
      }
      setBanner(null);
      setAcknowledgedSoftKey(null);
      return { saved: outcome.invoice, warnings: warnings.length };
    } catch (e) {
      setBanner({ kind: 'unexpected', message: e instanceof Error ? e.message : String(e) });
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { banner, setBanner, busy, save, softAcknowledged: acknowledgedSoftKey !== null };
}
