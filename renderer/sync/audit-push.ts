/*
 * The audit chain's trip to the office server (issue #13), after each successful push and pull: the entries after
 * the last seq the server holds for this device, in order, in batches of at most MAX_AUDIT_PUSH. The server keeps
 * them append-only and checks every link and hash on arrival, so a chain edited on this PC after it was pushed is
 * refused (409 audit_broken, naming the first entry that does not fit) and shown on the sync page, never dropped.
 * Each push starts with the last entry the server already holds: the server checks it is still the same, so a
 * chain rewritten and rehashed on this PC (which changes that entry's hash) is caught at the next push.
 * A server that holds fewer entries than this PC thinks (it was restored from a backup) says where it stands, and
 * the push simply resumes from there.
 */
import { MAX_AUDIT_PUSH, type WireAuditEntry } from '../../shared/sync/protocol';
import type { AuditEntry } from '../../shared/audit/audit-chain';
import type { Result } from '../../shared/domain/result';
import type { SyncRepository } from '../db/sync-repository';
import type { SyncClient } from './sync-client';
import type { SyncFailure } from './sync-failure';

/** The Dexie side of the audit push (renderer/db/sync-repository implements it). */
export type AuditPushStore = Pick<SyncRepository, 'auditPushedSeq' | 'auditAfter' | 'markAuditPushed'>;

/** Restarts from the server's own last seq allowed in one cycle. */
const MAX_RESUMES = 3;

/** An audit entry as the wire carries it (the device only when the entry has one, as it was hashed). */
export function toWireAuditEntry(e: AuditEntry): WireAuditEntry {
  return {
    seq: e.seq, at: e.at, user: e.user, ...(e.device === undefined ? {} : { device: e.device }), action: e.action,
    entity: e.entity, entityId: e.entityId, before: e.before, after: e.after, prevHash: e.prevHash, hash: e.hash,
  };
}

/** Pushes every audit entry the server does not hold yet; answers how many were sent. */
export async function pushAuditTrail(store: AuditPushStore, client: Pick<SyncClient, 'auditPush'>, deviceId: string): Promise<Result<number, SyncFailure>> {
  let sent = 0;
  let batchSize = MAX_AUDIT_PUSH;
  let resumes = 0;
  let after = await store.auditPushedSeq();
  let resend = true;
  for (;;) {
    const batch = await store.auditAfter(resend && after > 0 ? after - 1 : after, batchSize);
    const last = batch.at(-1);
    if (!last || last.seq <= after) return { ok: true, value: sent };
    const r = await client.auditPush({ deviceId, entries: batch.map(toWireAuditEntry) });
    if (!r.ok) {
      const f = r.error;
      // The server lacks entries it once had (restored from a backup): send again from where it stands.
      if (f.kind === 'auditBroken' && f.reason === 'gap' && f.lastSeq !== null && f.lastSeq < after && resumes < MAX_RESUMES) {
        resumes++;
        after = f.lastSeq;
        resend = true;
        await store.markAuditPushed(after);
        continue;
      }
      if (f.kind === 'tooLarge' && batchSize > 1) { batchSize = Math.max(1, Math.floor(batchSize / 2)); continue; }
      return r;
    }
    if (r.value.lastSeq < last.seq) return { ok: false, error: { kind: 'protocol', detail: `audit entry ${String(r.value.lastSeq + 1)} not acknowledged` } };
    sent += batch.filter((e) => e.seq > after).length;
    resend = false;
    after = last.seq;
    await store.markAuditPushed(after);
  }
}
