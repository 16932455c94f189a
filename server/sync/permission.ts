/*
 * Who may push what (issue #13). Users and roles are synced records (entity 'user'); before a mutation applies,
 * the server names its author (`by`), looks the author up among the user records it holds — inside the same push
 * transaction, so a user created earlier in the push counts — and checks every action the mutation amounts to
 * (shared/auth/mutation-actions.ts) against the one permission table (shared/auth/roles.ts).
 *
 * While the server holds no user at all, every mutation passes: clients from before sign-in push without `by`, and
 * the first administrator's own user record is the first thing that arrives from their outbox.
 */
import { mutationActions } from '../../shared/auth/mutation-actions';
import { authorize, isRole, type PermissionRefusal, type Role } from '../../shared/auth/roles';
import type { WireMutation } from '../../shared/sync/protocol';

/** A user as the permission check sees it. */
export interface KnownUser {
  readonly entityId: string;
  readonly login: string;
  /** undefined when the record holds no valid role (such a user may do nothing). */
  readonly role: Role | undefined;
  readonly disabled: boolean;
}

/** The user records the server holds: by login, plus how many there are (any at all ends the bootstrap). */
export interface UserDirectory {
  readonly count: number;
  readonly byLogin: ReadonlyMap<string, KnownUser>;
}

/** A stored user record: its id, whether it is deleted, and its data. */
export interface UserRow {
  readonly entityId: string;
  readonly deleted: boolean;
  readonly data: Readonly<Record<string, unknown>>;
}

/**
 * Builds the directory from the stored user records, oldest first (by version). If two records claim one login
 * (the server refuses that, but a database restored from elsewhere might hold it), the older one counts, so a
 * later record can never take over an existing login.
 */
export function userDirectory(rows: readonly UserRow[]): UserDirectory {
  const byLogin = new Map<string, KnownUser>();
  for (const row of rows) {
    const login = row.data['login'];
    if (typeof login !== 'string' || byLogin.has(login)) continue;
    const role = row.data['role'];
    byLogin.set(login, {
      entityId: row.entityId,
      login,
      role: isRole(role) ? role : undefined,
      // Users are never deleted; a deleted record is treated like a disabled user.
      disabled: row.data['disabled'] === true || row.deleted,
    });
  }
  return { count: rows.length, byLogin };
}

/** The reason text of a refusal: names the action, the role(s) that may take it, and who was refused. */
export function refusalText(refusal: PermissionRefusal): string {
  const who = refusal.login === null ? 'nobody signed in' : `user "${refusal.login}" is ${refusal.role ?? 'without a role'}`;
  if (refusal.reason === 'notOwner' || refusal.reason === 'checked') {
    // The owner rule binds a clerk only: the roles needed are those the rule does not bind.
    const needs = refusal.needs.filter((r) => r !== refusal.role);
    const why = refusal.reason === 'notOwner'
      ? 'a clerk may change only invoices they recorded'
      : 'a clerk may change only invoices that are not yet checked';
    return `forbidden: ${refusal.action} needs ${needs.join(' or ')} (${who}; ${why})`;
  }
  return `forbidden: ${refusal.action} needs ${refusal.needs.join(' or ')} (${who})`;
}

/** Problems with a user record itself: a login is fixed at creation and unique. */
function userRecordProblem(m: WireMutation, current: Readonly<Record<string, unknown>> | undefined, users: UserDirectory): string | undefined {
  if (m.entity !== 'user' || !('login' in m.changes)) return undefined;
  const login = m.changes['login'];
  if (current !== undefined && current['login'] !== undefined && current['login'] !== login) {
    return `a user's login cannot change (user ${m.entityId} is ${JSON.stringify(current['login'])})`;
  }
  const holder = typeof login === 'string' ? users.byLogin.get(login) : undefined;
  if (holder && holder.entityId !== m.entityId) return `login ${JSON.stringify(login)} already belongs to another user`;
  return undefined;
}

/** A saved month-end check is a record of what was found then: nobody changes or deletes it (a new run is a new record). */
function periodCheckProblem(m: WireMutation, current: Readonly<Record<string, unknown>> | undefined): string | undefined {
  if (m.entity !== 'periodCheck' || current === undefined) return undefined;
  return `a saved month-end check cannot change (periodCheck ${m.entityId}); run the check again to save a new one`;
}

/**
 * Why `m` may not apply, or undefined when it may. `current` is the stored record's data (undefined: a new
 * record); `users` the user records held at this point of the push.
 */
export function permissionProblem(m: WireMutation, current: Readonly<Record<string, unknown>> | undefined, users: UserDirectory): string | undefined {
  const recordProblem = userRecordProblem(m, current, users) ?? periodCheckProblem(m, current);
  if (recordProblem !== undefined) return recordProblem;
  if (users.count === 0) return undefined;
  if (m.by === undefined) return 'sign-in required: this change names no user';
  const user = users.byLogin.get(m.by);
  if (!user) return `unknown user: "${m.by}" is not a user on this server`;
  if (user.disabled) return `user disabled: "${m.by}" may no longer make changes`;
  if (!user.role) return `no role: user "${m.by}" has no valid role`;
  const actor = { login: user.login, role: user.role };
  const facts = { entity: m.entity, op: m.op, changes: m.changes, current, resolves: (m.resolves ?? []).length > 0, by: m.by };
  for (const { action, target } of mutationActions(facts)) {
    const permission = authorize(actor, action, target);
    if (!permission.ok) return refusalText(permission.refusal);
  }
  return undefined;
}
