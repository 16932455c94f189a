/*
 * When a contact-log entry's follow-up needs attention. Dates are YYYY-MM-DD in the clerk's local time, so plain
 * string comparison orders them; "today" is passed in so tests and the UI share one clock.
 */
import type { CaseContact } from './types';

/** A follow-up: none asked, already settled, later, due today, or past its date. */
export type FollowUpState = 'none' | 'done' | 'later' | 'due' | 'overdue';

/** The follow-up state of one contact entry on `today`. */
export function followUpState(c: Pick<CaseContact, 'followUp' | 'followUpDone'>, today: string): FollowUpState {
  if (c.followUp === '') return 'none';
  if (c.followUpDone) return 'done';
  if (c.followUp < today) return 'overdue';
  return c.followUp === today ? 'due' : 'later';
}

/** Whether a follow-up needs doing now (due today or overdue). */
export function isFollowUpDue(c: Pick<CaseContact, 'followUp' | 'followUpDone'>, today: string): boolean {
  const s = followUpState(c, today);
  return s === 'due' || s === 'overdue';
}

/** The earliest open follow-up date among a case's entries, or null when none is open. */
export function nextFollowUp(contacts: readonly Pick<CaseContact, 'followUp' | 'followUpDone' | 'deleted'>[]): string | null {
  let next: string | null = null;
  for (const c of contacts) {
    if (c.deleted || c.followUpDone || c.followUp === '') continue;
    if (next === null || c.followUp < next) next = c.followUp;
  }
  return next;
}
