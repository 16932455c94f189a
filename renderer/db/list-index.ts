/*
 * Keeps the columnar list index (shared/search/list-chunk.ts) in IndexedDB and a decoded copy in memory.
 * Writers update the chunk holding the invoice inside the record's own transaction; readers compare the
 * small `listRevs` table with their cache and decode only chunks that changed, so a live query re-runs
 * cheaply after every save in any window.
 */
import type { Invoice, InvoiceId } from '../../shared/domain/invoice';
import { CHUNK_SIZE, entriesOf, entryOf, isLegacyChunk, packChunk, unpackChunk, type ChunkColumns, type ListEntry } from '../../shared/search/list-chunk';
import type { LedgerDb } from './db';

/**
 * Puts an invoice's list entry into its chunk (or the open tail chunk for a new invoice); returns the chunk.
 * WARNING: call only inside a 'rw' transaction that includes listChunks and listRevs.
 */
export async function putListEntry(db: LedgerDb, inv: Invoice, chunkOfExisting: number | undefined): Promise<number> {
  const entry = entryOf(inv);
  if (chunkOfExisting !== undefined) {
    const packed = await db.listChunks.get(chunkOfExisting);
    if (packed) {
      const entries = entriesOf(unpackChunk(packed));
      const at = entries.findIndex((e) => e.id === entry.id);
      if (at >= 0) {
        entries[at] = entry;
        await saveChunk(db, chunkOfExisting, packed.rev + 1, entries);
        return chunkOfExisting;
      }
    }
  }
  const tail = await db.listRevs.orderBy('chunk').last();
  if (tail && tail.count < CHUNK_SIZE) {
    const packed = await db.listChunks.get(tail.chunk);
    const entries: ListEntry[] = packed ? entriesOf(unpackChunk(packed)) : [];
    entries.push(entry);
    await saveChunk(db, tail.chunk, tail.rev + 1, entries);
    return tail.chunk;
  }
  const chunk = tail ? tail.chunk + 1 : 0;
  await saveChunk(db, chunk, firstRev(), [entry]);
  return chunk;
}

/** New chunks start their revision at the clock, so a cache never mistakes a rebuilt chunk for an old one. */
const firstRev = () => Date.now();

async function saveChunk(db: LedgerDb, chunk: number, rev: number, entries: readonly ListEntry[]): Promise<void> {
  await db.listChunks.put(packChunk(chunk, rev, entries));
  await db.listRevs.put({ chunk, rev, count: entries.length, live: entries.filter((e) => !e.deleted).length });
}

/**
 * Removes invoices' entries from the chunks holding them (a permanent delete). A chunk may end up empty; it stays,
 * and the next new invoice fills the tail as usual.
 * WARNING: call only inside a 'rw' transaction that includes listChunks and listRevs.
 */
export async function removeListEntries(db: LedgerDb, ids: readonly string[], chunks: readonly number[]): Promise<void> {
  const gone = new Set(ids);
  for (const chunk of new Set(chunks)) {
    const packed = await db.listChunks.get(chunk);
    if (!packed) continue;
    const entries = entriesOf(unpackChunk(packed));
    const kept = entries.filter((e) => !gone.has(e.id));
    if (kept.length !== entries.length) await saveChunk(db, chunk, packed.rev + 1, kept);
  }
}

/** Writes whole chunks at once (bulk import): entries are appended after the existing tail. */
export async function appendListEntries(db: LedgerDb, entries: readonly ListEntry[], firstChunk: number): Promise<void> {
  for (let start = 0, chunk = firstChunk; start < entries.length; start += CHUNK_SIZE, chunk++) {
    await saveChunk(db, chunk, firstRev(), entries.slice(start, start + CHUNK_SIZE));
  }
}

/** The open last chunk of the list index while a bulk import fills it in memory. */
export interface ListTail {
  chunk: number;
  rev: number;
  entries: ListEntry[];
}

/**
 * Reads the last chunk to append to (or starts a new one after it when it is full).
 * WARNING: call only inside a 'rw' transaction that includes listChunks and listRevs, and only one appender at a time.
 */
export async function openListTail(db: LedgerDb): Promise<ListTail> {
  const tail = await db.listRevs.orderBy('chunk').last();
  if (tail && tail.count < CHUNK_SIZE) {
    const packed = await db.listChunks.get(tail.chunk);
    return { chunk: tail.chunk, rev: tail.rev + 1, entries: packed ? entriesOf(unpackChunk(packed)) : [] };
  }
  return { chunk: tail ? tail.chunk + 1 : 0, rev: firstRev(), entries: [] };
}

