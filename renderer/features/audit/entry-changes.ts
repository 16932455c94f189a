/*
 * What an audit entry changed, as rows a person reads: one field per row with its value before and after. Record
 * changes store the changed fields' old values in `before` and new values in `after`; a new record has no before;
 * events (an export, a backup, a refusal) keep their facts in `after`. Fields that only repeat another row
 * (statusHistory repeats status, fieldSources repeats the capture) are left out.
 */
import type { AuditEntry } from '../../../shared/audit/audit-chain';
import { isRole, type PermissionRefusal, type Role } from '../../../shared/auth/roles';

/** One changed field or one fact of an event. */
export interface ChangeRow {
  readonly field: string;
  /** Absent for a new record and for an event's facts. */
  readonly before?: unknown;
  readonly after: unknown;
}

/** Fields never listed: their change is told by another row. */
const REPEATED = new Set(['statusHistory', 'fieldSources', 'updatedAt', 'updatedBy', 'version']);

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The rows of an entry, in a stable order (the record's own field order). */
export function entryChanges(entry: Pick<AuditEntry, 'before' | 'after'>): ChangeRow[] {
  const after = isRecord(entry.after) ? entry.after : null;
  const before = isRecord(entry.before) ? entry.before : null;
  if (!after) return entry.after === null || entry.after === undefined ? [] : [{ field: '', after: entry.after }];
  return Object.keys(after).filter((k) => !REPEATED.has(k)).map((field) => (
    before ? { field, before: before[field] ?? null, after: after[field] } : { field, after: after[field] }
  ));
}

/** What a permission refusal's entry holds: the action refused, why, and the roles that may take it. */
export interface RefusedFacts {
  readonly action: string;
  readonly reason: PermissionRefusal['reason'];
  readonly needs: readonly Role[];
}

const REASONS: readonly string[] = ['signedOut', 'role', 'notOwner', 'checked'];

/** The facts of a 'refused' entry, or null for any other entry (or one whose facts are not as written). */
export function refusedFacts(entry: Pick<AuditEntry, 'action' | 'after'>): RefusedFacts | null {
  if (entry.action !== 'refused' || !isRecord(entry.after)) return null;
  const { action, reason, needs } = entry.after;
  if (typeof action !== 'string' || typeof reason !== 'string' || !REASONS.includes(reason) || !Array.isArray(needs)) return null;
  return { action, reason: reason as RefusedFacts['reason'], needs: needs.filter(isRole) };
}

/** Invoice fields a new invoice's entry is summarised by, in this order. */
export const CREATE_SUMMARY = ['number', 'issueDate', 'total', 'seller'] as const;
