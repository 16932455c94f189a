import type { SyncEntity } from './entities';

/** An outbox mutation: one local change waiting to be pushed to the office server (docs/architecture.md#sync). */
export interface OutboxMutation {
  /** Per-device monotonic id; the server applies each id exactly once. */
  readonly mutationId: number;
  readonly entity: SyncEntity;
  readonly entityId: string;
  readonly op: 'upsert' | 'delete';
  /** Server version the change was made against (0 = never synced). */
  readonly baseVersion: number;
  /** Changed top-level fields and their new values. */
  readonly changes: Readonly<Record<string, unknown>>;
  /** The same fields' values before the change, for per-field conflict detection. */
  readonly baseValues: Readonly<Record<string, unknown>>;
  readonly state: 'pending' | 'sent' | 'acked' | 'rejected';
  readonly createdAt: string;
  /** Conflict ids this change settles (a choice made in the conflict review). */
  readonly resolves?: readonly number[];
  /** The login of the user who made the change (absent in rows queued before sign-in existed). */
  readonly by?: string;
  /** The record's server version after this mutation was applied (set when acked). */
  readonly ackedVersion?: number;
  /** When the server acknowledged it (acked rows are retained a while, to re-send after a server restore). */
  readonly ackedAt?: string;
  /** Why the server refused it; a rejected row is kept and shown, never dropped. */
  readonly rejectedReason?: string;
}

/** Top-level fields whose value differs between two versions of a record (compared as JSON). */
export function diffFields<T extends object>(
  before: T | undefined,
  after: T,
  ignore: readonly string[] = [],
): { changes: Record<string, unknown>; baseValues: Record<string, unknown> } {
  const changes: Record<string, unknown> = {};
  const baseValues: Record<string, unknown> = {};
  const a = after as Record<string, unknown>;
  if (before === undefined) {
    // A new record: every field with a value changed from nothing (no JSON comparison needed; an import makes
    // 50,000 of these).
    for (const key of Object.keys(a)) {
      if (ignore.includes(key) || a[key] === undefined) continue;
      changes[key] = a[key];
      baseValues[key] = null;
    }
    return { changes, baseValues };
  }
  const b = before as Record<string, unknown>;
  const keys = new Set([...Object.keys(b), ...Object.keys(a)]);
  for (const key of keys) {
    if (ignore.includes(key)) continue;
    if (JSON.stringify(b[key]) !== JSON.stringify(a[key])) {
      changes[key] = a[key] ?? null;
      baseValues[key] = b[key] ?? null;
    }
  }
  return { changes, baseValues };
}
