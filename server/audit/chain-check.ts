/*
 * One step of an audit chain, as the server checks it: on arrival (audit push) and again from the database
 * (`npm run server -- verify-audit`). Each device has its own chain: seq 1, 2, 3, … without gaps, the first entry
 * linked to the genesis hash, every later one to the hash of the entry before it, and every hash the SHA-256 of the
 * entry's content (shared/audit/audit-chain.ts hashEntry), so the server recomputes it instead of trusting it.
 */
import { GENESIS_HASH, hashEntry, type AuditContent, type AuditEntry } from '../../shared/audit/audit-chain';
import type { WireAuditEntry } from '../../shared/sync/protocol';

/** The last entry of a chain as far as the next link needs it (undefined: the chain is empty). */
export interface ChainHead {
  readonly seq: number;
  readonly hash: string;
}

/** Why an entry does not continue a chain: a seq skipped, a broken link, a hash that is not its content's. */
export type LinkProblem = 'gap' | 'link' | 'hash';

/** A wire entry as the chain's AuditEntry (the device is hashed only when present, as the app does). */
export function toAuditEntry(e: WireAuditEntry): AuditEntry {
  const content: AuditContent = {
    at: e.at, user: e.user, action: e.action, entity: e.entity, entityId: e.entityId, before: e.before, after: e.after,
    ...(e.device === undefined ? {} : { device: e.device }),
  };
  return { ...content, seq: e.seq, prevHash: e.prevHash, hash: e.hash };
}

/** True when the entry's hash is the hash of its own content, seq and prevHash. */
export function hashMatches(e: AuditEntry): boolean {
  return hashEntry(e, e.seq, e.prevHash) === e.hash;
}

/** Why `e` cannot follow `head`, or undefined when it does. */
export function linkProblem(head: ChainHead | undefined, e: AuditEntry): LinkProblem | undefined {
  if (e.seq !== (head?.seq ?? 0) + 1) return 'gap';
  if (e.prevHash !== (head?.hash ?? GENESIS_HASH)) return 'link';
  if (!hashMatches(e)) return 'hash';
  return undefined;
}
