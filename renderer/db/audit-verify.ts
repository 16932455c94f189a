/*
 * Verifying this PC's whole audit chain (issue #13): daily on start and on demand. The chain is read in pages and
 * checked link by link exactly as shared verifyChain does (seq without gaps from 1, each prevHash the previous hash,
 * each hash over its content), so memory stays flat for a chain of any length. The result names the first entry
 * that does not verify.
 *
 * Each verification that passes remembers the head it saw (seq and hash) in meta; the next one also checks that the
 * chain still reaches that head with the same hash, so entries cut from the end or a chain recomputed from some
 * point on are reported too. WARNING: meta lives in the same database, so this catches careless tampering only;
 * the server's copy of the chain (pushed by sync) is what a careful forger cannot rewrite.
 */
import { GENESIS_HASH, hashEntry, prepareAuditHashing, type AuditEntry } from '../../shared/audit/audit-chain';
import { appendAuditEvents, type AuditAuthor } from './audit-events';
import type { LedgerDb } from './db';

/**
 * Why an entry does not verify: gap (an entry is missing before it), link (its prevHash is not the previous hash:
 * removed, inserted or reordered), hash (its content was changed), missing (the chain ends before a head verified
 * earlier), changed (the head verified earlier now has another hash).
 */
export type AuditBreakReason = 'gap' | 'link' | 'hash' | 'missing' | 'changed';

/** The first entry that does not verify: its seq, why, and what the entry found there says (null when none is). */
export interface AuditBreak {
  readonly seq: number;
  readonly reason: AuditBreakReason;
  readonly entry: Pick<AuditEntry, 'seq' | 'at' | 'user' | 'device' | 'action' | 'entity' | 'entityId'> | null;
}

/** A finished verification: when, by whom, how many entries passed, and the head or the first break. */
export interface AuditVerification {
  readonly at: string;
  readonly by: string;
  /** Entries that verified (all of them when ok). */
  readonly count: number;
  /** The head of the chain when it verified; after a break, still the head of the last verification that passed. */
  readonly head: { readonly seq: number; readonly hash: string };
  readonly broken: AuditBreak | null;
}

/** Entries read per page while verifying. */
const PAGE = 2000;
/** How often the chain is verified without being asked. */
export const VERIFY_EVERY_MS = 24 * 3600 * 1000;
const STATE_KEY = 'audit.verification';

const summary = (e: AuditEntry): AuditBreak['entry'] => ({
  seq: e.seq, at: e.at, user: e.user, action: e.action, entity: e.entity, entityId: e.entityId,
  ...(e.device === undefined ? {} : { device: e.device }),
});

/** Checks the chain page by page; returns how many entries verified, the head, and the first break. */
export async function checkAuditChain(db: LedgerDb): Promise<Pick<AuditVerification, 'count' | 'head' | 'broken'>> {
  await prepareAuditHashing();
  let prev: { seq: number; hash: string } = { seq: 0, hash: GENESIS_HASH };
  let count = 0;
  for (;;) {
    const page = await db.audit.where('seq').above(prev.seq).limit(PAGE).toArray();
    for (const e of page) {
      const reason = e.seq !== prev.seq + 1 ? 'gap' : e.prevHash !== prev.hash ? 'link' : hashEntry(e, e.seq, e.prevHash) !== e.hash ? 'hash' : null;
      // A gap names the missing seq; the entry found in its place is shown beside it.
      if (reason) return { count, head: prev, broken: { seq: reason === 'gap' ? prev.seq + 1 : e.seq, reason, entry: summary(e) } };
      prev = { seq: e.seq, hash: e.hash };
      count++;
    }
    if (page.length < PAGE) return { count, head: prev, broken: null };
  }
}

/** The last verification, or null when the chain was never verified on this ledger. */
export async function lastAuditVerification(db: LedgerDb): Promise<AuditVerification | null> {
  const row = await db.meta.get(STATE_KEY);
  return (row?.value as AuditVerification | undefined) ?? null;
}

/** Whether the daily verification is due at `now` (never verified, or last verified a day or more ago). */
export function isVerificationDue(last: AuditVerification | null, now: string): boolean {
  return last === null || Date.parse(now) - Date.parse(last.at) >= VERIFY_EVERY_MS || Number.isNaN(Date.parse(last.at));
}

/**
 * Verifies the whole chain, compares it with the head the last passing verification saw, stores the result in meta
 * and audits the verification itself ('auditVerify': passed or the first break, and whether it was the daily run).
 */
export async function verifyAuditTrail(db: LedgerDb, who: AuditAuthor, at: string, trigger: 'daily' | 'manual'): Promise<AuditVerification> {
  const previous = await lastAuditVerification(db);
  const checked = await checkAuditChain(db);
  let broken = checked.broken;
  // The head of the last verification that passed (a failed one keeps the head it was compared with).
  const known = previous?.head ?? null;
  if (!broken && known && known.seq > 0) {
    if (checked.head.seq < known.seq) broken = { seq: checked.head.seq + 1, reason: 'missing', entry: null };
    else {
      const entry = await db.audit.get(known.seq);
      if (entry?.hash !== known.hash) broken = { seq: known.seq, reason: 'changed', entry: entry ? summary(entry) : null };
    }
  }
  const result: AuditVerification = { at, by: who.user, count: checked.count, head: broken ? known ?? { seq: 0, hash: GENESIS_HASH } : checked.head, broken };
  await db.meta.put({ key: STATE_KEY, value: result });
  await appendAuditEvents(db, [{
    action: 'auditVerify', entity: 'audit', entityId: '',
    after: { ok: broken === null, count: checked.count, trigger, ...(broken ? { seq: broken.seq, reason: broken.reason } : { headSeq: checked.head.seq }) },
  }], who, at);
  return result;
}
