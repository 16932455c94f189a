/*
 * The audit trail as the app uses it (issue #13), bound to the open ledger and the write context: the audit page's
 * pages, the daily and on-demand verification, the whole chain for an export, and audit events for what changes no
 * synced record (exports, backups, restores) written by the signed-in user on this device.
 */
import type { AuditEntry } from '../../shared/audit/audit-chain';
import type { PermissionRefusal } from '../../shared/auth/roles';
import { err, ok, type Result } from '../../shared/domain/result';
import { appendAuditEvents, type AuditEvent } from './audit-events';
import { auditUsers, queryAudit, type AuditFilter, type AuditPage, type AuditPaging } from './audit-query';
import { isVerificationDue, lastAuditVerification, verifyAuditTrail, type AuditVerification } from './audit-verify';
import type { LedgerDb } from './db';
import { queryInvoiceIds } from './invoice-query';
import { refusal } from './permission';
import type { WriteContext } from './write-context';

/** Entries read per step when the whole chain is read for an export. */
const READ_STEP = 5000;

/** The audit page's filter: the query's, plus a record as typed (an invoice number, or any record's id). */
export interface AuditView extends AuditFilter {
  readonly record?: string;
}

/** What an audit export reads: the whole chain, the filtered entries (or null), and who exports on which device. */
export interface AuditExportRead {
  readonly chain: AuditEntry[];
  readonly view: AuditEntry[] | null;
  readonly by: string;
  readonly device: string;
}

/** The ids a typed record names: itself (any record's id, a login, a file name) and the invoices with that number. */
async function recordIds(db: LedgerDb, typed: string): Promise<string[]> {
  const q = typed.trim();
  const [live, binned] = await Promise.all([queryInvoiceIds(db, { number: q }), queryInvoiceIds(db, { number: q, deleted: true })]);
  return [q, ...live, ...binned];
}

/** The audit trail's API over one ledger. */
export function auditTrailApi(db: LedgerDb, ctx: WriteContext) {
  return {
    /** A page of entries matching `view`, newest first. */
    async page(view: AuditView, paging: AuditPaging): Promise<AuditPage> {
      const { record, ...filter } = view;
      if (record === undefined || record.trim() === '') return queryAudit(db, filter, paging);
      const ids = await recordIds(db, record);
      return queryAudit(db, { ...filter, entityIds: filter.entityIds ? filter.entityIds.filter((id) => ids.includes(id)) : ids }, paging);
    },

    /** Every login in the trail, sorted. */
    users(): Promise<string[]> {
      return auditUsers(db);
    },

    /** The last verification (null when never verified). */
    lastVerification(): Promise<AuditVerification | null> {
      return lastAuditVerification(db);
    },

    /** "立即验证": verifies the whole chain now (auditors and admins; a refusal is audited and returned). */
    async verifyNow(): Promise<Result<AuditVerification, PermissionRefusal>> {
      const refused = await refusal(db, ctx, 'audit.verify', { entity: 'audit', entityId: '' });
      if (refused) return err(refused);
      return ok(await verifyAuditTrail(db, ctx, ctx.now(), 'manual'));
    },

    /**
     * The daily verification: runs when the last one is a day old or more (for whoever is signed in: it is the app's
     * own check, not a user's action); returns the latest verification either way.
     */
    async verifyIfDue(): Promise<AuditVerification> {
      const last = await lastAuditVerification(db);
      const now = ctx.now();
      if (last && !isVerificationDue(last, now)) return last;
      return verifyAuditTrail(db, ctx, now, 'daily');
    },

    /**
     * The whole chain in seq order for an export (auditors and admins; a refusal is audited and returned), and the
     * entries matching `view` when one is given (for the export's filtered sheet); with who exports on which device.
     */
    async forExport(view?: AuditView): Promise<Result<AuditExportRead, PermissionRefusal>> {
      const refused = await refusal(db, ctx, 'audit.export', { entity: 'audit', entityId: '' });
      if (refused) return err(refused);
      const chain: AuditEntry[] = [];
      for (;;) {
        const step = await db.audit.where('seq').above(chain.at(-1)?.seq ?? 0).limit(READ_STEP).toArray();
        chain.push(...step);
        if (step.length < READ_STEP) break;
      }
      const filtered = view ? (await this.page(view, { offset: 0, limit: Number.MAX_SAFE_INTEGER })).entries.reverse() : null;
      return ok({ chain, view: filtered, by: ctx.user, device: ctx.device });
    },

    /** Audits events that change no synced record (an export, a backup, …) as the signed-in user on this device. */
    record(...events: AuditEvent[]): Promise<void> {
      return appendAuditEvents(db, events, ctx, ctx.now());
    },
  };
}

/** The audit trail API's type. */
export type AuditTrailApi = ReturnType<typeof auditTrailApi>;
