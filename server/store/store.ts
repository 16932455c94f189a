import type { Conflict, PullResponse, PushRequest, PushResponse, RecordChange } from '../../shared/sync/protocol';
import type { SyncEntity } from '../../shared/sync/entities';

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
  close(): Promise<void>;
}
