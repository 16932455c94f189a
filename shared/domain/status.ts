// The ledger status machine (docs/invoice-rules.md#statuses): every status change goes through applyTransition, so the
// rules live in exactly one place and the history is append-only.
import type { InvoiceStatus, StatusChange } from './invoice';
import type { IssueCode } from './issue-codes';
import { err, ok, type Result } from './result';

/** Where a status may go next. 已作废 and 已红冲 are terminal. */
export const STATUS_TRANSITIONS: Readonly<Record<InvoiceStatus, readonly InvoiceStatus[]>> = {
  entered: ['verified', 'lost', 'voided', 'reversed'],
  verified: ['booked', 'reimbursed', 'lost', 'voided', 'reversed'],
  booked: ['voided', 'reversed'],
  reimbursed: ['voided', 'reversed'],
  lost: ['replacing', 'voided', 'reversed'],
  replacing: ['replaced', 'voided', 'reversed'],
  // A replacement copy (已补办) is checked again like a newly received invoice.
  replaced: ['verified', 'voided', 'reversed'],
  voided: [],
  reversed: [],
};

/** Transitions that must say why (作废/红冲 are audited decisions). */
const REASON_REQUIRED: ReadonlySet<InvoiceStatus> = new Set(['voided', 'reversed']);

/** A status and its history, as stored on an invoice. */
export interface StatusState {
  readonly status: InvoiceStatus;
  readonly statusHistory: readonly StatusChange[];
}

/** Who changes the status, when (ISO timestamp), and why. */
export interface TransitionInput {
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
}

/** A refused status change; `code` is an issue code with messages in shared/i18n/domain-messages.ts. */
export interface StatusError {
  readonly code: Extract<IssueCode, 'status.illegal' | 'status.reasonRequired'>;
  readonly params: Readonly<{ from: InvoiceStatus; to: InvoiceStatus }>;
}

/** The statuses reachable from `from` in one step. */
export function allowedTransitions(from: InvoiceStatus): readonly InvoiceStatus[] {
  return STATUS_TRANSITIONS[from];
}

/** True when the change to `to` needs a reason. */
export function isReasonRequired(to: InvoiceStatus): boolean {
  return REASON_REQUIRED.has(to);
}

/** The status of a newly recorded invoice, with its first history entry. */
export function initialStatus(by: string, at: string): StatusState {
  return { status: 'entered', statusHistory: [{ from: null, to: 'entered', at, by, reason: '' }] };
}

/** Applies one status change, appending to the history; refuses illegal moves and missing reasons. */
export function applyTransition(current: StatusState, to: InvoiceStatus, input: TransitionInput): Result<StatusState, StatusError> {
  const from = current.status;
  if (!STATUS_TRANSITIONS[from].includes(to)) return err({ code: 'status.illegal', params: { from, to } });
  const reason = (input.reason ?? '').trim();
  if (REASON_REQUIRED.has(to) && reason === '') return err({ code: 'status.reasonRequired', params: { from, to } });
  const change: StatusChange = { from, to, at: input.at, by: input.by, reason };
  return ok({ status: to, statusHistory: [...current.statusHistory, change] });
}
