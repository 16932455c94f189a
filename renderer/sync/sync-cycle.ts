/*
 * One sync cycle: blobs, then pending mutations in id order, then pull until the server has nothing newer.
 * Each step commits locally before the next request, so a cycle cut short anywhere (crash, timeout, stop)
 * is simply run again: re-sent mutations come back `duplicate`, re-pulled pages rebase to the same rows.
 * Gaps and a server restored from a backup (epoch change) are repaired here, a bounded number of times.
 */
import { MAX_PUSH_MUTATIONS, type WireMutation } from '../../shared/sync/protocol';
import { SYNC_ENTITIES } from '../../shared/sync/entities';
import type { OutboxMutation } from '../../shared/sync/outbox';
import type { Result } from '../../shared/domain/result';
import type { SyncRepository } from '../db/sync-repository';
import type { SyncClient } from './sync-client';
import type { SyncFailure } from './sync-failure';
import { pushAuditTrail, type AuditPushStore } from './audit-push';

/** The Dexie side the engine needs (renderer/db/sync-repository implements it). */
export type SyncStore = Pick<
  SyncRepository,
  'settings' | 'cursor' | 'setEpoch' | 'markSuccess' | 'nextBatch' | 'pendingCount' | 'watchPendingCount' | 'blobsFor'
  | 'markBlobSynced' | 'recordResults' | 'requeueFrom' | 'changeEpoch' | 'applyPull'
> & AuditPushStore;

/** What one successful cycle did. */
export interface CycleReport {
  readonly pushed: number;
  readonly pulled: number;
  readonly rejected: number;
}

/** Pull page size. */
export const PULL_LIMIT = 1000;
/** Repairs (gap, epoch change, a rejected oversized batch) allowed in one cycle before giving up until the next. */
const MAX_REPAIRS = 8;

type Step = Result<number, SyncFailure>;

/** Runs one cycle against the server. */
export async function runCycle(store: SyncStore, client: SyncClient, deviceId: string, now: () => string): Promise<Result<CycleReport, SyncFailure>> {
  let epoch = (await store.cursor()).epoch ?? '';
  if (epoch === '') {
    const h = await client.health();
    if (!h.ok) return h;
    epoch = h.value.epoch;
    await store.setEpoch(epoch);
  }
  let batchSize = MAX_PUSH_MUTATIONS;
  let pushed = 0;
  let rejected = 0;
  for (let repairs = 0; repairs <= MAX_REPAIRS; repairs++) {
    const push: Step = await pushAll(store, client, deviceId, epoch, batchSize, (n, r) => { pushed += n; rejected += r; });
    const pull: Step = push.ok ? await pullAll(store, client, deviceId, epoch) : push;
    if (pull.ok) {
      await store.markSuccess(now());
      // The records are in; the audit chain follows them. Its failure is the cycle's (shown, retried), not theirs.
      const audit = await pushAuditTrail(store, client, deviceId);
      if (!audit.ok) return audit;
      return { ok: true, value: { pushed, pulled: pull.value, rejected } };
    }
    const f: SyncFailure = pull.error;
    if (f.kind === 'epochChanged') {
      epoch = f.epoch;
      await store.changeEpoch(f.epoch);
      // A pull only says the epoch moved; an empty push asks where the restored server stands for this device.
      let last = f.lastMutationId;
      if (last < 0) {
        const probe = await client.push({ deviceId, epoch, mutations: [] });
        if (!probe.ok) return probe;
        last = probe.value.lastMutationId;
      }
      if (!(await store.requeueFrom(last + 1))) return { ok: false, error: { kind: 'lost', fromId: last + 1 } };
    } else if (f.kind === 'gap') {
      if (!(await store.requeueFrom(f.expectedId))) return { ok: false, error: { kind: 'lost', fromId: f.expectedId } };
    } else if (f.kind === 'tooLarge' && batchSize > 1) {
      batchSize = Math.max(1, Math.floor(batchSize / 2));
    } else {
      return pull;
    }
  }
  return { ok: false, error: { kind: 'protocol', detail: 'too many repairs in one cycle' } };
}

const toWire = (m: OutboxMutation): WireMutation => ({
  id: m.mutationId, entity: m.entity, entityId: m.entityId, op: m.op, baseVersion: m.baseVersion,
  changes: { ...m.changes }, baseValues: { ...m.baseValues }, ...(m.resolves ? { resolves: [...m.resolves] } : {}),
  ...(m.by ? { by: m.by } : {}),
});

async function pushAll(
  store: SyncStore, client: SyncClient, deviceId: string, epoch: string, batchSize: number,
  count: (pushed: number, rejected: number) => void,
): Promise<Step> {
  // The next batch is read and sent while the previous batch's results are being stored (pipelined); the
  // server has already committed those, so the order of mutations on the wire is unchanged.
  let afterId = 0;
  let recording: Promise<void> = Promise.resolve();
  let batch = await store.nextBatch(batchSize);
  for (;;) {
    const last = batch.at(-1);
    if (!last) break;
    for (const b of await store.blobsFor(batch)) {
      const put = await client.putBlob(b.sha256, b.blob);
      if (!put.ok) { await recording; return put; }
      await store.markBlobSynced(b.sha256);
    }
    const r = await client.push({ deviceId, epoch, mutations: batch.map(toWire) });
    await recording;
    if (!r.ok) return r;
    afterId = last.mutationId;
    const next = store.nextBatch(batchSize, afterId);
    recording = store.recordResults(r.value.results);
    count(r.value.results.filter((x) => x.status !== 'duplicate').length, r.value.results.filter((x) => x.status === 'rejected').length);
    batch = await next;
  }
  await recording;
  // A server that answered without settling a mutation would otherwise be asked again and again.
  const stuck = (await store.nextBatch(1))[0];
  if (stuck && stuck.mutationId <= afterId) return { ok: false, error: { kind: 'protocol', detail: `mutation ${stuck.mutationId} not acknowledged` } };
  return { ok: true, value: 0 };
}

async function pullAll(store: SyncStore, client: SyncClient, deviceId: string, epoch: string): Promise<Step> {
  let pulled = 0;
  for (;;) {
    const { cursor } = await store.cursor();
    const r = await client.pull({ deviceId, epoch, since: cursor, limit: PULL_LIMIT, entities: [...SYNC_ENTITIES] });
    if (!r.ok) return r;
    const page = r.value;
    if (page.epoch !== epoch) return { ok: false, error: { kind: 'epochChanged', epoch: page.epoch, lastMutationId: -1 } };
    if (page.hasMore && page.version <= cursor) return { ok: false, error: { kind: 'protocol', detail: 'pull made no progress' } };
    pulled += (await store.applyPull(page)).applied;
    if (!page.hasMore) return { ok: true, value: pulled };
  }
}
