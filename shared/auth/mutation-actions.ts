/*
 * What a synced mutation amounts to, in permission-table actions (shared/auth/roles.ts). The office server uses
 * it to check each mutation against its author's role before applying it; the renderer's repositories name their
 * action directly but must agree with this mapping (a test holds them together).
 */
import type { SyncEntity } from '../sync/entities';
import type { Action, PermissionTarget } from './roles';

/** The parts of a mutation and of the record it changes that decide its actions. */
export interface MutationFacts {
  readonly entity: SyncEntity;
  readonly op: 'upsert' | 'delete';
  /** The fields the mutation changes. */
  readonly changes: Readonly<Record<string, unknown>>;
  /** The record as the receiver holds it before the mutation (undefined: a new record). */
  readonly current: Readonly<Record<string, unknown>> | undefined;
  /** True when the mutation settles sync conflicts (a conflict-review choice). */
  readonly resolves: boolean;
  /** The login of the mutation's author (for a user changing their own password). */
  readonly by: string;
}

/** Fields of a user record a user may change on their own record (their password after a reset). */
export const SELF_SERVICE_USER_FIELDS: readonly string[] = ['passwordHash', 'mustChangePassword', 'updatedAt', 'updatedBy'];

const ENTITY_ACTION: Readonly<Record<Exclude<SyncEntity, 'invoice' | 'user' | 'feedback'>, Action>> = {
  case: 'case.edit',
  caseContact: 'case.edit',
  match: 'reconcile.run',
  reconcileRun: 'reconcile.run',
  findingNote: 'reconcile.run',
  mapping: 'mapping.edit',
  importBatch: 'import.run',
  periodCheck: 'periodCheck.run',
};

/** Status moves that belong to the check (已录入 ⇄ 已核对). */
function isCheckMove(from: unknown, to: unknown): boolean {
  return (from === 'entered' && to === 'verified') || (from === 'verified' && to === 'entered');
}

/** The action a status move needs: the check (已录入 ⇄ 已核对) is 'invoice.check', every other move 'invoice.status'. */
export function statusAction(from: unknown, to: unknown): Action {
  return isCheckMove(from, to) ? 'invoice.check' : 'invoice.status';
}

const BOOKKEEPING = new Set(['id', 'updatedAt', 'updatedBy', 'createdAt', 'createdBy', 'version']);

/** The actions a mutation needs, each with the target the owner rule looks at; empty only for a user's own password change. */
export function mutationActions(m: MutationFacts): { readonly action: Action; readonly target?: PermissionTarget }[] {
  const target: PermissionTarget | undefined = m.current
    ? {
        ...(typeof m.current['createdBy'] === 'string' ? { createdBy: m.current['createdBy'] } : {}),
        ...(typeof m.current['status'] === 'string' ? { status: m.current['status'] as NonNullable<PermissionTarget['status']> } : {}),
      }
    : undefined;
  const withTarget = (action: Action) => (target ? { action, target } : { action });
  if (m.entity === 'user') {
    const own = m.current !== undefined && m.current['login'] === m.by;
    const selfOnly = Object.keys(m.changes).every((k) => SELF_SERVICE_USER_FIELDS.includes(k));
    // A user's own password change needs no role: the server accepts it from that user only.
    if (own && m.op === 'upsert' && selfOnly) return [];
    return [{ action: 'user.manage' }];
  }
  if (m.entity === 'feedback') {
    // Its author sends it; marking it read (a change of status on a record that exists) is the admin's.
    return 'status' in m.changes && m.current !== undefined ? [{ action: 'feedback.read' }] : [{ action: 'feedback.send' }];
  }
  if (m.entity !== 'invoice') return [{ action: ENTITY_ACTION[m.entity] }];
  if (m.op === 'delete') return [withTarget(m.changes['purged'] === true ? 'invoice.purge' : 'invoice.delete')];
  if (!m.current) return [{ action: 'invoice.create' }];
  if (m.resolves) return [{ action: 'conflict.resolve' }];
  const actions: { action: Action; target?: PermissionTarget }[] = [];
  const keys = Object.keys(m.changes).filter((k) => !BOOKKEEPING.has(k));
  if (m.changes['deleted'] === false && m.current['deleted'] === true) actions.push(withTarget('invoice.restore'));
  if ('status' in m.changes) {
    actions.push({ action: statusAction(m.current['status'], m.changes['status']) });
  }
  const STATUS_FIELDS = new Set(['status', 'statusHistory', 'deleted', 'deletedAt']);
  if (keys.some((k) => !STATUS_FIELDS.has(k))) actions.push(withTarget('invoice.edit'));
  return actions.length > 0 ? actions : [withTarget('invoice.edit')];
}
