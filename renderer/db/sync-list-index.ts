/*
 * The list index (list-index.ts) updated for a whole pull page at once: each touched chunk is decoded and
 * written once per page instead of once per invoice, which is what makes pulling 10,000 changes fast.
 * WARNING: call only inside a 'rw' transaction that includes listChunks and listRevs.
 */
import type { Invoice } from '../../shared/domain/invoice';
import { CHUNK_SIZE, entriesOf, entryOf, packChunk, unpackChunk, type ListEntry } from '../../shared/search/list-chunk';
import type { LedgerDb } from './db';

/** One invoice to index, with the chunk that already holds it (undefined for a new one). */
export interface ListUpdate {
  readonly invoice: Invoice;
  readonly chunk: number | undefined;
}

async function save(db: LedgerDb, chunk: number, rev: number, entries: readonly ListEntry[]): Promise<void> {
  await db.listChunks.put(packChunk(chunk, rev, entries));
  await db.listRevs.put({ chunk, rev, count: entries.length, live: entries.filter((e) => !e.deleted).length });
}

/** Puts every update's list entry in place; returns the chunk of each, in order. */
export async function putListEntries(db: LedgerDb, updates: readonly ListUpdate[]): Promise<number[]> {
  const result: number[] = new Array<number>(updates.length).fill(-1);
  const byChunk = new Map<number, number[]>();
  updates.forEach((u, i) => { if (u.chunk !== undefined) byChunk.set(u.chunk, [...(byChunk.get(u.chunk) ?? []), i]); });
  for (const [chunk, indexes] of byChunk) {
    const packed = await db.listChunks.get(chunk);
    if (!packed) continue;
    const entries = entriesOf(unpackChunk(packed));
    const at = new Map(entries.map((e, i) => [e.id, i]));
    for (const i of indexes) {
      const u = updates[i];
      const pos = u && at.get(u.invoice.id);
      if (!u || pos === undefined) continue;
      entries[pos] = entryOf(u.invoice);
      result[i] = chunk;
    }
    await save(db, chunk, packed.rev + 1, entries);
  }
  const fresh = result.flatMap((c, i) => (c < 0 ? [i] : []));
  if (fresh.length === 0) return result;
  const tail = await db.listRevs.orderBy('chunk').last();
  let chunk = tail ? tail.chunk : 0;
  let rev = tail ? tail.rev + 1 : Date.now();
  let entries: ListEntry[] = [];
  if (tail && tail.count < CHUNK_SIZE) {
    const packed = await db.listChunks.get(tail.chunk);
    entries = packed ? entriesOf(unpackChunk(packed)) : [];
  } else if (tail) {
    chunk = tail.chunk + 1;
    rev = Date.now();
  }
  for (const i of fresh) {
    if (entries.length >= CHUNK_SIZE) {
      await save(db, chunk, rev, entries);
      chunk++;
      rev = Date.now();
      entries = [];
    }
    const u = updates[i];
    if (!u) continue;
    entries.push(entryOf(u.invoice));
    result[i] = chunk;
  }
  await save(db, chunk, rev, entries);
  return result;
}
