/** What the report screen shows of a run: filtered findings and the counts above them. */
import type { BankMatch, FindingNote } from '../../../shared/reconcile/entities';
import { FINDING_TYPES, type Finding, type FindingType, type MatchSuggestion, type ReconcileSummary } from '../../../shared/reconcile/types';
import type { ReportFilter } from './reconcile-store';

/** Findings passing the filter (type, new since the last run, handled or open), in the run's order. */
export function filterFindings(
  findings: readonly Finding[], filter: ReportFilter, notes: ReadonlyMap<string, Pick<FindingNote, 'handled'>>, newKeys: ReadonlySet<string>,
): Finding[] {
  return findings.filter((f) => {
    if (filter.type !== '' && f.type !== filter.type) return false;
    if (filter.onlyNew && !newKeys.has(f.key)) return false;
    const handled = notes.get(f.key)?.handled === true;
    if (filter.handled === 'open' && handled) return false;
    if (filter.handled === 'handled' && !handled) return false;
    return true;
  });
}

/** The summary's count of each finding type (riskFlagged is not in the CLI summary, so it is counted here). */
export function typeCounts(summary: ReconcileSummary, findings: readonly Finding[]): Record<FindingType, number> {
  const risk = findings.reduce((n, f) => (f.type === 'riskFlagged' ? n + 1 : n), 0);
  const counts: Record<FindingType, number> = {
    missingInLedger: summary.missingInLedger, missingOnList: summary.missingOnList, mismatched: summary.mismatched,
    voidedButActive: summary.voidedButActive, riskFlagged: risk, paymentWithoutInvoice: summary.paymentsWithoutInvoice,
    invoiceWithoutPayment: summary.invoicesWithoutPayment, sequenceGap: summary.sequenceGaps,
  };
  return Object.fromEntries(FINDING_TYPES.map((t) => [t, counts[t]])) as Record<FindingType, number>;
}

/** The clerk's decision on a suggestion (same payment, same invoices), if any. */
export function decisionOf(s: MatchSuggestion, fallbackKey: string, matches: readonly BankMatch[]): BankMatch['decision'] | null {
  const key = s.paymentKey ?? fallbackKey;
  const ids = [...s.invoiceIds].sort().join(',');
  const m = matches.find((x) => !x.deleted && x.paymentKey === key && [...x.invoiceIds].sort().join(',') === ids);
  return m ? m.decision : null;
}
