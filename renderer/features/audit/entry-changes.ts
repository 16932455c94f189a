/*
 * What an audit entry changed, as rows a person reads: one field per row with its value before and after. Record
 * changes store the changed fields' old values in `before` and new values in `after`; a new record has no before;
 * events (an export, a backup, a refusal) keep their facts in `after`. Fields that only repeat another row
 * (statusHistory repeats status, fieldSources repeats the capture) are left out.
 */
import type { AuditEntry } from '../../../shared/audit/audit-chain';

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

/** Invoice fields a new invoice's entry is summarised by, in this order. */
export const CREATE_SUMMARY = ['number', 'issueDate', 'total', 'seller'] as const;
