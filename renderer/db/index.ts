/** The renderer's only door to IndexedDB: repositories for writes, hooks for live reads. */
import { outboxIn } from './outbox-state';
import { useLiveQuery } from 'dexie-react-hooks';
import { useSyncExternalStore } from 'react';
import { authorize, type Action, type Actor, type PermissionTarget } from '../../shared/auth/roles';
import { uuidv7 } from '../../shared/domain/ids';
import type { Invoice, InvoiceId } from '../../shared/domain/invoice';
import type { InvoiceFilter } from '../../shared/search/invoice-filter';
import type { AuditEntry } from '../../shared/audit/audit-chain';
import { ENTITY_TABLES, type SyncEntity } from '../../shared/sync/entities';
import { LedgerDb, requestPersistentStorage, type AttachmentRow, type SavedView } from './db';
import { InvoiceRepository } from './invoice-repository';
import { ViewsRepository } from './views-repository';
import { queryInvoiceIds, queryLedgerHead } from './invoice-query';
import { upgradeListIndex } from './list-index';
import { readHomeCases, readHomeInvoices, readHomeReconcile } from './home-repository';
import type { HomeClock, InvoiceSummary } from '../../shared/home/invoice-summary';
import type { CaseMonth, FollowUpCounts, ReconcileTile } from '../../shared/home/work-summary';
import { fromRow } from './rows';
import type { WriteContext } from './write-context';
import { sessionActor, subscribeSession } from './session';
import { deviceIdentity, deviceLabel } from './device';
import { SyncRepository } from './sync-repository';
import { UserRepository, type PublicUser } from './user-repository';
import { auditTrailApi, type AuditView } from './audit-trail';
import type { AuditPage, AuditPaging } from './audit-query';
import type { AuditVerification } from './audit-verify';
import type { ConflictRow } from './db';
import type { OutboxMutation } from '../../shared/sync/outbox';
import { activeLedgerName } from './restore-pointer';
import { ledgerBackupApi } from './restore-api';
import { readBackupState, type BackupState } from './backup-state-repository';
import { CaseRepository } from './case-repository';
import { ReconcileRepository } from './reconcile-repository';
import { LedgerImportRepository } from './ledger-import-repository';
import { ConflictRepository } from './conflict-repository';
import { FeedbackRepository } from './feedback-repository';
import { PeriodCheckRepository } from './period-check-repository';
import type { PeriodCheckRecord } from '../../shared/period-check/record';
import type { PeriodCheckResult } from '../../shared/period-check/types';
import type { FeedbackRecord } from '../../shared/feedback/types';
import type { CaseContact, InvoiceCase } from '../../shared/cases/types';
import type { BankMatch, ColumnMapping, FindingNote, ImportBatch, ReconcileRun } from '../../shared/reconcile/entities';

export type { AttachmentInput, CreateOptions, SaveOutcome, SaveRefusal, StatusOutcome } from './invoice-repository';
export type { AttachmentRow, ConflictRow, SavedView } from './db';
export type { SyncSettings } from './sync-repository';
export type { CaseError, CaseOutcome, ContactInput, InvoiceEffect, OpenCaseInput } from './case-repository';
export type { FindingNotePatch } from './reconcile-repository';
export type { ExistingKeys, ImportError, LedgerImportInput, LedgerImportItem } from './ledger-import-repository';

/** The login entries had before sign-in existed (issue #13): the UI shows it as 录入员. */
export const LEGACY_USER = 'clerk';

// A restore swaps databases by moving this pointer (restore-pointer.ts), so the name is read at start-up.
const db = new LedgerDb(activeLedgerName());
// Chunks stored before the list index carried capture times and warning flags are rewritten once (list-index.ts).
void upgradeListIndex(db);
const device = deviceLabel(deviceIdentity(localStorage, 'PC', () => crypto.getRandomValues(new Uint8Array(8))));
const ctx: WriteContext = {
  get user() { return sessionActor()?.login ?? ''; },
  actor: sessionActor,
  device,
  now: () => new Date().toISOString(),
  newId: () => uuidv7(Date.now(), crypto.getRandomValues(new Uint8Array(10))) as InvoiceId,
};
const random = (n: number) => crypto.getRandomValues(new Uint8Array(n));

