/*
 * Audit entries for events that change no synced record (issue #13): sign-in and sign-out, failed sign-ins and
 * lockouts, permission refusals, exports, backups, restores, reconciliation runs, audit verification and export.
 * They join the same hash chain as record changes but queue nothing for the server's records (the chain itself is
 * pushed to the server separately).
 */
import { chainEntry, type AuditAction } from '../../shared/audit/audit-chain';
import type { LedgerDb } from './db';

/** One event to audit: what happened to what, and what to remember about it. */
export interface AuditEvent {
  readonly action: AuditAction;
  /** What the event is about: 'user', 'invoice', 'backup', 'export', 'audit', 'reconcileRun', … */
  readonly entity: string;
  /** Its id: a login, an invoice id, a backup folder name, a file name (or '' when there is none). */
  readonly entityId: string;
  readonly before?: unknown;
  readonly after?: unknown;
}

/** Who and where: the login ('' when nobody is signed in) and the device. */
export interface AuditAuthor {
  readonly user: string;
  readonly device: string;
}

/**
 * Appends events to the audit chain in one transaction of their own.
 * WARNING: inside another transaction, call appendAuditEventsIn instead (it must include db.audit).
 */
export async function appendAuditEvents(db: LedgerDb, events: readonly AuditEvent[], who: AuditAuthor, at: string): Promise<void> {
  await db.transaction('rw', db.audit, () => appendAuditEventsIn(db, events, who, at));
}

/** Appends events inside the caller's 'rw' transaction over db.audit. */
export async function appendAuditEventsIn(db: LedgerDb, events: readonly AuditEvent[], who: AuditAuthor, at: string): Promise<void> {
  if (events.length === 0) return;
  let last = await db.audit.orderBy('seq').last();
  const entries = [];
  for (const e of events) {
    last = chainEntry({
      at, user: who.user, device: who.device, action: e.action, entity: e.entity, entityId: e.entityId,
      before: e.before ?? null, after: e.after ?? null,
    }, last);
    entries.push(last);
  }
  await db.audit.bulkAdd(entries);
}
