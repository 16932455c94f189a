/*
 * Clear bank matches: the suggestions a clerk may confirm together after looking at them, instead of one by one.
 * Nothing here decides anything — it only picks which suggestions are unambiguous enough to offer as a batch:
 * a payment's best suggestion scores at least CLEAR_SCORE, no other suggestion for that payment comes close
 * (within CLEAR_MARGIN), and none of its invoices is the best suggestion of another payment too.
 */
import type { Finding, MatchSuggestion } from '../types';

/** Lowest score a suggestion needs to be offered for confirming in a batch. */
export const CLEAR_SCORE = 0.9;
/** A runner-up at least this close to the best makes the payment ambiguous. */
export const CLEAR_MARGIN = 0.1;

/** One payment and the suggestion the batch would confirm for it. */
export interface ClearMatch {
  readonly finding: Finding;
  readonly suggestion: MatchSuggestion;
}

/** The payments-without-invoice whose best suggestion is clear (see the header), in report order. */
export function clearMatches(findings: readonly Finding[]): ClearMatch[] {
  const candidates: ClearMatch[] = [];
  const claims = new Map<string, number>();
  for (const finding of findings) {
    if (finding.type !== 'paymentWithoutInvoice') continue;
    const [best, second] = finding.suggestions ?? [];
    if (!best || best.score < CLEAR_SCORE) continue;
    if (second && best.score - second.score < CLEAR_MARGIN) continue;
    candidates.push({ finding, suggestion: best });
    for (const id of best.invoiceIds) claims.set(id, (claims.get(id) ?? 0) + 1);
  }
  return candidates.filter((c) => c.suggestion.invoiceIds.every((id) => claims.get(id) === 1));
}