/** Users, sign-in (with this PC's lockout), password changes and the idle sign-out setting (issue #13). */
export const users = new UserRepository(db, ctx, { random });
/** Invoice writes (record + audit + outbox in one transaction). */
export const invoices = new InvoiceRepository(db, ctx);
/** Sync state and the outbox, for the sync engine and the sync screens. */
export const syncStore = new SyncRepository(db, ctx.now, ctx.device, ctx);
/** Saved list views. */
export const views = new ViewsRepository(db, ctx);
/** Cases for missing and lost invoices and their contact logs (each write moves the lost invoice's status too). */
export const cases = new CaseRepository(db, ctx);
/** Reconciliation runs, finding notes, decided bank matches, saved column mappings, and the ledger for a period. */
export const reconcileStore = new ReconcileRepository(db, ctx);
/** Excel ledger imports: all-or-nothing commit in one audited import, undo to the recycle bin, keys for the preview. */
export const ledgerImport = new LedgerImportRepository(db, ctx);
/** The clerk's choice on a sync conflict, for any entity (invoices, cases, contact entries, …). */
export const conflicts = new ConflictRepository(db, ctx, invoices);
/** Export, import, restore (into a new database, then swapped in) and this PC's backup state (issue #5). */
export const ledgerBackup = ledgerBackupApi(db, {
  ctx,
  now: ctx.now,
  appVersion: import.meta.env.VITE_APP_VERSION ?? '',
  openDb: (name) => new LedgerDb(name),
});
/** Last backup, last verification and backup settings; undefined while loading. */
export function useBackupState(): BackupState | undefined {
  return useLiveQuery(() => readBackupState(db), []);
}
export type { BackupSettings, BackupState, LastBackup, LastVerified } from './backup-state-repository';
export { DEFAULT_BACKUP_SETTINGS } from './backup-state-repository';
export type { RestoreError } from './restore-read';
export type { SwapError } from './restore-api';
export type { ExportError } from './export-folder';
export { BlobFolder } from './restore-folder';
export { snapshotExportSource } from './export-source';
export { exportManifest, manifestBytes } from './export-ledger';

/** The signed-in user and role (null when nobody is signed in), re-rendering when the session changes. */
export function useActor(): Actor | null {
  return useSyncExternalStore(subscribeSession, sessionActor);
}

/** Whether the signed-in user may take `action` (on `target`): for hiding what a role cannot do. Hiding is not the protection. */
export function useCan(action: Action, target?: PermissionTarget): boolean {
  return authorize(useActor(), action, target).ok;
}
export { sessionActor, setSessionActor, subscribeSession } from './session';
export type { PublicUser, SignedIn, SignInError, UserError, UserOutcome } from './user-repository';
export { PermissionRefusedError, refusalOf } from './permission';
export type { PurgeOutcome } from './invoice-repository';

/** Every user (disabled ones too), by login; undefined while loading. */
export function useUsers(): PublicUser[] | undefined {
  return useLiveQuery(() => users.list(), []);
}

/** Whether any user exists on this PC (false: first start); undefined while loading. */
export function useHasUsers(): boolean | undefined {
  return useLiveQuery(async () => !(await users.isEmpty()), []);
}

/** The idle sign-out time in minutes; undefined while loading. */
export function useIdleMinutes(): number | undefined {
  return useLiveQuery(() => users.idleMinutes(), []);
}

/** Asks for persistent storage once at start-up. */
export const persistStorage = requestPersistentStorage;

/** How many leading rows come with the ids, so the first screen paints in one pass. */
const HEAD_ROWS = 40;

/** A filtered list: matching ids in display order (all of them once `complete`), plus the first rows' records. */
export interface InvoiceList {
  readonly ids: InvoiceId[];
  readonly count: number;
  readonly head: ReadonlyMap<string, Invoice>;
  /** False while only the first screen of the unfiltered ledger is known (the list index is still loading). */
  readonly complete: boolean;
}

/** The invoices matching a filter; undefined while loading. */
export function useInvoiceList(filter: InvoiceFilter): InvoiceList | undefined {
  const key = JSON.stringify(filter);
  const unfiltered = Object.keys(filter).length === 0;
  // The unfiltered ledger first paints from a short index read; the full list (which decodes the whole
  // list index on the same thread) starts only after that, so it does not delay the first screen.
  const preview = useLiveQuery(async (): Promise<InvoiceList | null> => {
    if (!unfiltered) return null;
    const { rows, count } = await queryLedgerHead(db, HEAD_ROWS);
    return { ids: rows.map((r) => r.id), count, head: new Map(rows.map((r) => [r.id, fromRow(r)])), complete: false };
  }, [key]);
  const fullMayStart = preview !== undefined;
  const full = useLiveQuery(async (): Promise<InvoiceList | null> => {
    if (!fullMayStart) return null;
    const ids = await queryInvoiceIds(db, filter);
    return { ids, count: ids.length, head: await readRows(ids.slice(0, HEAD_ROWS)), complete: true };
  }, [key, fullMayStart]);
  return full ?? preview ?? undefined;
}

