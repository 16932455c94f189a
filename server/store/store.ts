import type { Conflict, PullResponse, PushRequest, PushResponse, RecordChange } from '../../shared/sync/protocol';
import type { SyncEntity } from '../../shared/sync/entities';
import type { WireAuditEntry } from '../../shared/sync/protocol';
import type { AuditPushOutcome } from '../audit/audit-push';

/** A device as authentication sees it. */
export interface DeviceIdentity {
  readonly deviceId: string;
  readonly name: string;
}

/** What a push came to: results, or one of the two 409 answers. */
export type PushOutcome =
  | { readonly kind: 'ok'; readonly response: PushResponse }
  | { readonly kind: 'gap'; readonly expectedId: number; readonly lastMutationId: number }
  | { readonly kind: 'epoch_changed'; readonly epoch: string; readonly lastMutationId: number };

/** What a pull came to. */
export type PullOutcome =
  | { readonly kind: 'ok'; readonly response: PullResponse }
  | { readonly kind: 'epoch_changed'; readonly epoch: string; readonly lastMutationId: number };

/** One row of the server's mutation log (every mutation a device pushed, once), in the order applied (`seq`). */
export interface LoggedMutation {
  readonly seq: number;
  readonly deviceId: string;
  readonly mutationId: number;
  readonly entity: string;
  readonly entityId: string;
  readonly op: string;
  readonly status: 'applied' | 'conflict' | 'rejected';
  readonly reason: string | null;
  readonly version: number | null;
  readonly receivedAt: string;
  /** The mutation as the device sent it. */
  readonly payload: unknown;
}

/** A new device's credentials as stored (the token only as its SHA-256). */
export interface NewDevice {
  readonly deviceId: string;
  readonly name: string;
  readonly tokenHash: string;
}

/** Pull page rows before they become a response. */
export interface PullRows {
  readonly epoch: string;
  readonly currentVersion: number;
  readonly changes: readonly RecordChange[];
  readonly conflicts: readonly Conflict[];
}

/**
 * The server's storage. SQLite and PostgreSQL implement it with identical behaviour; every method is one
 * transaction. `now` is the server clock as an ISO string.
 */
export interface SyncStore {
  readonly kind: 'sqlite' | 'postgres';
  epoch(): Promise<string>;
  /** Sets a fresh random epoch (after the database was restored from a backup) and returns it. */
  newEpoch(): Promise<string>;
  addEnrollmentCode(codeHash: string, now: string): Promise<void>;
  /** Uses the code (once) and registers the device; false when the code is unknown or used. */
  enroll(codeHash: string, device: NewDevice, now: string): Promise<boolean>;
  /** The device owning a token hash, unless revoked. */
  deviceForToken(tokenHash: string): Promise<DeviceIdentity | undefined>;
  /** False when no such device exists. */
  revoke(deviceId: string, now: string): Promise<boolean>;
  push(deviceId: string, request: PushRequest, now: string): Promise<PushOutcome>;
  /** Records and conflicts of `entities` only (a client reads no entity it does not know). */
  pull(deviceId: string, epoch: string, since: number, limit: number, entities: readonly SyncEntity[]): Promise<PullOutcome>;
  putBlob(sha256: string, bytes: Uint8Array, now: string): Promise<void>;
  getBlob(sha256: string): Promise<Uint8Array | undefined>;
  mutationLog(): Promise<LoggedMutation[]>;
  /** Checks and appends a device's audit entries (server/audit/audit-push.ts), one device at a time. */
  auditPush(deviceId: string, entries: readonly WireAuditEntry[], now: string): Promise<AuditPushOutcome>;
  /** Every device that has audit entries, with its name when it is an enrolled device, in device id order. */
  auditChains(): Promise<AuditChainInfo[]>;
  /** Up to `limit` stored audit entries of a device with seq > afterSeq, in seq order. */
  auditPage(deviceId: string, afterSeq: number, limit: number): Promise<StoredAuditEntry[]>;
  close(): Promise<void>;
}

/** A device's stored audit chain, as verify-audit lists it. */
export interface AuditChainInfo {
  readonly deviceId: string;
  readonly name: string | null;
  readonly count: number;
}

/** One stored audit entry: the key columns and the entry as it arrived (parsed JSON, not yet checked). */
export interface StoredAuditEntry {
  readonly seq: number;
  readonly hash: string;
  readonly prevHash: string;
  readonly entry: unknown;
  readonly receivedAt: string;
}