/**
 * Appends new invoices' entries to the tail; every chunk that fills up is written at once (not awaited: the
 * returned promises settle when it is stored). Returns the chunk of each invoice.
 */
export function appendToTail(db: LedgerDb, tail: ListTail, invoices: readonly Invoice[]): { chunks: number[]; writes: Promise<void>[] } {
  const chunks: number[] = [];
  const writes: Promise<void>[] = [];
  for (const inv of invoices) {
    if (tail.entries.length >= CHUNK_SIZE) {
      writes.push(saveChunk(db, tail.chunk, tail.rev, tail.entries));
      tail.chunk += 1;
      tail.rev = firstRev();
      tail.entries = [];
    }
    tail.entries.push(entryOf(inv));
    chunks.push(tail.chunk);
  }
  return { chunks, writes };
}

/** Writes the tail chunk (when it holds anything). */
export async function saveListTail(db: LedgerDb, tail: ListTail): Promise<void> {
  if (tail.entries.length > 0) await saveChunk(db, tail.chunk, tail.rev, tail.entries);
}

const caches = new WeakMap<LedgerDb, Map<number, ChunkColumns>>();

const inFlight = new WeakMap<LedgerDb, Promise<ChunkColumns[]>>();

const upgrades = new WeakMap<LedgerDb, Promise<number>>();

/**
 * Rewrites, once, the chunks written before they carried the capture time and the warning and duplicate flags
 * (issue #14), from the invoices they list; returns how many it rewrote. Start it when the database opens (not
 * inside a live query: it writes); loadListIndex waits for it, so no filter ever reads a chunk without those columns.
 */
export function upgradeListIndex(db: LedgerDb): Promise<number> {
  const running = upgrades.get(db);
  if (running) return running;
  const run = rewriteLegacyChunks(db);
  upgrades.set(db, run);
  return run;
}

/** The work of upgradeListIndex, every time it is called (the bench measures it on a ledger made legacy). */
export function rewriteLegacyChunks(db: LedgerDb): Promise<number> {
  return db.transaction('rw', db.listChunks, db.listRevs, db.invoices, async () => {
    let rewritten = 0;
    for (const packed of await db.listChunks.toArray()) {
      if (!isLegacyChunk(packed)) continue;
      const old = entriesOf(unpackChunk(packed));
      const rows = await db.invoices.bulkGet(old.map((e) => e.id as InvoiceId));
      await saveChunk(db, packed.chunk, packed.rev + 1, old.map((e, i) => { const row = rows[i]; return row ? entryOf(row) : e; }));
      rewritten += 1;
    }
    return rewritten;
  });
}

/** All chunks, decoded, in chunk order; only chunks whose revision changed are read again. */
export async function loadListIndex(db: LedgerDb): Promise<ChunkColumns[]> {
  await upgrades.get(db)?.catch(() => 0);
  // A load already under way (the start-up warm-up) is awaited first, so chunks are never read twice.
  const running = inFlight.get(db);
  if (running) await running.catch(() => undefined);
  const load = readListIndex(db);
  inFlight.set(db, load);
  try {
    return await load;
  } finally {
    if (inFlight.get(db) === load) inFlight.delete(db);
  }
}

/**
 * The same as loadListIndex, read in the caller's transaction without joining a load already under way (awaiting
 * another transaction's read inside a 'rw' transaction could let it commit early, or wait on it forever).
 */
export async function readListIndex(db: LedgerDb): Promise<ChunkColumns[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map<number, ChunkColumns>()));
  const revs = await db.listRevs.toArray();
  const stale = revs.filter((r) => cache.get(r.chunk)?.rev !== r.rev).map((r) => r.chunk);
  if (stale.length > 0) {
    const packed = await db.listChunks.bulkGet(stale);
    for (const p of packed) if (p) cache.set(p.chunk, unpackChunk(p));
  }
  const live = new Set(revs.map((r) => r.chunk));
  for (const k of cache.keys()) if (!live.has(k)) cache.delete(k);
  return revs.map((r) => cache.get(r.chunk)).filter((c): c is ChunkColumns => c !== undefined);
}
