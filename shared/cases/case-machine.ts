/*
 * The case state machine (issue #11; docs/invoice-rules.md#lost-invoices-and-replacement), pure. A case moves forward through its states and may skip
 * ahead (a clerk may receive the copy right after the first call), never backwards; it can be closed from any open
 * state with a reason, and only a closed case can be reopened (back to 'found', with a reason). Each case state
 * asks a status of the lost invoice it follows (遗失 → 补办中 → 已补办); the invoice moves through its own status
 * machine (applyTransition), and when that machine does not allow the move, the invoice is left alone and the
 * caller is told why.
 */
import type { InvoiceStatus } from '../domain/invoice';
import { err, ok, type Result } from '../domain/result';
import { applyTransition, type StatusError, type StatusState, type TransitionInput } from '../domain/status';
import type { CaseState, CaseStateChange, InvoiceCase } from './types';

/** The forward order of a case's states ('closed' stands apart). */
export const CASE_FLOW: readonly CaseState[] = ['found', 'contacted', 'requested', 'reviewing', 'received', 'archived'];

/** A case's state and its history, as stored on the case. */
export type CaseStatePart = Pick<InvoiceCase, 'state' | 'stateHistory' | 'closeReason'>;

/** A refused case move; `code` is a message key (the cases catalogue translates it with from/to). */
export interface CaseTransitionError {
  readonly code: 'case.illegal' | 'case.reasonRequired';
  readonly params: Readonly<{ from: CaseState; to: CaseState }>;
}

/** True while a case is being worked on (neither archived nor closed). */
export function isOpenCase(state: CaseState): boolean {
  return state !== 'archived' && state !== 'closed';
}

/** The states a case may move to from `from` in one step. */
export function allowedCaseMoves(from: CaseState): readonly CaseState[] {
  if (from === 'closed') return ['found'];
  if (from === 'archived') return [];
  return [...CASE_FLOW.slice(CASE_FLOW.indexOf(from) + 1), 'closed'];
}

/** True when the move to `to` must say why (closing, and reopening a closed case). */
export function isCaseReasonRequired(from: CaseState, to: CaseState): boolean {
  return to === 'closed' || from === 'closed';
}

/** Applies one move to a case's state, appending to its history; refuses moves backwards and missing reasons. */
export function applyCaseTransition(c: CaseStatePart, to: CaseState, input: TransitionInput): Result<CaseStatePart, CaseTransitionError> {
  const from = c.state;
  if (!allowedCaseMoves(from).includes(to)) return err({ code: 'case.illegal', params: { from, to } });
  const reason = (input.reason ?? '').trim();
  if (isCaseReasonRequired(from, to) && reason === '') return err({ code: 'case.reasonRequired', params: { from, to } });
  const change: CaseStateChange = { from, to, at: input.at, by: input.by, reason };
  return ok({
    state: to,
    stateHistory: [...c.stateHistory, change],
    // The reason a case was closed stays readable while it is closed; reopening clears it (the history keeps it).
    closeReason: to === 'closed' ? reason : from === 'closed' ? '' : c.closeReason,
  });
}

/**
 * The status a case in `state` asks of its lost ledger invoice: 补办中 while the copy is being sought, 已补办 once
 * it arrived; null for a closed case (the invoice keeps whatever status it has).
 */
export function invoiceStatusFor(state: CaseState): InvoiceStatus | null {
  switch (state) {
    case 'found':
    case 'contacted':
    case 'requested':
    case 'reviewing':
      return 'replacing';
    case 'received':
    case 'archived':
      return 'replaced';
    case 'closed':
      return null;
  }
}

/** The lost-invoice statuses in order: a case moves the invoice along this path only. */
const REPLACEMENT_PATH: readonly InvoiceStatus[] = ['lost', 'replacing', 'replaced'];

/** What a case move does to its invoice: nothing to do, the new status state, or why the invoice stays as it is. */
export type InvoiceFollow =
  | { readonly kind: 'unchanged' }
  | { readonly kind: 'moved'; readonly from: InvoiceStatus; readonly to: InvoiceStatus; readonly value: StatusState }
  | { readonly kind: 'refused'; readonly error: StatusError };

/**
 * Moves an invoice's status to what a case in `state` asks, along 遗失 → 补办中 → 已补办 (one step of the invoice's
 * own machine at a time, so a lost invoice whose copy arrived goes through 补办中). A status off that path, or one
 * already further along, is refused with the status machine's own error and left unchanged.
 */
export function followCase(invoice: StatusState, state: CaseState, input: TransitionInput): InvoiceFollow {
  const target = invoiceStatusFor(state);
  const from = invoice.status;
  if (target === null || target === from) return { kind: 'unchanged' };
  const at = REPLACEMENT_PATH.indexOf(from);
  const to = REPLACEMENT_PATH.indexOf(target);
  if (at < 0 || to < at) return { kind: 'refused', error: { code: 'status.illegal', params: { from, to: target } } };
  let current: StatusState = invoice;
  for (const step of REPLACEMENT_PATH.slice(at + 1, to + 1)) {
    const next = applyTransition(current, step, input);
    if (!next.ok) return { kind: 'refused', error: next.error };
    current = next.value;
  }
  return { kind: 'moved', from, to: target, value: current };
}
