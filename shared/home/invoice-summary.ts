/*
 * The home page's invoice figures, counted straight from the columnar list index (shared/search/list-chunk.ts):
 * 50,000 invoices are a few typed arrays already in memory, so one pass costs milliseconds and no record is read.
 * Times are passed in (the local day and week boundaries, the months to chart) so tests and the UI share one clock.
 */
import { INVOICE_STATUSES, type InvoiceStatus } from '../domain/invoice';
import { addMonths } from '../domain/month';
import { FLAG, statusCode, type ChunkColumns } from '../search/list-chunk';

/** The instants the counts are relative to (ms since the epoch, local time boundaries computed by the caller). */
export interface HomeClock {
  /** The first instant of today. */
  readonly todayStart: number;
  /** The first instant of this week (Monday). */
  readonly weekStart: number;
  /** The months to chart, oldest first, as YYYY-MM (the last is this month). */
  readonly months: readonly string[];
}

/** Status groups the charts stack (nine statuses in one bar cannot be read). */
const STATUS_GROUPS = {
  entered: ['entered'],
  verified: ['verified'],
  booked: ['booked', 'reimbursed'],
  cancelled: ['voided', 'reversed'],
  lost: ['lost', 'replacing', 'replaced'],
} as const satisfies Record<string, readonly InvoiceStatus[]>;
/** A chart's status group. */
export type StatusGroup = keyof typeof STATUS_GROUPS;
/** The groups in stacking order. */
export const STATUS_GROUP_ORDER: readonly StatusGroup[] = ['entered', 'verified', 'booked', 'cancelled', 'lost'];

/** One month of the invoices chart: counts and 价税合计 (fen) by status group, by issue date. */
export interface InvoiceMonth {
  readonly month: string;
  readonly count: Readonly<Record<StatusGroup, number>>;
  readonly total: Readonly<Record<StatusGroup, number>>;
}

/** The invoice tiles and the monthly chart. Deleted invoices (the recycle bin) count nowhere. */
export interface InvoiceSummary {
  readonly live: number;
  readonly capturedToday: number;
  readonly capturedThisWeek: number;
  /** 已录入: waiting to be checked. */
  readonly entered: number;
  readonly withWarnings: number;
  readonly duplicates: number;
  readonly months: readonly InvoiceMonth[];
}

const zero = (): Record<StatusGroup, number> => ({ entered: 0, verified: 0, booked: 0, cancelled: 0, lost: 0 });

/** The group of each status code (positions in INVOICE_STATUSES). */
const GROUP_OF_CODE: readonly StatusGroup[] = INVOICE_STATUSES.map((s) => {
  for (const g of STATUS_GROUP_ORDER) if ((STATUS_GROUPS[g] as readonly InvoiceStatus[]).includes(s)) return g;
  return 'entered';
});

/** Counts the home page's invoice figures over the list index's chunks. */
export function summarizeInvoices(chunks: readonly ChunkColumns[], clock: HomeClock): InvoiceSummary {
  const monthAt = new Map(clock.months.map((m, i) => [Number(m.replace('-', '')), i]));
  const months = clock.months.map(() => ({ count: zero(), total: zero() }));
  const entered = statusCode('entered');
  let live = 0, today = 0, week = 0, waiting = 0, warnings = 0, duplicates = 0;
  for (const c of chunks) {
    for (let i = 0; i < c.ids.length; i++) {
      const flags = c.flags[i] ?? 0;
      if ((flags & FLAG.DELETED) !== 0) continue;
      live += 1;
      const created = c.created[i] ?? 0;
      if (created >= clock.weekStart) week += 1;
      if (created >= clock.todayStart) today += 1;
      const status = c.statuses[i] ?? 0;
      if (status === entered) waiting += 1;
      if ((flags & FLAG.WARNINGS) !== 0) warnings += 1;
      if ((flags & FLAG.DUPLICATE) !== 0) duplicates += 1;
      const at = monthAt.get(Math.floor((c.dates[i] ?? 0) / 100));
      const bucket = at === undefined ? undefined : months[at];
      if (bucket) {
        const g = GROUP_OF_CODE[status] ?? 'entered';
        bucket.count[g] += 1;
        bucket.total[g] += c.totals[i] ?? 0;
      }
    }
  }
  return {
    live, capturedToday: today, capturedThisWeek: week, entered: waiting, withWarnings: warnings, duplicates,
    months: months.map((m, i) => ({ month: clock.months[i] ?? '', ...m })),
  };
}

/** The twelve months ending with the one of `today` (YYYY-MM-DD), oldest first, as YYYY-MM. */
export function lastTwelveMonths(today: string): string[] {
  return Array.from({ length: 12 }, (_, i) => addMonths(today.slice(0, 7), i - 11));
}