async function readRows(ids: readonly InvoiceId[]): Promise<Map<string, Invoice>> {
  const rows = await db.invoices.bulkGet([...ids]);
  const map = new Map<string, Invoice>();
  for (const r of rows) if (r) map.set(r.id, fromRow(r));
  return map;
}

/** The invoices with these ids (a window of the list), keyed by id. */
export function useInvoicesById(ids: readonly InvoiceId[]): ReadonlyMap<string, Invoice> | undefined {
  const key = ids.join(',');
  return useLiveQuery(() => readRows(ids), [key]);
}

/** One invoice (null when it does not exist; undefined while loading). */
export function useInvoice(id: string): Invoice | null | undefined {
  return useLiveQuery(async () => {
    const row = await db.invoices.get(id as InvoiceId);
    return row ? fromRow(row) : null;
  }, [id]);
}

/** Audit entries of one invoice, oldest first. */
export function useAuditFor(id: string): AuditEntry[] | undefined {
  return useLiveQuery(() => db.audit.where('entityId').equals(id).sortBy('seq'), [id]);
}

/** The audit trail: the audit page's pages, verification (daily and on demand), the chain for an export, audit events. */
export const auditTrail = auditTrailApi(db, ctx);
export type { AuditFilter, AuditPage, AuditPaging } from './audit-query';
export type { AuditView } from './audit-trail';
export type { AuditBreak, AuditBreakReason, AuditVerification } from './audit-verify';
export type { AuditEvent } from './audit-events';

/** A page of the audit trail, newest first (undefined while loading). */
export function useAuditPage(view: AuditView, paging: AuditPaging): AuditPage | undefined {
  const key = JSON.stringify(view);
  return useLiveQuery(() => auditTrail.page(view, paging), [key, paging.offset, paging.limit]);
}

/** Every login in the audit trail (undefined while loading). */
export function useAuditUsers(): string[] | undefined {
  return useLiveQuery(() => auditTrail.users(), []);
}

/** The last verification of the audit chain (null when never verified; undefined while loading). */
export function useAuditVerification(): AuditVerification | null | undefined {
  return useLiveQuery(() => auditTrail.lastVerification(), []);
}

/** Saved views by name. */
export function useViews(): SavedView[] | undefined {
  return useLiveQuery(() => db.views.orderBy('name').toArray(), []);
}

/** Number of invoices ever recorded, deleted ones included (for the empty state). */
export function useLedgerSize(): number | undefined {
  return useLiveQuery(() => db.invoices.count(), []);
}

/** A stored original file (undefined while loading, null when missing). */
export function useAttachment(sha256: string): AttachmentRow | null | undefined {
  return useLiveQuery(async () => (await db.attachments.get(sha256)) ?? null, [sha256]);
}

/** What the sync status line counts: changes waiting, changes refused, conflicts to review. */
export interface SyncCounts {
  readonly pending: number;
  readonly rejected: number;
  readonly conflicts: number;
}

/** Live sync counts (undefined while loading). */
export function useSyncCounts(): SyncCounts | undefined {
  return useLiveQuery(async () => ({
    pending: await outboxIn(db, 'pending').count(),
    rejected: await outboxIn(db, 'rejected').count(),
    conflicts: await db.conflicts.where('open').equals(1).count(),
  }), []);
}

/** Conflicts waiting for review, oldest first. */
export function useOpenConflicts(): ConflictRow[] | undefined {
  return useLiveQuery(() => syncStore.openConflicts(), []);
}

/** Changes the server refused, newest first. */
export function useRejectedMutations(): OutboxMutation[] | undefined {
  return useLiveQuery(() => syncStore.rejected(), []);
}

/** This device's enrollment (null when not enrolled; undefined while loading). */
export function useSyncSettings(): Awaited<ReturnType<SyncRepository['settings']>> | undefined {
  return useLiveQuery(() => syncStore.settings(), []);
}

/** Every case (not deleted), most recently changed first; undefined while loading. */
export function useCases(): InvoiceCase[] | undefined {
  return useLiveQuery(() => cases.all(), []);
}

/** One case (null when it does not exist or was deleted; undefined while loading). */
export function useCase(id: string): InvoiceCase | null | undefined {
  return useLiveQuery(async () => {
    const c = await cases.get(id);
    return c && !c.deleted ? c : null;
  }, [id]);
}

