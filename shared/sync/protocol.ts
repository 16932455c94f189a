/**
 * The office sync protocol (issue #4; docs/sync-server.md): request and response bodies of the HTTP API, parsed with zod
 * on both sides. Server and sync engine import these schemas; the OpenAPI file in docs/ describes the same shapes.
 */
import { z } from 'zod';
import { SYNC_ENTITIES } from './entities';
import { AUDIT_ACTIONS } from '../audit/audit-chain';

/** The API's path prefix. */
export const API_PREFIX = '/api/v1';

/** Largest request body the server accepts (413 above it). */
export const MAX_BODY_BYTES = 8 * 1024 * 1024;

/** Largest blob the server accepts in `PUT /blobs/{sha256}`. */
export const MAX_BLOB_BYTES = 64 * 1024 * 1024;

/** Most mutations in one push; the engine sends batches of at most this many. */
export const MAX_PUSH_MUTATIONS = 1000;

/** Most changes in one pull page. */
export const MAX_PULL_LIMIT = 5000;

/** Entities the server knows (shared/sync/entities.ts). */
export const syncEntitySchema = z.enum(SYNC_ENTITIES);
export type { SyncEntity } from './entities';

// PostgreSQL text cannot hold NUL, so no identifier may contain one (both stores then behave alike).
const noNul = (s: string): boolean => !s.includes('\u0000');
const text = (max: number) => z.string().min(1).max(max).refine(noNul, 'must not contain NUL characters');
const id = text(100);
// Record ids are UUIDv7 except a finding note's, which is the finding's key (built from names and numbers).
const entityId = text(500);
const fieldMap = z.record(z.string().min(1).max(100), z.unknown());

