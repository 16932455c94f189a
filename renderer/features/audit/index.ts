/** The audit trail: the #/audit page, the shell's chain banner (with the daily verification), and one entry's changes. */
import { lazy } from 'react';

export { AUDIT_MESSAGES } from './messages';
export { AuditBanner } from './AuditBanner';
export { EntryChanges } from './EntryChanges';
export { useUserLabel } from './use-audit-names';
/** One entry's changes as plain rows and words (the print view lists them all, unfolded). */
export { CREATE_SUMMARY, entryChanges, refusedFacts, type ChangeRow } from './entry-changes';
export { auditFieldLabel, formatAuditValue } from './format-audit-value';
/** The #/audit page, loaded on first visit. */
export const AuditPage = lazy(() => import('./AuditPage').then((m) => ({ default: m.AuditPage })));
