/*
 * Receiving a device's audit chain (`POST /api/v1/audit/push`). Entries arrive in order, continuing where the
 * server's copy ends. Each new entry must take the next seq, link to the stored head and carry the hash of its own
 * content; one the server already holds must be byte-for-byte the same entry (same hash), else the device's chain
 * has forked from what it sent before. The first bad entry stops the push; the entries before it are kept.
 */
import type { WireAuditEntry } from '../../shared/sync/protocol';
import { hashMatches, linkProblem, toAuditEntry, type ChainHead } from './chain-check';

/** Why an audit push stopped: the entry's seq, the reason, and the newest seq the server holds after it. */
export type AuditPushOutcome =
  | { readonly kind: 'ok'; readonly lastSeq: number }
  | { readonly kind: 'broken'; readonly seq: number; readonly reason: 'gap' | 'link' | 'hash' | 'fork'; readonly lastSeq: number };

/** The storage steps of one audit push, inside one transaction that holds the device's audit lock. */
export interface AuditTx {
  /** The device's newest stored entry, or undefined when none. */
  head(deviceId: string): Promise<ChainHead | undefined>;
  /** Stored hashes of the device's entries with seq in [from, to]. */
  hashes(deviceId: string, from: number, to: number): Promise<Map<number, string>>;
  /** Appends one verified entry. */
  append(deviceId: string, entry: WireAuditEntry, now: string): Promise<void>;
}

/** Checks and appends `entries` for `deviceId` (see the header). */
export async function runAuditPush(tx: AuditTx, deviceId: string, entries: readonly WireAuditEntry[], now: string): Promise<AuditPushOutcome> {
  let head = await tx.head(deviceId);
  const heldSeqs = entries.filter((e) => e.seq <= (head?.seq ?? 0)).map((e) => e.seq);
  const held = heldSeqs.length > 0 ? await tx.hashes(deviceId, Math.min(...heldSeqs), Math.max(...heldSeqs)) : new Map<number, string>();
  for (const wire of entries) {
    const entry = toAuditEntry(wire);
    const lastSeq = head?.seq ?? 0;
    if (entry.seq <= lastSeq) {
      // Already held: a resend after a lost answer is fine, a different entry under the same seq is not.
      if (!hashMatches(entry)) return { kind: 'broken', seq: entry.seq, reason: 'hash', lastSeq };
      if (held.get(entry.seq) !== entry.hash) return { kind: 'broken', seq: entry.seq, reason: 'fork', lastSeq };
      continue;
    }
    const problem = linkProblem(head, entry);
    if (problem !== undefined) return { kind: 'broken', seq: entry.seq, reason: problem, lastSeq };
    await tx.append(deviceId, wire, now);
    head = { seq: entry.seq, hash: entry.hash };
    held.set(entry.seq, entry.hash);
  }
  return { kind: 'ok', lastSeq: head?.seq ?? 0 };
}