/** `GET /api/v1/health`. */
export const healthResponseSchema = z.object({
  ok: z.literal(true),
  version: z.string(),
  epoch: z.string(),
  /** SHA-256 fingerprint (colon-separated upper-case hex) of the certificate the server serves; absent over plain HTTP. */
  tlsFingerprint: z.string().optional(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

/** `POST /api/v1/devices`: a single-use enrollment code buys a device token. */
export const enrollRequestSchema = z.object({
  enrollmentCode: text(200),
  deviceName: text(200),
});
export type EnrollRequest = z.infer<typeof enrollRequestSchema>;
export const enrollResponseSchema = z.object({ deviceId: id, token: z.string().min(1) });
export type EnrollResponse = z.infer<typeof enrollResponseSchema>;

/** One outbox mutation on the wire. `id` is the device's monotonic mutation id (1, 2, 3, … without gaps). */
export const wireMutationSchema = z.object({
  id: z.number().int().min(1),
  entity: syncEntitySchema,
  entityId,
  op: z.enum(['upsert', 'delete']),
  /** Server version of the record the change was made against (0 = a record the server has never seen). */
  baseVersion: z.number().int().min(0),
  changes: fieldMap,
  baseValues: fieldMap,
  /** Conflict ids this change settles (the clerk chose a value in the review screen). */
  resolves: z.array(z.number().int().min(1)).max(1000).optional(),
  /**
   * The login of the signed-in user who made the change (issue #13). The server checks it against that user's role
   * (shared/auth) and rejects, with the reason, what the role may not do. Absent from clients before sign-in
   * existed: the server accepts that only while it knows no users.
   */
  by: text(100).optional(),
});
export type WireMutation = z.infer<typeof wireMutationSchema>;

/** `POST /api/v1/sync/push`. */
export const pushRequestSchema = z.object({
  deviceId: id,
  epoch: z.string().min(1).refine(noNul, 'must not contain NUL characters'),
  mutations: z.array(wireMutationSchema).max(MAX_PUSH_MUTATIONS),
});
export type PushRequest = z.infer<typeof pushRequestSchema>;

/**
 * What happened to one mutation. applied: committed (version = the record's new version);
 * duplicate: this id was seen before, nothing changed; conflict: committed except for the conflicting fields,
 * whose server values were kept and recorded as conflicts (a delete racing an update changes nothing);
 * rejected: invalid, kept in the server's log with the reason, never dropped.
 */
export const mutationResultSchema = z.object({
  id: z.number().int().min(1),
  status: z.enum(['applied', 'duplicate', 'conflict', 'rejected']),
  version: z.number().int().min(0).optional(),
  reason: z.string().optional(),
});
export type MutationResult = z.infer<typeof mutationResultSchema>;
export const pushResponseSchema = z.object({
  lastMutationId: z.number().int().min(0),
  results: z.array(mutationResultSchema),
});
export type PushResponse = z.infer<typeof pushResponseSchema>;

/** `POST /api/v1/sync/pull`: changes with version > since, oldest first. */
export const pullRequestSchema = z.object({
  deviceId: id,
  epoch: z.string().min(1).refine(noNul, 'must not contain NUL characters'),
  since: z.number().int().min(0),
  limit: z.number().int().min(1).max(MAX_PULL_LIMIT).default(1000),
  /**
   * The entities this device stores (issue #11). Absent: invoices only, all a client from before knows how to read.
   * Names the server does not know are ignored.
   */
  entities: z.array(z.string().max(100)).max(100).optional(),
});
export type PullRequest = z.infer<typeof pullRequestSchema>;

/** A record as the server holds it now. `data` is the whole record (top-level fields). */
export const recordChangeSchema = z.object({
  entity: syncEntitySchema,
  entityId,
  version: z.number().int().min(1),
  deleted: z.boolean(),
  data: fieldMap,
});
export type RecordChange = z.infer<typeof recordChangeSchema>;

/**
 * One per-field conflict: a device changed `field` from `baseValue` to `clientValue`, but since that device's
 * base version another change had set it to `serverValue`, which the server kept. `field` is "*" for a delete
 * racing an update. Conflicts carry a version from the same counter as records, so a pull returns new and
 * newly resolved ones in order.
 */
export const conflictSchema = z.object({
  id: z.number().int().min(1),
  version: z.number().int().min(1),
  entity: syncEntitySchema,
  entityId,
  field: z.string(),
  baseValue: z.unknown(),
  serverValue: z.unknown(),
  clientValue: z.unknown(),
  /** Who made the kept change, and when the server committed it. */
  serverDeviceId: z.string(),
  serverAt: z.string(),
  /** Who made the losing change, and when it reached the server. */
  clientDeviceId: z.string(),
  clientAt: z.string(),
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.string().nullable(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const pullResponseSchema = z.object({
  epoch: z.string(),
  /** The newest version included (the next `since`); the server's current version when nothing is left. */
  version: z.number().int().min(0),
  changes: z.array(recordChangeSchema),
  conflicts: z.array(conflictSchema),
  hasMore: z.boolean(),
});
export type PullResponse = z.infer<typeof pullResponseSchema>;

/** One audit entry on the wire: shared/audit/audit-chain.ts AuditEntry, parsed before the server re-hashes it. */
export const wireAuditEntrySchema = z.object({
  seq: z.number().int().min(1),
  at: z.string().max(100),
  user: z.string().max(200),
  device: z.string().max(300).optional(),
  action: z.enum(AUDIT_ACTIONS),
  entity: z.string().max(100),
  entityId: z.string().max(500),
  before: z.unknown(),
  after: z.unknown(),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type WireAuditEntry = z.infer<typeof wireAuditEntrySchema>;

/** Most audit entries in one `POST /api/v1/audit/push`. */
export const MAX_AUDIT_PUSH = 1000;

/**
 * `POST /api/v1/audit/push`: the device's audit chain, in order, continuing where the server's copy ends (from
 * seq 1 for a newly enrolled device). The server stores entries append-only and checks each link and hash on
 * arrival; entries it already holds must be identical (same hash), or the push is refused as `audit_broken`.
 */
export const auditPushRequestSchema = z.object({
  deviceId: id,
  entries: z.array(wireAuditEntrySchema).max(MAX_AUDIT_PUSH),
});
export type AuditPushRequest = z.infer<typeof auditPushRequestSchema>;
/** The newest seq the server holds for this device after the push. */
export const auditPushResponseSchema = z.object({ lastSeq: z.number().int().min(0) });
export type AuditPushResponse = z.infer<typeof auditPushResponseSchema>;

/** Error codes the server answers with; the engine turns each into a translated message. */
export const syncErrorCodeSchema = z.enum([
  'bad_json', // body is not JSON
  'invalid', // JSON of the wrong shape (message names the field)
  'unauthorized', // 401: token missing, unknown or revoked
  'forbidden', // 403: deviceId is not the token's device
  'too_large', // 413
  'not_found', // 404
  'gap', // 409: a mutation id was skipped; `expectedId` says which one the server needs next
  'epoch_changed', // 409: the server was restored from a backup; `epoch` and `lastMutationId` say where it stands
  'hash_mismatch', // 400: blob bytes do not hash to the URL's sha256
  'bad_enrollment', // 401: enrollment code unknown or used
  'audit_broken', // 409: an audit entry does not continue the device's chain; `seq` and `reason` name the first bad one
  'internal', // 500
]);
export type SyncErrorCode = z.infer<typeof syncErrorCodeSchema>;

/** Every non-2xx answer: `{"error": {"code", "message"}, ...details}`. */
export const errorResponseSchema = z.object({
  error: z.object({ code: syncErrorCodeSchema, message: z.string() }),
  expectedId: z.number().int().optional(),
  epoch: z.string().optional(),
  lastMutationId: z.number().int().optional(),
  /** audit_broken: the first entry that does not fit, why, and the newest seq the server holds. */
  seq: z.number().int().optional(),
  reason: z.enum(['gap', 'link', 'hash', 'fork']).optional(),
  lastSeq: z.number().int().optional(),
});
export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** A blob address: lowercase hex SHA-256. */
export const sha256HexSchema = z.string().regex(/^[0-9a-f]{64}$/);
