/*
 * The month-end completeness check (月末核对, issue #14) over the open ledger: reads what the pure evaluation
 * (shared/period-check) needs — the month's live invoices through the [_deleted+issueDate] index, reconciliation
 * runs, finding notes, cases opened from findings, this PC's backup state, the last audit verification and the
 * last change of the ledger — and saves a result as a synced record (record, audit entry and outbox mutation in one
 * transaction). Saved checks are never edited; a new run is a new record.
 */
import type { PermissionRefusal } from '../../shared/auth/roles';
import { err, ok, type Result } from '../../shared/domain/result';
import { evaluatePeriodCheck } from '../../shared/period-check/evaluate';
import { isLedgerChange } from '../../shared/period-check/last-change';
import { isMonth, monthPeriod, type Month } from '../../shared/domain/month';
import type { PeriodCheckRecord } from '../../shared/period-check/record';
import type { LastChange, PeriodCheckInput, PeriodCheckResult } from '../../shared/period-check/types';
import { lastAuditVerification } from './audit-verify';
import { readBackupState } from './backup-state-repository';
import type { LedgerDb } from './db';
import { journalTables, newMeta, putPlain } from './entity-records';
import { refusal } from './permission';
import type { WriteContext } from './write-context';

/** The longest note a saved check keeps. */
export const MAX_NOTE_LENGTH = 2000;

/** Why a check was not saved. */
export type PeriodCheckError = PermissionRefusal | { readonly kind: 'badMonth' } | { readonly kind: 'noteTooLong'; readonly max: number };

/** The latest audit entry that changed a ledger record (null when nothing ever did). */
export async function lastLedgerChange(db: LedgerDb): Promise<LastChange | null> {
  const entry = await db.audit.orderBy('seq').reverse().filter(isLedgerChange).first();
  return entry ? { seq: entry.seq, at: entry.at } : null;
}

/** Runs, saves and lists month-end checks. */
export class PeriodCheckRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  /** What the evaluation of `month` reads. */
  async input(month: Month): Promise<PeriodCheckInput> {
    const { from, to } = monthPeriod(month);
    const [rows, runs, notes, cases, lastChange, backup, audit] = await Promise.all([
      this.db.invoices.where('[_deleted+issueDate]').between([0, from], [0, to], true, true).toArray(),
      this.db.runs.toArray(),
      this.db.findings.toArray(),
      this.db.cases.filter((c) => !c.deleted && c.findingKey !== null).toArray(),
      lastLedgerChange(this.db),
      readBackupState(this.db),
      lastAuditVerification(this.db),
    ]);
    return {
      month,
      invoices: rows.map((r) => ({ id: r.id, code: r.code, number: r.number, issueDate: r.issueDate, seller: r.seller, total: r.total, status: r.status, warnings: r.warnings })),
      runs,
      findingNotes: new Map(notes.filter((f) => !f.deleted).map((f) => [f.id, { handled: f.handled, caseId: f.caseId }])),
      caseFindingKeys: new Set(cases.flatMap((c) => (c.findingKey === null ? [] : [c.findingKey]))),
      lastChange,
      backup: { lastBackupAt: backup.lastBackup?.at ?? null, lastVerified: backup.lastVerified ? { at: backup.lastVerified.at, ok: backup.lastVerified.ok } : null },
      audit: audit ? { at: audit.at, by: audit.by, headSeq: audit.head.seq, brokenSeq: audit.broken?.seq ?? null } : null,
    };
  }

  /** The checklist for `month` as the ledger stands now. */
  async evaluate(month: Month): Promise<PeriodCheckResult> {
    return evaluatePeriodCheck(await this.input(month));
  }

  /** Runs the check for `month` now and saves its result with the clerk's note ('periodCheck.run'). */
  async save(month: string, note: string): Promise<Result<PeriodCheckRecord, PeriodCheckError>> {
    if (!isMonth(month)) return err({ kind: 'badMonth' });
    const text = note.trim();
    if (text.length > MAX_NOTE_LENGTH) return err({ kind: 'noteTooLong', max: MAX_NOTE_LENGTH });
    const denied = await refusal(this.db, this.ctx, 'periodCheck.run', { entity: 'periodCheck', entityId: month });
    if (denied) return err(denied);
    const result = await this.evaluate(month);
    const user = await this.db.users.where('login').equals(this.ctx.user).first();
    const record: PeriodCheckRecord = {
      ...newMeta(this.ctx),
      month, from: result.period.from, to: result.period.to, items: result.items, pass: result.pass,
      byName: user?.displayName ?? '', note: text,
    };
    await this.db.transaction('rw', journalTables(this.db, ['periodCheck']), async () => {
      await putPlain(this.db, 'periodCheck', 'create', undefined, record, this.ctx);
    });
    return ok(record);
  }

  /** Every saved check, newest first (every role reads them). */
  async list(): Promise<PeriodCheckRecord[]> {
    return (await this.db.periodchecks.orderBy('createdAt').reverse().toArray()).filter((c) => !c.deleted);
  }

  /** One saved check (null when this PC does not hold it). */
  async get(id: string): Promise<PeriodCheckRecord | null> {
    const c = await this.db.periodchecks.get(id);
    return c && !c.deleted ? c : null;
  }
}
