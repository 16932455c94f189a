/*
 * The home page's reads. Invoice figures come from the columnar list index (loadListIndex keeps it decoded in
 * memory and re-reads only chunks that changed), so a live query re-runs in milliseconds with 50,000 invoices and
 * never loads the records. Cases, contacts due, runs and notes are small tables read through their indexes.
 */
import type { CaseMonth, FollowUpCounts, ReconcileTile } from '../../shared/home/work-summary';
import { caseMonths, countFollowUps, lastReconciliation } from '../../shared/home/work-summary';
import { summarizeInvoices, type HomeClock, type InvoiceSummary } from '../../shared/home/invoice-summary';
import type { FindingNote } from '../../shared/reconcile/entities';
import type { LedgerDb } from './db';
import { loadListIndex } from './list-index';

/** Today's invoice tiles and the monthly invoices chart. */
export async function readHomeInvoices(db: LedgerDb, clock: HomeClock): Promise<InvoiceSummary> {
  return summarizeInvoices(await loadListIndex(db), clock);
}

/** Follow-ups due or overdue on open cases, and cases found / recovered / closed per month. */
export async function readHomeCases(
  db: LedgerDb, today: string, months: readonly string[], monthOf: (iso: string) => string,
): Promise<{ readonly followUps: FollowUpCounts; readonly months: CaseMonth[] }> {
  const cases = await db.cases.toArray();
  // Only entries whose follow-up date has come can be due (the followUp index; '' means none asked).
  const due = await db.contacts.where('followUp').between('', today, false, true).toArray();
  return { followUps: countFollowUps(cases, due, today), months: caseMonths(cases, months, monthOf) };
}

/** The newest reconciliation run and its open findings (null when none was saved). */
export async function readHomeReconcile(db: LedgerDb): Promise<ReconcileTile | null> {
  const newest = await db.runs.orderBy('createdAt').reverse().filter((r) => !r.deleted).first();
  if (!newest) return null;
  const notes = await db.findings.bulkGet([...newest.findingKeys]);
  const byKey = new Map<string, FindingNote>();
  for (const n of notes) if (n && !n.deleted) byKey.set(n.id, n);
  return lastReconciliation([newest], byKey);
}
