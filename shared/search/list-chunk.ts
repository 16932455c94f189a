/*
 * The ledger's list index, stored column-wise in chunks of CHUNK_SIZE invoices.
 *
 * Why: IndexedDB in Chromium reads about 4–7 µs per key, so any query that touches every invoice's index
 * entry (ordering 100,000 invoices by date) costs half a second, and reading the full records takes seconds.
 * A chunk packs the few fields the list filters on into typed arrays and newline-joined strings, which
 * IndexedDB clones in one piece; 100,000 invoices load in a few tens of milliseconds and filter in memory.
 * Chunks are rewritten in the same transaction as the record, so the index is never behind the ledger.
 */
import { INVOICE_KINDS, INVOICE_STATUSES, type Invoice } from '../domain/invoice';
import { foldForSearch } from './fold';
import { isDuplicateWarning } from '../domain/duplicates';
import { capturedAt } from './invoice-filter';

/** Invoices per chunk: small enough that rewriting one on every save is cheap. */
export const CHUNK_SIZE = 2000;

/** The fields of one invoice that list filters use. */
export interface ListEntry {
  readonly id: string;
  /** yyyymmdd as an integer (0 when unknown). */
  readonly date: number;
  readonly status: number;
  readonly kind: number;
  readonly total: number;
  readonly deleted: boolean;
  readonly hasAttachment: boolean;
  /** A warning other than a possible duplicate is kept on the record. */
  readonly hasWarnings: boolean;
  /** The record is flagged as a possible duplicate (duplicate.* warning). */
  readonly duplicate: boolean;
  /** When it was captured (createdAt), ms since the epoch (0 when unknown). */
  readonly created: number;
  readonly number: string;
  readonly code: string;
  /** Folded seller name + '\u0001' + lower-case tax id. */
  readonly seller: string;
  readonly buyer: string;
}

/** A chunk as stored: columns packed for a cheap structured clone. */
export interface PackedChunk {
  readonly chunk: number;
  readonly rev: number;
  readonly count: number;
  readonly ids: string;
  readonly dates: Int32Array;
  readonly statuses: Uint8Array;
  readonly kinds: Uint8Array;
  readonly flags: Uint8Array;
  readonly totals: Float64Array;
  readonly numbers: string;
  readonly codes: string;
  /** Distinct packed parties of this chunk, newline-joined; sellerRefs/buyerRefs index into it. */
  readonly parties: string;
  readonly sellerRefs: Uint16Array;
  readonly buyerRefs: Uint16Array;
  /** Numeric sort key of each id (its first 13 hex digits: the UUIDv7 time and more). */
  readonly idKeys: Float64Array;
  /**
   * Capture time of each invoice (ms). Absent in chunks written before the home page (issue #14): those chunks
   * also lack the warning and duplicate flags, and upgradeListIndex (renderer/db) rewrites them once.
   */
  readonly created?: Float64Array;
}

/** A chunk decoded for filtering. */
export interface ChunkColumns {
  readonly chunk: number;
  readonly rev: number;
  readonly ids: string[];
  readonly dates: Int32Array;
  readonly statuses: Uint8Array;
  readonly kinds: Uint8Array;
  readonly flags: Uint8Array;
  readonly totals: Float64Array;
  readonly numbers: string[];
  readonly codes: string[];
  readonly parties: string[];
  readonly sellerRefs: Uint16Array;
  readonly buyerRefs: Uint16Array;
  readonly idKeys: Float64Array;
  readonly created: Float64Array;
}

const DELETED = 1;
const ATTACHMENT = 2;
const WARNINGS = 4;
const DUPLICATE = 8;
const SEP = '\n';

/** Status and kind codes are positions in the domain lists (stable: those lists only grow at the end). */
export const statusCode = (s: Invoice['status']): number => INVOICE_STATUSES.indexOf(s);
export const kindCode = (k: Invoice['kind']): number => INVOICE_KINDS.indexOf(k);

const PARTY_SEP = String.fromCharCode(1);
const clean = (s: string) => s.replaceAll('\n', ' ').replaceAll(PARTY_SEP, ' ');
const party = (p: Invoice['seller']) => `${clean(foldForSearch(p.name))}${PARTY_SEP}${clean(p.taxId.toLowerCase())}`;