/** A case's contact log, newest first. */
export function useCaseContacts(caseId: string): CaseContact[] | undefined {
  return useLiveQuery(() => cases.contactsOf(caseId), [caseId]);
}

/** Open follow-ups due on or before `today` (YYYY-MM-DD) on open cases. */
export function useOverdueFollowUps(today: string): CaseContact[] | undefined {
  return useLiveQuery(() => cases.overdue(today), [today]);
}

/** Cases about an invoice (as the lost one or as its replacement). */
export function useCasesForInvoice(invoiceId: string): InvoiceCase[] | undefined {
  return useLiveQuery(() => cases.forInvoice(invoiceId), [invoiceId]);
}

/** Saved column mappings, by name. */
export function useMappings(): ColumnMapping[] | undefined {
  return useLiveQuery(() => reconcileStore.mappings(), []);
}

/** Saved reconciliation runs, newest first. */
export function useRuns(): ReconcileRun[] | undefined {
  return useLiveQuery(() => reconcileStore.runs(), []);
}

/** The clerk's notes on findings, by finding key. */
export function useFindingNotes(): ReadonlyMap<string, FindingNote> | undefined {
  return useLiveQuery(() => reconcileStore.findingNotes(), []);
}

/** Decided bank matches, most recently decided first. */
export function useMatches(): BankMatch[] | undefined {
  return useLiveQuery(() => reconcileStore.matches(), []);
}

/** Ledger imports, newest first (undone ones too, marked). */
export function useImports(): ImportBatch[] | undefined {
  return useLiveQuery(() => ledgerImport.all(), []);
}

/** A synced record of any entity (null when this PC does not hold it; undefined while loading), for conflict review. */
export function useSyncedRecord(entity: SyncEntity, id: string): Readonly<Record<string, unknown>> | null | undefined {
  return useLiveQuery(async () => ((await db.table(ENTITY_TABLES[entity]).get(id)) as Record<string, unknown> | undefined) ?? null, [entity, id]);
}

/** Feedback (意见反馈): every role sends; the admin lists and marks read. */
export const feedback = new FeedbackRepository(db, ctx);
export type { FeedbackError, FeedbackInput } from './feedback-repository';

/** Every feedback record, newest first, for the admin (empty for other roles); undefined while loading. */
export function useFeedbackList(): FeedbackRecord[] | undefined {
  const actor = useActor();
  return useLiveQuery(() => feedback.list(), [actor?.login, actor?.role]);
}

/** Month-end checks (月末核对): the checklist of a month as the ledger stands, saved results, the history. */
export const periodChecks = new PeriodCheckRepository(db, ctx);
export type { PeriodCheckError } from './period-check-repository';
export { MAX_NOTE_LENGTH } from './period-check-repository';

/** The month-end checklist of `month` (YYYY-MM), re-evaluated whenever what it reads changes; undefined while loading. */
export function usePeriodCheck(month: string): PeriodCheckResult | undefined {
  return useLiveQuery(() => periodChecks.evaluate(month), [month]);
}

/** Every saved month-end check, newest first; undefined while loading. */
export function useSavedPeriodChecks(): PeriodCheckRecord[] | undefined {
  return useLiveQuery(() => periodChecks.list(), []);
}

/** One saved month-end check (null when this PC does not hold it; undefined while loading). */
export function useSavedPeriodCheck(id: string): PeriodCheckRecord | null | undefined {
  return useLiveQuery(() => periodChecks.get(id), [id]);
}

/** The home page's invoice tiles and monthly chart, counted from the list index (undefined while loading). */
export function useHomeInvoices(clock: HomeClock): InvoiceSummary | undefined {
  return useLiveQuery(() => readHomeInvoices(db, clock), [clock.todayStart, clock.weekStart, clock.months.join()]);
}

/** Follow-ups due on open cases and cases found / recovered per month (`monthOf`: ISO instant → local YYYY-MM). */
export function useHomeCases(today: string, months: readonly string[], monthOf: (iso: string) => string):
  { readonly followUps: FollowUpCounts; readonly months: CaseMonth[] } | undefined {
  return useLiveQuery(() => readHomeCases(db, today, months, monthOf), [today, months.join()]);
}

/** The newest reconciliation run and its open findings (null when none; undefined while loading). */
export function useHomeReconcile(): ReconcileTile | null | undefined {
  return useLiveQuery(() => readHomeReconcile(db), []);
}

/** When this PC last synced successfully (null when never; undefined while loading). */
export function useLastSyncSuccess(): string | null | undefined {
  return useLiveQuery(async () => (await syncStore.cursor()).lastSuccessAt, []);
}
