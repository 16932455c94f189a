/*
 * Feedback (意见反馈, issue #14): a clerk's report is saved locally and synced like every record (record, audit
 * entry and outbox mutation in one transaction); the admin lists everyone's and marks them read. Every role may
 * send ('feedback.send'); reading the list and marking read is the admin's ('feedback.read').
 */
import type { PermissionRefusal } from '../../shared/auth/roles';
import { err, ok, type Result } from '../../shared/domain/result';
import type { FeedbackRecord } from '../../shared/feedback/types';
import type { LedgerDb } from './db';
import { edited, journalTables, newMeta, putPlain } from './entity-records';
import { refusal, refusalIn } from './permission';
import type { WriteContext } from './write-context';

/** What the clerk fills in. */
export interface FeedbackInput {
  readonly screen: string;
  readonly doing: string;
  readonly message: string;
  readonly appVersion: string;
  readonly diagnostics: Readonly<Record<string, unknown>> | null;
  readonly includeInvoiceContent: boolean;
}

/** Why a feedback write did nothing. */
export type FeedbackError = PermissionRefusal | { readonly kind: 'emptyMessage' } | { readonly kind: 'notFound' };

/** Saves feedback and, for the admin, lists it and marks it read. */
export class FeedbackRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
  ) {}

  /** Saves a new feedback record (status 'new'). */
  async send(input: FeedbackInput): Promise<Result<FeedbackRecord, FeedbackError>> {
    const message = input.message.trim();
    if (message === '') return err({ kind: 'emptyMessage' });
    const denied = await refusal(this.db, this.ctx, 'feedback.send', { entity: 'feedback', entityId: '' });
    if (denied) return err(denied);
    const record: FeedbackRecord = {
      ...newMeta(this.ctx),
      screen: input.screen,
      doing: input.doing.trim(),
      message,
      appVersion: input.appVersion,
      diagnostics: input.diagnostics,
      includeInvoiceContent: input.includeInvoiceContent,
      status: 'new',
    };
    await this.db.transaction('rw', journalTables(this.db, ['feedback']), async () => {
      await putPlain(this.db, 'feedback', 'create', undefined, record, this.ctx);
    });
    return ok(record);
  }

  /** Marks a feedback record read (admin). */
  async markRead(id: string): Promise<Result<FeedbackRecord, FeedbackError>> {
    return this.db.transaction('rw', journalTables(this.db, ['feedback']), async () => {
      const denied = await refusalIn(this.db, this.ctx, 'feedback.read', { entity: 'feedback', entityId: id });
      if (denied) return err(denied);
      const before = await this.db.feedback.get(id);
      if (!before) return err({ kind: 'notFound' as const });
      if (before.status === 'read') return ok(before);
      const after = edited(this.ctx, before, { status: 'read' });
      await putPlain(this.db, 'feedback', 'status', before, after, this.ctx);
      return ok(after);
    });
  }

  /** Every feedback record, newest first (the admin's list; others get an empty list). */
  async list(): Promise<FeedbackRecord[]> {
    const actor = this.ctx.actor();
    if (actor?.role !== 'admin') return [];
    const all = await this.db.feedback.orderBy('createdAt').reverse().toArray();
    return all.filter((f) => !f.deleted);
  }
}
