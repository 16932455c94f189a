/*
 * Who may do what (issue #13): ONE table of role × action, checked by the renderer's repositories before every
 * write and by the office server before it applies a mutation. The UI hides what a role cannot do, but that is
 * comfort, not protection: the checks here are the protection.
 *
 * Roles: 录入员 clerk (capture, edits their own invoices until they are checked, cases, imports), 审核员 auditor
 * (reads everything, marks invoices checked, reconciles, exports, verifies the audit trail; edits nothing),
 * 管理员 admin (everything, and alone: users, settings, restoring a backup, permanent delete, the server connection).
 */
import type { InvoiceStatus } from '../domain/invoice';

/** The roles, in the order the UI lists them. */
export const ROLES = ['clerk', 'auditor', 'admin'] as const;
/** A user's role. */
export type Role = (typeof ROLES)[number];

/** The roles allowed to take each action (the permission table). */
export const PERMISSIONS = {
  'invoice.create': ['clerk', 'admin'],
  /** Content edits; a clerk only on invoices they recorded that are still 已录入 (see OWNER_RULE). */
  'invoice.edit': ['clerk', 'admin'],
  /** 已录入 → 已核对 (and back): the check is the auditor's. */
  'invoice.check': ['auditor', 'admin'],
  /** Every other status move (已入账, 已报销, 作废, 红冲, 遗失 …). */
  'invoice.status': ['clerk', 'admin'],
  /** To the recycle bin; a clerk only their own unchecked invoices. */
  'invoice.delete': ['clerk', 'admin'],
  /** Back from the recycle bin; a clerk only their own unchecked invoices. */
  'invoice.restore': ['clerk', 'admin'],
  /** Permanent delete from the recycle bin (the audit trail keeps that it happened). */
  'invoice.purge': ['admin'],
  /** Choosing a value in a sync conflict (a normal edit of the record). */
  'conflict.resolve': ['clerk', 'admin'],
  /** Cases for missing and lost invoices, their contact log, evidence and checklist. */
  'case.edit': ['clerk', 'admin'],
  /** Excel ledger imports and undoing them. */
  'import.run': ['clerk', 'admin'],
  /** Reconciliation runs, notes on findings, bank match decisions. */
  'reconcile.run': ['clerk', 'auditor', 'admin'],
  /** Saved column mappings of spreadsheets. */
  'mapping.edit': ['clerk', 'auditor', 'admin'],
  /** Exports: ledger, reports, the plain export folder. */
  'export.run': ['clerk', 'auditor', 'admin'],
  /** Reading the audit trail beyond one invoice's history. */
  'audit.view': ['auditor', 'admin'],
  /** Verifying the audit chain on demand and exporting it. */
  'audit.verify': ['auditor', 'admin'],
  'audit.export': ['auditor', 'admin'],
  /** Making and verifying backups (the automatic daily backup runs for everyone). */
  'backup.run': ['clerk', 'auditor', 'admin'],
  /** Setting the backup password or recovery key, and backup settings. */
  'backup.settings': ['admin'],
  /** Restoring the ledger from a backup. */
  'backup.restore': ['admin'],
  /** Adding users, changing roles, disabling, resetting passwords. */
  'user.manage': ['admin'],
  /** App settings (idle sign-out, plain HTTP on the LAN, …). */
  'settings.edit': ['admin'],
  /** Enrolling with the office server, trusting its certificate. */
  'sync.server': ['admin'],
  /** Saved list views (a personal convenience). */
  'view.save': ['clerk', 'auditor', 'admin'],
  /** Sending feedback to the admin (意见反馈). */
  'feedback.send': ['clerk', 'auditor', 'admin'],
  /** Reading everyone's feedback and marking it read. */
  'feedback.read': ['admin'],
  /** Running the month-end completeness check (月末核对) and saving its result; everyone reads saved checks. */
  'periodCheck.run': ['clerk', 'auditor', 'admin'],
} as const satisfies Readonly<Record<string, readonly Role[]>>;

/** Something a user may or may not do. */
export type Action = keyof typeof PERMISSIONS;
/** Every action, in table order. */
export const ACTIONS = Object.keys(PERMISSIONS) as Action[];

/** Actions a clerk may take only on an invoice they recorded that is still 已录入 (admins are not bound by it). */
export const OWNER_RULE: readonly Action[] = ['invoice.edit', 'invoice.delete', 'invoice.restore'];

/** Who acts: the signed-in user's login name and role. */
export interface Actor {
  readonly login: string;
  readonly role: Role;
}

/** The record an action is about, as far as the rules need it. */
export interface PermissionTarget {
  readonly createdBy?: string;
  readonly status?: InvoiceStatus;
}

/** Why an action was refused: nobody signed in, the role lacks it, or (for a clerk) not their own / already checked. */
export type RefusalReason = 'signedOut' | 'role' | 'notOwner' | 'checked';

/** A refusal names the action and the roles that may take it, so the message can say which role is needed. */
export interface PermissionRefusal {
  readonly kind: 'forbidden';
  readonly action: Action;
  readonly reason: RefusalReason;
  readonly needs: readonly Role[];
  /** Who was refused (null when nobody was signed in). */
  readonly login: string | null;
  readonly role: Role | null;
}

/** The outcome of a check. */
export type Permission = { readonly ok: true } | { readonly ok: false; readonly refusal: PermissionRefusal };

/** True when `role` appears in the table for `action` (ignores the owner rule). */
export function roleMay(role: Role, action: Action): boolean {
  return (PERMISSIONS[action] as readonly Role[]).includes(role);
}

/** Checks one action of `actor` (null = nobody signed in) on `target`. */
export function authorize(actor: Actor | null, action: Action, target?: PermissionTarget): Permission {
  const needs = PERMISSIONS[action];
  const refuse = (reason: RefusalReason): Permission => ({
    ok: false,
    refusal: { kind: 'forbidden', action, reason, needs, login: actor?.login ?? null, role: actor?.role ?? null },
  });
  if (!actor) return refuse('signedOut');
  if (!roleMay(actor.role, action)) return refuse('role');
  if (actor.role === 'clerk' && OWNER_RULE.includes(action) && target) {
    if (target.createdBy !== undefined && target.createdBy !== actor.login) return refuse('notOwner');
    if (target.status !== undefined && target.status !== 'entered') return refuse('checked');
  }
  return { ok: true };
}

/** True when `value` is a role name. */
export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
