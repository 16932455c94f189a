/*
 * Feedback (意见反馈, issue #14): what a clerk tells the team, saved locally and synced to the office server for
 * the admin, who reads it and marks it read.
 */
import type { RecordMeta } from '../sync/entities';

/** Whether the admin has read a feedback record. */
export type FeedbackStatus = 'new' | 'read';

/** One feedback record (synced entity 'feedback', Dexie table `feedback`). */
export interface FeedbackRecord extends RecordMeta {
  /** The screen (route) the clerk was on when they opened the form. */
  readonly screen: string;
  /** What the clerk was doing, in their words. */
  readonly doing: string;
  readonly message: string;
  readonly appVersion: string;
  /** Diagnostics, present only when the clerk ticked 附带诊断信息. */
  readonly diagnostics: Readonly<Record<string, unknown>> | null;
  /** True when the clerk ticked 附带当前发票内容 as well. */
  readonly includeInvoiceContent: boolean;
  readonly status: FeedbackStatus;
}
