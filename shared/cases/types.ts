/*
 * Cases for missing and lost invoices (遗失/补办, issue #11; docs/invoice-rules.md#lost-invoices-and-replacement): one case follows one invoice from
 * "found missing" to "booked and archived". Contact-log entries are their own records (two clerks logging calls on
 * the same case at the same time must not conflict over one array field).
 */
import type { Fen } from '../domain/money';
import type { InvoiceKind, Party } from '../domain/invoice';
import type { RecordMeta } from '../sync/entities';

/** Case states in order; 'closed' ends a case without the invoice (a reason is required). */
export const CASE_STATES = [
  'found', // 发现缺失
  'contacted', // 已联系开票方
  'requested', // 已申请补开/复印件
  'reviewing', // 待审核
  'received', // 已收到
  'archived', // 已入账归档
  'closed', // 已关闭（原因）
] as const;
export type CaseState = (typeof CASE_STATES)[number];

/** Where a case came from. */
export type CaseOrigin = 'report' | 'invoice' | 'manual';

/** The invoice a case is about, as known when the case opened (the ledger may not hold it yet). */
export interface CaseInvoiceRef {
  readonly kind: InvoiceKind | null;
  readonly code: string;
  readonly number: string;
  readonly issueDate: string;
  readonly seller: Party;
  readonly total: Fen | null;
}

/** One state change of a case. */
export interface CaseStateChange {
  readonly from: CaseState | null;
  readonly to: CaseState;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

/** A case record (synced entity 'case', Dexie table `cases`). */
export interface InvoiceCase extends RecordMeta {
  readonly title: string;
  readonly state: CaseState;
  readonly stateHistory: readonly CaseStateChange[];
  readonly origin: CaseOrigin;
  readonly ref: CaseInvoiceRef;
  /** The ledger invoice that was lost (status 遗失 → 补办中 → 已补办), when the ledger has it. */
  readonly invoiceId: string | null;
  /** The captured replacement (or the lost invoice itself once its copy arrived). */
  readonly replacementId: string | null;
  /** The reconciliation finding it was opened from. */
  readonly findingKey: string | null;
  /** Checklist item id → done. Items come from the materials rules for the invoice kind. */
  readonly checklist: Readonly<Record<string, boolean>>;
  /** SHA-256 of evidence files (stored like invoice originals). */
  readonly attachments: readonly string[];
  readonly closeReason: string;
  readonly notes: string;
}

/** How the supplier was contacted. */
export const CONTACT_CHANNELS = ['phone', 'email', 'online', 'visit'] as const; // 电话/邮件/在线/现场
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** One contact-log entry (synced entity 'caseContact', Dexie table `contacts`). */
export interface CaseContact extends RecordMeta {
  readonly caseId: string;
  /** YYYY-MM-DD. */
  readonly date: string;
  readonly channel: ContactChannel;
  readonly person: string;
  readonly summary: string;
  readonly nextStep: string;
  /** YYYY-MM-DD, or '' when no follow-up is due. */
  readonly followUp: string;
  /** A later entry or an explicit "done" settles the follow-up. */
  readonly followUpDone: boolean;
}
