/*
 * Filters the columnar list index and orders the result newest issue date first, ties by id descending —
 * the same semantics as matchesFilter (invoice-filter.ts), which a test holds it to. Ordering is a
 * counting sort by date (a ledger has at most a few thousand distinct dates) with a small string sort
 * inside each date, so 100,000 matches order in milliseconds.
 */
import { INVOICE_KINDS, INVOICE_STATUSES } from '../domain/invoice';
import { foldForSearch } from './fold';
import { capturedAt, type InvoiceFilter } from './invoice-filter';
import { FLAG, kindCode, statusCode, type ChunkColumns } from './list-chunk';

const dateInt = (d: string | undefined, fallback: number) => (d ? Number(d.replace(/-/g, '')) || fallback : fallback);

function partyTest(query: string | undefined): ((packed: string) => boolean) | null {
  if (!query) return null;
  const q = foldForSearch(query);
  return (packed) => {
    const cut = packed.indexOf('\u0001');
    return packed.startsWith(q, cut + 1) || packed.slice(0, cut).includes(q);
  };
}

/** Ids of the indexed invoices matching `filter`, in display order. */
export function filterListIndex(chunks: readonly ChunkColumns[], filter: InvoiceFilter): string[] {
  const wantDeleted = filter.deleted ? FLAG.DELETED : 0;
  const from = dateInt(filter.dateFrom, 0);
  const to = dateInt(filter.dateTo, 99_999_999);
  const statusOk = lookup(INVOICE_STATUSES.length, filter.statuses?.map(statusCode));
  const kindOk = lookup(INVOICE_KINDS.length, filter.kinds?.map(kindCode));
  const min = filter.totalMin ?? -Infinity;
  const max = filter.totalMax ?? Infinity;
  const att = filter.hasAttachment === undefined ? -1 : filter.hasAttachment === 'yes' ? FLAG.ATTACHMENT : 0;
  const warn = filter.hasWarnings === undefined ? -1 : filter.hasWarnings === 'yes' ? FLAG.WARNINGS : 0;
  const dup = filter.duplicate === undefined ? -1 : filter.duplicate === 'yes' ? FLAG.DUPLICATE : 0;
  const capturedFrom = filter.capturedFrom === undefined ? -Infinity : capturedAt(filter.capturedFrom);
  const capturedBefore = filter.capturedBefore === undefined ? Infinity : capturedAt(filter.capturedBefore);
  const num = filter.number?.replace(/\s/g, '') ?? '';
  const seller = partyTest(filter.seller);
  const buyer = partyTest(filter.buyer);

  const dates: number[] = [];
  const keys: number[] = [];
  const ids: string[] = [];
  for (const c of chunks) {
    // Parties repeat (a supplier has many invoices): test each distinct one once per chunk.
    const sellerOk = memo(c.parties, seller);
    const buyerOk = memo(c.parties, buyer);
    for (let i = 0; i < c.ids.length; i++) {
      const flags = c.flags[i] ?? 0;
      if ((flags & FLAG.DELETED) !== wantDeleted) continue;
      const date = c.dates[i] ?? 0;
      if (date < from || date > to) continue;
      if (statusOk && !statusOk[c.statuses[i] ?? 0]) continue;
      if (kindOk && !kindOk[c.kinds[i] ?? 0]) continue;
      const total = c.totals[i] ?? 0;
      if (total < min || total > max) continue;
      if (att >= 0 && (flags & FLAG.ATTACHMENT) !== att) continue;
      if (warn >= 0 && (flags & FLAG.WARNINGS) !== warn) continue;
      if (dup >= 0 && (flags & FLAG.DUPLICATE) !== dup) continue;
      const created = c.created[i] ?? 0;
      if (created < capturedFrom || created >= capturedBefore) continue;
      if (num && !(c.numbers[i] ?? '').startsWith(num) && !(c.codes[i] ?? '').startsWith(num)) continue;
      if (sellerOk && !sellerOk(c.sellerRefs[i] ?? 0)) continue;
      if (buyerOk && !buyerOk(c.buyerRefs[i] ?? 0)) continue;
      dates.push(date);
      keys.push(c.idKeys[i] ?? 0);
      ids.push(c.ids[i] ?? '');
    }
  }
  return orderByDateDesc(dates, keys, ids);
}

function memo(parties: readonly string[], test: ((packed: string) => boolean) | null): ((ref: number) => boolean) | null {
  if (!test) return null;
  const known = new Uint8Array(parties.length); // 0 unknown, 1 match, 2 no match
  return (ref) => {
    let k = known[ref] ?? 0;
    if (k === 0) known[ref] = k = test(parties[ref] ?? '') ? 1 : 2;
    return k === 1;
  };
}

function lookup(size: number, codes: readonly number[] | undefined): Uint8Array | null {
  if (!codes || codes.length === 0) return null;
  const table = new Uint8Array(size);
  for (const c of codes) if (c >= 0) table[c] = 1;
  return table;
}

/**
 * Orders ids by date descending, then id descending. A counting sort by date, filled newest-inserted first
 * (hits arrive in insertion order, and ids are time-ordered UUIDv7s, so each date's run is usually already in
 * id order); only a run that is not gets sorted.
 */
function orderByDateDesc(dates: readonly number[], keys: readonly number[], ids: readonly string[]): string[] {
  const bucketOf = new Map<number, number>();
  const distinct: number[] = [];
  for (const d of dates) {
    if (!bucketOf.has(d)) {
      bucketOf.set(d, distinct.length);
      distinct.push(d);
    }
  }
  const counts = new Int32Array(distinct.length);
  for (const d of dates) {
    const b = bucketOf.get(d) ?? 0;
    counts[b] = (counts[b] ?? 0) + 1;
  }
  const next = new Int32Array(distinct.length);
  const runs: [number, number][] = [];
  let offset = 0;
  for (const d of [...distinct].sort((a, b) => b - a)) {
    const b = bucketOf.get(d) ?? 0;
    next[b] = offset;
    runs.push([offset, offset + (counts[b] ?? 0)]);
    offset += counts[b] ?? 0;
  }
  const order = new Int32Array(dates.length);
  for (let i = dates.length - 1; i >= 0; i--) {
    const b = bucketOf.get(dates[i] ?? 0) ?? 0;
    order[next[b] ?? 0] = i;
    next[b] = (next[b] ?? 0) + 1;
  }
  const byIdDesc = (a: number, b: number) => {
    const k = (keys[b] ?? 0) - (keys[a] ?? 0);
    if (k !== 0) return k;
    const ia = ids[a] ?? '';
    const ib = ids[b] ?? '';
    return ia < ib ? 1 : ia > ib ? -1 : 0;
  };
  for (const [from, to] of runs) {
    let sorted = true;
    for (let i = from + 1; i < to && sorted; i++) sorted = byIdDesc(order[i - 1] ?? 0, order[i] ?? 0) <= 0;
    if (!sorted) order.subarray(from, to).sort(byIdDesc);
  }
  return Array.from(order, (i) => ids[i] ?? '');
}
