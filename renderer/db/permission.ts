/*
 * The repositories' permission check (issue #13): every write asks shared/auth/roles.ts authorize() about the
 * signed-in actor BEFORE it writes anything. A refusal is audited ('refused': the action, why, and the roles that
 * may take it) and handed back: as the error of the method's outcome union where it has one, or thrown as a
 * PermissionRefusedError where the method returns a plain value. Hiding buttons in the UI is comfort; this is the
 * protection.
 */
import { authorize, type Action, type PermissionRefusal, type PermissionTarget } from '../../shared/auth/roles';
import { appendAuditEvents, appendAuditEventsIn } from './audit-events';
import type { LedgerDb } from './db';
import type { WriteContext } from './write-context';

/** A write refused by the permission table; `refusal` names the action and the roles that may take it. */
export class PermissionRefusedError extends Error {
  constructor(readonly refusal: PermissionRefusal) {
    super(`${refusal.action} needs ${refusal.needs.join(' or ')} (${refusal.reason})`);
    this.name = 'PermissionRefusedError';
  }
}

/** What the refused action was about, for the audit entry: the entity and its id ('' when none). */
export interface RefusedAbout {
  readonly entity: string;
  readonly entityId: string;
}

type Who = Pick<WriteContext, 'actor' | 'user' | 'device' | 'now'>;

function refusedEvent(refusal: PermissionRefusal, about: RefusedAbout) {
  return {
    action: 'refused' as const,
    entity: about.entity,
    entityId: about.entityId,
    after: { action: refusal.action, reason: refusal.reason, needs: refusal.needs, role: refusal.role },
  };
}

/**
 * Checks `action` inside the caller's 'rw' transaction (which must include db.audit); when refused, audits the
 * refusal in that transaction and returns it. The caller then returns without writing, so the entry commits.
 */
export async function refusalIn(db: LedgerDb, ctx: Who, action: Action, about: RefusedAbout, target?: PermissionTarget): Promise<PermissionRefusal | null> {
  const p = authorize(ctx.actor(), action, target);
  if (p.ok) return null;
  await appendAuditEventsIn(db, [refusedEvent(p.refusal, about)], { user: ctx.user, device: ctx.device }, ctx.now());
  return p.refusal;
}

/** Audits a refusal found elsewhere (e.g. thrown out of an aborted transaction), in a transaction of its own. */
export async function auditRefusal(db: LedgerDb, ctx: Who, refused: PermissionRefusal, about: RefusedAbout): Promise<void> {
  await appendAuditEvents(db, [refusedEvent(refused, about)], { user: ctx.user, device: ctx.device }, ctx.now());
}

/** Checks `action` outside any transaction; when refused, audits the refusal (its own transaction) and returns it. */
export async function refusal(db: LedgerDb, ctx: Who, action: Action, about: RefusedAbout, target?: PermissionTarget): Promise<PermissionRefusal | null> {
  const p = authorize(ctx.actor(), action, target);
  if (p.ok) return null;
  await auditRefusal(db, ctx, p.refusal, about);
  return p.refusal;
}

/**
 * Checks `action` before a write that returns a plain value; when refused, audits it and throws
 * PermissionRefusedError. WARNING: call before opening the write's transaction (a throw inside it would roll the
 * audit entry back with everything else).
 */
export async function requirePermission(db: LedgerDb, ctx: Who, action: Action, about: RefusedAbout, target?: PermissionTarget): Promise<void> {
  const r = await refusal(db, ctx, action, about, target);
  if (r) throw new PermissionRefusedError(r);
}

/** The refusal a thrown error carries, or null when it is another error. */
export function refusalOf(e: unknown): PermissionRefusal | null {
  return e instanceof PermissionRefusedError ? e.refusal : null;
}