/** The list entry of an invoice. */
export function entryOf(inv: Invoice): ListEntry {
  return {
    id: inv.id,
    date: Number(inv.issueDate.replace(/-/g, '')) || 0,
    status: statusCode(inv.status),
    kind: kindCode(inv.kind),
    total: inv.total,
    deleted: inv.deleted,
    hasAttachment: inv.attachments.length > 0,
    hasWarnings: inv.warnings.some((w) => !isDuplicateWarning(w.code)),
    duplicate: inv.warnings.some((w) => isDuplicateWarning(w.code)),
    created: capturedAt(inv.createdAt),
    number: clean(inv.number),
    code: clean(inv.code),
    seller: party(inv.seller),
    buyer: party(inv.buyer),
  };
}

/** Packs entries into a stored chunk. */
export function packChunk(chunk: number, rev: number, entries: readonly ListEntry[]): PackedChunk {
  const n = entries.length;
  const dates = new Int32Array(n);
  const statuses = new Uint8Array(n);
  const kinds = new Uint8Array(n);
  const flags = new Uint8Array(n);
  const totals = new Float64Array(n);
  entries.forEach((e, i) => {
    dates[i] = e.date;
    statuses[i] = e.status;
    kinds[i] = e.kind;
    flags[i] = (e.deleted ? DELETED : 0) | (e.hasAttachment ? ATTACHMENT : 0) | (e.hasWarnings ? WARNINGS : 0) | (e.duplicate ? DUPLICATE : 0);
    totals[i] = e.total;
  });
  const parties: string[] = [];
  const refOf = new Map<string, number>();
  const ref = (p: string) => {
    let r = refOf.get(p);
    if (r === undefined) {
      r = parties.push(p) - 1;
      refOf.set(p, r);
    }
    return r;
  };
  const sellerRefs = Uint16Array.from(entries, (e) => ref(e.seller));
  const buyerRefs = Uint16Array.from(entries, (e) => ref(e.buyer));
  const idKeys = Float64Array.from(entries, (e) => idSortKey(e.id));
  const created = Float64Array.from(entries, (e) => e.created);
  const join = (f: (e: ListEntry) => string) => entries.map(f).join(SEP);
  return {
    chunk, rev, count: n, dates, statuses, kinds, flags, totals, sellerRefs, buyerRefs, idKeys, created,
    ids: join((e) => e.id), numbers: join((e) => e.number), codes: join((e) => e.code), parties: parties.join(SEP),
  };
}

/** A number that orders like the id for ids that differ in their first 13 hex digits (always for UUIDv7 made ms apart). */
function idSortKey(id: string): number {
  const key = Number.parseInt(id.replace(/-/g, '').slice(0, 13), 16);
  return Number.isFinite(key) ? key : 0;
}

/** Decodes a stored chunk for filtering. */
export function unpackChunk(p: PackedChunk): ChunkColumns {
  const split = (s: string) => (p.count === 0 ? [] : s.split(SEP));
  return {
    chunk: p.chunk, rev: p.rev, dates: p.dates, statuses: p.statuses, kinds: p.kinds, flags: p.flags, totals: p.totals,
    sellerRefs: p.sellerRefs, buyerRefs: p.buyerRefs, idKeys: p.idKeys, created: p.created ?? new Float64Array(p.count),
    ids: split(p.ids), numbers: split(p.numbers), codes: split(p.codes), parties: split(p.parties),
  };
}

/** The entries of a decoded chunk (for rewriting it). */
export function entriesOf(c: ChunkColumns): ListEntry[] {
  return c.ids.map((id, i) => ({
    id,
    date: c.dates[i] ?? 0,
    status: c.statuses[i] ?? 0,
    kind: c.kinds[i] ?? 0,
    total: c.totals[i] ?? 0,
    deleted: ((c.flags[i] ?? 0) & DELETED) !== 0,
    hasAttachment: ((c.flags[i] ?? 0) & ATTACHMENT) !== 0,
    hasWarnings: ((c.flags[i] ?? 0) & WARNINGS) !== 0,
    duplicate: ((c.flags[i] ?? 0) & DUPLICATE) !== 0,
    created: c.created[i] ?? 0,
    number: c.numbers[i] ?? '',
    code: c.codes[i] ?? '',
    seller: c.parties[c.sellerRefs[i] ?? 0] ?? '',
    buyer: c.parties[c.buyerRefs[i] ?? 0] ?? '',
  }));
}

/** Flag bits, exported for the filter. */
export const FLAG = { DELETED, ATTACHMENT, WARNINGS, DUPLICATE } as const;

/** Whether a stored chunk predates the capture-time column and the warning flags (it must be rewritten). */
export const isLegacyChunk = (p: PackedChunk): boolean => p.created === undefined;
