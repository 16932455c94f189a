// The contact-log form's rules: a dated summary is required; a follow-up, when given, is not before the contact.
import type { CaseContact } from '../../../shared/cases/types';
import { parseIssueDate } from '../../../shared/domain/date';
import { normalizeText } from '../../../shared/domain/normalize';

/** What the repository stores for a new entry. */
export type ContactEntry = Pick<CaseContact, 'date' | 'channel' | 'person' | 'summary' | 'nextStep' | 'followUp'>;

/** The form as typed: the same fields, each still as the clerk typed it (dates not yet normalised). */
export type ContactDraft = ContactEntry;

/** A form problem: the field and a message key of the cases catalogue. */
export interface ContactProblem {
  readonly field: 'date' | 'summary' | 'followUp';
  readonly key: string;
}

/** A fresh form: dated today, by phone. */
export function emptyContact(today: string): ContactDraft {
  return { date: today, channel: 'phone', person: '', summary: '', nextStep: '', followUp: '' };
}

// Free text is kept as typed (full-width punctuation stays), only trimmed; dates are normalised to be read.
const tidy = (s: string) => s.replace(/\r\n?/g, '\n').trim();

function readDate(text: string): string | null {
  const r = parseIssueDate(text);
  return r.ok ? r.value : null;
}

/** Checks a contact entry; `today` is YYYY-MM-DD. */
export function checkContact(d: ContactDraft, today: string): { readonly entry: ContactEntry | null; readonly problems: readonly ContactProblem[] } {
  const problems: ContactProblem[] = [];
  const date = readDate(d.date);
  if (date === null) problems.push({ field: 'date', key: 'case.contact.badDate' });
  else if (date > today) problems.push({ field: 'date', key: 'case.contact.futureDate' });
  const summary = tidy(d.summary);
  if (summary === '') problems.push({ field: 'summary', key: 'case.contact.summaryRequired' });
  let followUp = '';
  if (normalizeText(d.followUp) !== '') {
    const f = readDate(d.followUp);
    if (f === null) problems.push({ field: 'followUp', key: 'case.contact.badDate' });
    else if (date !== null && f < date) problems.push({ field: 'followUp', key: 'case.contact.followUpPast' });
    else followUp = f;
  }
  if (problems.length > 0 || date === null) return { entry: null, problems };
  return {
    entry: { date, channel: d.channel, person: tidy(d.person), summary, nextStep: tidy(d.nextStep), followUp },
    problems,
  };
}
