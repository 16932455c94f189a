/**
 * Per-field merge rules (docs/sync-server.md, "Conflicts"), as pure functions.
 *
 * Every record keeps, per field, the version that last changed it and the device that did. A mutation carries the
 * server version its device had seen (baseVersion). A changed field CONFLICTS when another device changed that field
 * after baseVersion and the values differ: the server value stays, the pair is recorded. Changes by the pushing
 * device itself never conflict with it (its later mutations carry an older baseVersion until it pulls). Fields
 * nobody else touched apply. A delete racing another device's change, and a change to a record another device
 * deleted after baseVersion, are whole-record conflicts (field "*"): nothing of that mutation applies.
 * Client timestamps never take part.
 */
import type { WireMutation } from '../../shared/sync/protocol';
import { sameValue } from '../../shared/sync/same-value';

/** Who last changed a field, at which version and when (server clock). */
export interface FieldMeta {
  readonly v: number;
  readonly by: string;
  readonly at: string;
}

/** A record as the server stores it. */
export interface StoredRecord {
  readonly version: number;
  readonly deleted: boolean;
  readonly data: Readonly<Record<string, unknown>>;
  readonly fields: Readonly<Record<string, FieldMeta>>;
}

/** A conflict found while planning, before it gets an id and a version. */
export interface ConflictDraft {
  readonly field: string;
  readonly baseValue: unknown;
  readonly serverValue: unknown;
  readonly clientValue: unknown;
  readonly serverDeviceId: string;
  readonly serverAt: string;
}

/** What one mutation does to its record: the fields to write (maybe none) and the conflicts to record. */
export interface MergePlan {
  readonly apply: Readonly<Record<string, unknown>>;
  readonly conflicts: readonly ConflictDraft[];
}

/** The newest change to `record` after `baseVersion` made by a device other than `deviceId`. */
function foreignChangeAfter(record: StoredRecord, baseVersion: number, deviceId: string): FieldMeta | undefined {
  let newest: FieldMeta | undefined;
  for (const meta of Object.values(record.fields)) {
    if (meta.v > baseVersion && meta.by !== deviceId && (!newest || meta.v > newest.v)) newest = meta;
  }
  return newest;
}

function wholeRecordConflict(record: StoredRecord, m: WireMutation, by: FieldMeta): MergePlan {
  return {
    apply: {},
    conflicts: [{
      field: '*',
      baseValue: m.baseValues,
      serverValue: { ...record.data, deleted: record.deleted },
      clientValue: m.op === 'delete' ? { ...m.changes, deleted: true } : m.changes,
      serverDeviceId: by.by,
      serverAt: by.at,
    }],
  };
}

/** Decides which fields of `m` (pushed by `deviceId`) apply to `record` and which conflict. */
export function planMutation(record: StoredRecord | undefined, m: WireMutation, deviceId: string): MergePlan {
  const wanted: Record<string, unknown> = m.op === 'delete' ? { ...m.changes, deleted: true } : { ...m.changes };
  if (!record) return { apply: wanted, conflicts: [] };

  if (m.op === 'delete' && !record.deleted) {
    const racing = foreignChangeAfter(record, m.baseVersion, deviceId);
    if (racing) return wholeRecordConflict(record, m, racing);
  }
  const deletedMeta = record.fields['deleted'];
  if (m.op === 'upsert' && record.deleted && deletedMeta && deletedMeta.v > m.baseVersion && deletedMeta.by !== deviceId) {
    return wholeRecordConflict(record, m, deletedMeta);
  }

  const apply: Record<string, unknown> = {};
  const conflicts: ConflictDraft[] = [];
  for (const [field, value] of Object.entries(wanted)) {
    const current = record.data[field];
    if (sameValue(current, value)) continue;
    const meta = record.fields[field];
    if (meta && meta.v > m.baseVersion && meta.by !== deviceId) {
      conflicts.push({
        field, baseValue: m.baseValues[field] ?? null, serverValue: current ?? null, clientValue: value,
        serverDeviceId: meta.by, serverAt: meta.at,
      });
    } else {
      apply[field] = value;
    }
  }
  return { apply, conflicts };
}

/** `record` with the plan's fields written at `version` by `deviceId` at `at` (server clock). */
export function applyPlan(
  record: StoredRecord | undefined,
  plan: MergePlan,
  version: number,
  deviceId: string,
  at: string,
): StoredRecord {
  const data: Record<string, unknown> = { ...record?.data, ...plan.apply };
  const fields: Record<string, FieldMeta> = { ...record?.fields };
  for (const field of Object.keys(plan.apply)) fields[field] = { v: version, by: deviceId, at };
  return { version, deleted: data['deleted'] === true, data, fields };
}

/** True for a permanent delete of an invoice (op 'delete' with `purged: true`): the server then keeps a tombstone. */
export function isPurge(m: WireMutation): boolean {
  return m.entity === 'invoice' && m.op === 'delete' && m.changes['purged'] === true;
}

/** True when the stored record is the tombstone of a purged record. */
export function isPurged(record: StoredRecord | undefined): boolean {
  return record?.data['purged'] === true;
}

/**
 * What is left of a purged record: `{id, deleted: true, purged: true}`. Every other field, and its field version,
 * is dropped, so the content leaves the server; the mutation log keeps that the purge happened.
 */
export function tombstone(record: StoredRecord, entityId: string): StoredRecord {
  const data = { id: entityId, deleted: true, purged: true };
  const fields: Record<string, FieldMeta> = {};
  for (const key of Object.keys(data)) {
    const meta = record.fields[key];
    if (meta) fields[key] = meta;
  }
  return { version: record.version, deleted: true, data, fields };
}

/** True when the plan writes anything to the record. */
export function changesRecord(plan: MergePlan): boolean {
  return Object.keys(plan.apply).length > 0;
}
