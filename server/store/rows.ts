import { syncEntitySchema, type Conflict, type RecordChange } from '../../shared/sync/protocol';
import type { FieldMeta, StoredRecord } from '../sync/apply';
import type { UserRow } from '../sync/permission';
import type { AuditChainInfo, LoggedMutation, StoredAuditEntry } from './store';

// Row shapes shared by both stores. PostgreSQL returns BIGINT as a string, hence Number() everywhere.

/** A records row as either driver returns it. */
export interface RecordRow {
  entity: string;
  entity_id: string;
  version: number | string;
  deleted: number | string | boolean;
  data: string;
  field_versions: string;
}

/** A conflicts row as either driver returns it. */
export interface ConflictRow {
  id: number | string;
  version: number | string;
  entity: string;
  entity_id: string;
  field: string;
  base_value: string;
  server_value: string;
  client_value: string;
  server_device_id: string;
  server_at: string;
  client_device_id: string;
  client_at: string;
  resolved: number | string | boolean;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** A mutation_log row. */
export interface LogDbRow {
  seq: number | string;
  payload: string;
  device_id: string;
  mutation_id: number | string;
  entity: string;
  entity_id: string;
  op: string;
  status: string;
  reason: string | null;
  version: number | string | null;
  received_at: string;
}

const truthy = (v: number | string | boolean): boolean => v === true || Number(v) === 1;

export function toStoredRecord(row: RecordRow): StoredRecord {
  return {
    version: Number(row.version),
    deleted: truthy(row.deleted),
    data: JSON.parse(row.data) as Record<string, unknown>,
    fields: JSON.parse(row.field_versions) as Record<string, FieldMeta>,
  };
}

export function toRecordChange(row: RecordRow): RecordChange {
  return {
    entity: syncEntitySchema.parse(row.entity),
    entityId: row.entity_id,
    version: Number(row.version),
    deleted: truthy(row.deleted),
    data: JSON.parse(row.data) as Record<string, unknown>,
  };
}

export function toConflict(row: ConflictRow): Conflict {
  return {
    id: Number(row.id),
    version: Number(row.version),
    entity: syncEntitySchema.parse(row.entity),
    entityId: row.entity_id,
    field: row.field,
    baseValue: JSON.parse(row.base_value) as unknown,
    serverValue: JSON.parse(row.server_value) as unknown,
    clientValue: JSON.parse(row.client_value) as unknown,
    serverDeviceId: row.server_device_id,
    serverAt: row.server_at,
    clientDeviceId: row.client_device_id,
    clientAt: row.client_at,
    resolved: truthy(row.resolved),
    resolvedBy: row.resolved_by,
    resolvedAt: row.resolved_at,
  };
}

export function toLogged(row: LogDbRow): LoggedMutation {
  return {
    seq: Number(row.seq),
    deviceId: row.device_id,
    mutationId: Number(row.mutation_id),
    entity: row.entity,
    entityId: row.entity_id,
    op: row.op,
    status: row.status as LoggedMutation['status'],
    reason: row.reason,
    version: row.version === null ? null : Number(row.version),
    receivedAt: row.received_at,
    payload: JSON.parse(row.payload) as unknown,
  };
}

/** JSON text of a value, with undefined stored as null (JSON has no undefined). */
export function json(value: unknown): string {
  return JSON.stringify(value ?? null);
}

/** The stored user records, oldest first (the permission check's directory; see server/sync/permission.ts). */
export const USER_ROWS_SQL = "SELECT entity_id, deleted, data FROM records WHERE entity = 'user' ORDER BY version, entity_id";

/** A user records row. */
export interface UserDbRow {
  entity_id: string;
  deleted: number | string | boolean;
  data: string;
}

export function toUserRow(row: UserDbRow): UserRow {
  return { entityId: row.entity_id, deleted: truthy(row.deleted), data: JSON.parse(row.data) as Record<string, unknown> };
}

/** An audit_entries row. */
export interface AuditDbRow {
  seq: number | string;
  hash: string;
  prev_hash: string;
  entry: string;
  received_at: string;
}

export function toStoredAudit(row: AuditDbRow): StoredAuditEntry {
  let entry: unknown;
  try {
    entry = JSON.parse(row.entry);
  } catch {
    // An entry that is no longer JSON was edited in the database: verify-audit reports it instead of crashing.
    entry = undefined;
  }
  return { seq: Number(row.seq), hash: row.hash, prevHash: row.prev_hash, entry, receivedAt: row.received_at };
}

/** The devices with audit entries (verify-audit's list), with the enrolled name when there is one. */
export const AUDIT_CHAINS_SQL = `SELECT a.device_id, d.name, COUNT(*) AS count FROM audit_entries a
  LEFT JOIN devices d ON d.device_id = a.device_id GROUP BY a.device_id, d.name ORDER BY a.device_id`;

export function toChainInfo(row: { device_id: string; name: string | null; count: number | string }): AuditChainInfo {
  return { deviceId: row.device_id, name: row.name, count: Number(row.count) };
}
