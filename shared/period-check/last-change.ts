/*
 * What counts as a change of the ledger for the month-end check (issue #14): an audit entry that wrote a record.
 * Events that change nothing (sign-in, exports, backups, verifications) do not count, or verifying a backup would
 * itself make the backup stale; nor do saved month-end checks and feedback, which are about the ledger, not in it.
 */
import type { AuditAction } from '../audit/audit-chain';

/** Audit actions that wrote a synced record (saving a reconciliation run is 'reconcile'). */
const RECORD_CHANGE_ACTIONS: readonly AuditAction[] = ['create', 'update', 'status', 'delete', 'restore', 'purge', 'sync', 'import', 'reconcile'];

/** Entities whose records are not ledger content. */
const NOT_LEDGER_ENTITIES: readonly string[] = ['periodCheck', 'feedback'];

/** True when an audit entry records a change of the ledger's records. */
export function isLedgerChange(entry: { readonly action: AuditAction; readonly entity: string }): boolean {
  return RECORD_CHANGE_ACTIONS.includes(entry.action) && !NOT_LEDGER_ENTITIES.includes(entry.entity);
}
