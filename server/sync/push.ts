import type { MutationResult, PushRequest, WireMutation } from '../../shared/sync/protocol';
import type { PushOutcome } from '../store/store';
import { applyPlan, changesRecord, isPurge, isPurged, planMutation, tombstone, type ConflictDraft, type StoredRecord } from './apply';
import { permissionProblem, userDirectory, type UserDirectory, type UserRow } from './permission';
import { invalidReason } from './validate';

/** A conflict as the resolve step sees it. */
export interface ConflictRef {
  readonly id: number;
  readonly entity: string;
  readonly entityId: string;
  readonly resolved: boolean;
}

/** A log row written for every mutation that is not a duplicate. */
export interface LogRow {
  readonly deviceId: string;
  readonly mutation: WireMutation;
  readonly status: 'applied' | 'conflict' | 'rejected';
  readonly reason: string | null;
  readonly version: number | null;
  readonly at: string;
}

/**
 * The storage steps of one push, all inside ONE open transaction that holds the version lock
 * (SQLite: BEGIN IMMEDIATE; PostgreSQL: SELECT … FOR UPDATE on sync_state).
 */
export interface PushTx {
  epochAndVersion(): Promise<{ epoch: string; version: number }>;
  setVersion(version: number): Promise<void>;
  lastMutationId(deviceId: string): Promise<number>;
  setLastMutationId(deviceId: string, id: number): Promise<void>;
  loggedVersion(deviceId: string, mutationId: number): Promise<number | null>;
  getRecord(entity: string, entityId: string): Promise<StoredRecord | undefined>;
  putRecord(entity: string, entityId: string, record: StoredRecord): Promise<void>;
  insertConflict(c: ConflictDraft & { entity: string; entityId: string; version: number; clientDeviceId: string; clientAt: string; mutationId: number }): Promise<number>;
  getConflicts(ids: readonly number[]): Promise<ConflictRef[]>;
  resolveConflict(id: number, version: number, by: string, at: string): Promise<void>;
  insertLog(row: LogRow): Promise<void>;
  /** Every stored 'user' record, oldest (lowest version) first: the authors the permission check knows. */
  userRecords(): Promise<UserRow[]>;
}

async function resolveProblem(tx: PushTx, m: WireMutation): Promise<string | undefined> {
  const ids = [...new Set(m.resolves ?? [])];
  if (ids.length === 0) return undefined;
  const found = await tx.getConflicts(ids);
  for (const id of ids) {
    const c = found.find((f) => f.id === id);
    if (!c) return `conflict ${id} does not exist`;
    if (c.entity !== m.entity || c.entityId !== m.entityId) return `conflict ${id} is not about ${m.entity} ${m.entityId}`;
  }
  return undefined;
}

/** Why `m` is refused before it touches its record (invalid, purged, not permitted, bad `resolves`), or undefined. */
async function refusal(tx: PushTx, m: WireMutation, record: StoredRecord | undefined, users: UserDirectory): Promise<string | undefined> {
  const invalid = invalidReason(m);
  if (invalid !== undefined) return invalid;
  if (isPurged(record) && !isPurge(m)) return `${m.entity} ${m.entityId} was permanently deleted (purged); it cannot change`;
  return permissionProblem(m, record?.data, users) ?? (await resolveProblem(tx, m));
}

/** Applies one permitted mutation at `version` (the last version taken); returns its result and the new last version. */
async function applyMutation(
  tx: PushTx, m: WireMutation, record: StoredRecord | undefined, deviceId: string, now: string, version: number,
): Promise<{ result: MutationResult; version: number }> {
  const plan = planMutation(record, m, deviceId);
  let recordVersion = record?.version ?? 0;
  // A conflict re-versions the record even when nothing of it applied, so the losing device's next pull
  // brings back the server's values in place of the change it made locally.
  if (changesRecord(plan) || !record || plan.conflicts.length > 0) {
    version += 1;
    recordVersion = version;
    const next = applyPlan(record, plan, version, deviceId, now);
    await tx.putRecord(m.entity, m.entityId, isPurge(m) && plan.conflicts.length === 0 ? tombstone(next, m.entityId) : next);
  }
  for (const draft of plan.conflicts) {
    version += 1;
    await tx.insertConflict({ ...draft, entity: m.entity, entityId: m.entityId, version, clientDeviceId: deviceId, clientAt: now, mutationId: m.id });
  }
  for (const ref of await tx.getConflicts([...new Set(m.resolves ?? [])])) {
    if (ref.resolved) continue;
    version += 1;
    await tx.resolveConflict(ref.id, version, deviceId, now);
  }
  const status = plan.conflicts.length > 0 ? 'conflict' : 'applied';
  await tx.insertLog({ deviceId, mutation: m, status, reason: null, version: recordVersion, at: now });
  return { result: { id: m.id, status, version: recordVersion }, version };
}

/**
 * Applies a push inside `tx`: ids up to the device's last one are duplicates, the next one applies, anything
 * further is a gap (what came before it stays applied; nothing after it is touched). Each mutation is checked
 * against its author's role first; a refused one is logged with the reason and answered `rejected`.
 */
export async function runPush(
  tx: PushTx,
  deviceId: string,
  request: PushRequest,
  now: string,
  pauseMs = 0,
): Promise<PushOutcome> {
  const state = await tx.epochAndVersion();
  const firstLast = await tx.lastMutationId(deviceId);
  let last = firstLast;
  if (request.epoch !== state.epoch) return { kind: 'epoch_changed', epoch: state.epoch, lastMutationId: last };
  let version = state.version;
  const results: MutationResult[] = [];
  let gap: number | undefined;
  // Read once and again after each user record this push writes, so a user created earlier in the push counts.
  let users: UserDirectory | undefined;
  for (const m of request.mutations) {
    if (m.id <= last) {
      const logged = await tx.loggedVersion(deviceId, m.id);
      results.push(logged === null ? { id: m.id, status: 'duplicate' } : { id: m.id, status: 'duplicate', version: logged });
      continue;
    }
    if (m.id !== last + 1) {
      gap = last + 1;
      break;
    }
    users ??= userDirectory(await tx.userRecords());
    const record = await tx.getRecord(m.entity, m.entityId);
    const problem = await refusal(tx, m, record, users);
    if (problem !== undefined) {
      await tx.insertLog({ deviceId, mutation: m, status: 'rejected', reason: problem, version: null, at: now });
      results.push({ id: m.id, status: 'rejected', reason: problem });
    } else {
      const applied = await applyMutation(tx, m, record, deviceId, now, version);
      version = applied.version;
      results.push(applied.result);
      if (m.entity === 'user') users = undefined;
    }
    last = m.id;
    // Test hook (FAPIAO_TEST_PUSH_PAUSE_MS): widens the open transaction so a SIGKILL test lands inside it.
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
  }
  if (version !== state.version) await tx.setVersion(version);
  if (last !== firstLast) await tx.setLastMutationId(deviceId, last);
  if (gap !== undefined) return { kind: 'gap', expectedId: gap, lastMutationId: last };
  return { kind: 'ok', response: { lastMutationId: last, results } };
}
