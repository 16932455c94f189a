import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type RequestListener, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  API_PREFIX, MAX_BLOB_BYTES, MAX_BODY_BYTES, auditPushRequestSchema, enrollRequestSchema, pullRequestSchema, pushRequestSchema,
  sha256HexSchema, type AuditPushResponse, type EnrollResponse, type HealthResponse,
} from '../shared/sync/protocol';
import { pullEntities } from '../shared/sync/entities';
import { bearerToken, hashSecret, newDeviceId, newToken, normalizeEnrollmentCode } from './auth';
import { parseJsonBody, readBody } from './http/body';
import { handleCors } from './http/cors';
import { HttpError, sendError, sendJson } from './http/errors';
import type { DeviceIdentity, SyncStore } from './store/store';
import { certificateFingerprint, type TlsMaterial } from './tls/tls-material';

/** What the HTTP layer needs. `now` is the server clock (injectable for tests). */
export interface ServerOptions {
  readonly store: SyncStore;
  readonly host?: string;
  readonly port?: number;
  readonly version: string;
  readonly now?: () => Date;
  readonly log?: (line: string) => void;
  /** Certificate and key to serve HTTPS with (server/tls); plain HTTP without. */
  readonly tls?: TlsMaterial;
}

/** A running server. */
export interface RunningServer {
  /** http://host:port, or https://host:port when serving TLS. */
  readonly url: string;
  /** SHA-256 fingerprint of the served certificate (`AB:CD:…`), when serving HTTPS. */
  readonly tlsFingerprint?: string;
  close(): Promise<void>;
}

interface Ctx {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly options: ServerOptions;
  readonly now: string;
  readonly tlsFingerprint: string | undefined;
}

async function authenticate(ctx: Ctx): Promise<DeviceIdentity> {
  const token = bearerToken(ctx.req.headers.authorization);
  if (token === undefined) throw new HttpError('unauthorized', 'Missing "Authorization: Bearer <device token>" header.');
  const device = await ctx.options.store.deviceForToken(hashSecret(token));
  if (!device) throw new HttpError('unauthorized', 'The device token is unknown or has been revoked.');
  return device;
}

function ownDevice(device: DeviceIdentity, deviceId: string): void {
  if (device.deviceId !== deviceId) {
    throw new HttpError('forbidden', `This token belongs to device "${device.deviceId}", not "${deviceId}".`);
  }
}

async function enroll(ctx: Ctx): Promise<void> {
  const body = parseJsonBody(await readBody(ctx.req, MAX_BODY_BYTES), enrollRequestSchema);
  const token = newToken();
  const deviceId = newDeviceId();
  const codeHash = hashSecret(normalizeEnrollmentCode(body.enrollmentCode));
  const ok = await ctx.options.store.enroll(codeHash, { deviceId, name: body.deviceName, tokenHash: hashSecret(token) }, ctx.now);
  if (!ok) throw new HttpError('bad_enrollment', 'The enrollment code is unknown or has already been used.');
  ctx.options.log?.(`enrolled device ${deviceId} (${body.deviceName})`);
  sendJson(ctx.res, 201, { deviceId, token } satisfies EnrollResponse);
}

async function push(ctx: Ctx): Promise<void> {
  const device = await authenticate(ctx);
  const body = parseJsonBody(await readBody(ctx.req, MAX_BODY_BYTES), pushRequestSchema);
  ownDevice(device, body.deviceId);
  const outcome = await ctx.options.store.push(device.deviceId, body, ctx.now);
  if (outcome.kind === 'gap') {
    throw new HttpError('gap', `Mutation ${outcome.expectedId} is missing: send mutations in order starting at ${outcome.expectedId}.`,
      { expectedId: outcome.expectedId, lastMutationId: outcome.lastMutationId });
  }
  if (outcome.kind === 'epoch_changed') throw epochChanged(outcome.epoch, outcome.lastMutationId);
  for (const r of outcome.response.results) {
    if (r.status === 'rejected') ctx.options.log?.(`rejected ${device.deviceId}#${r.id}: ${r.reason ?? ''}`);
  }
  sendJson(ctx.res, 200, outcome.response);
}

function epochChanged(epoch: string, lastMutationId: number): HttpError {
  return new HttpError('epoch_changed', 'The server was restored from a backup: re-send mutations after lastMutationId and pull from 0.',
    { epoch, lastMutationId });
}

async function pull(ctx: Ctx): Promise<void> {
  const device = await authenticate(ctx);
  const body = parseJsonBody(await readBody(ctx.req, MAX_BODY_BYTES), pullRequestSchema);
  ownDevice(device, body.deviceId);
  const outcome = await ctx.options.store.pull(device.deviceId, body.epoch, body.since, body.limit, pullEntities(body.entities));
  if (outcome.kind === 'epoch_changed') throw epochChanged(outcome.epoch, outcome.lastMutationId);
  sendJson(ctx.res, 200, outcome.response);
}

const BROKEN_REASON = {
  gap: 'a seq is missing',
  link: 'its prevHash is not the hash of the entry before it',
  hash: 'its hash is not the hash of its content',
  fork: 'the server already holds a different entry with this seq',
} as const;

async function auditPush(ctx: Ctx): Promise<void> {
  const device = await authenticate(ctx);
  const body = parseJsonBody(await readBody(ctx.req, MAX_BODY_BYTES), auditPushRequestSchema);
  ownDevice(device, body.deviceId);
  const outcome = await ctx.options.store.auditPush(device.deviceId, body.entries, ctx.now);
  if (outcome.kind === 'broken') {
    const { seq, reason, lastSeq } = outcome;
    ctx.options.log?.(`audit chain of ${device.deviceId} refused at seq ${seq} (${reason}); the server holds up to seq ${lastSeq}`);
    throw new HttpError('audit_broken', `Audit entry ${seq} does not continue this device's chain: ${BROKEN_REASON[reason]}. The server holds entries up to seq ${lastSeq}.`,
      { seq, reason, lastSeq });
  }
  sendJson(ctx.res, 200, { lastSeq: outcome.lastSeq } satisfies AuditPushResponse);
}

function blobAddress(raw: string): string {
  const parsed = sha256HexSchema.safeParse(raw);
  if (!parsed.success) throw new HttpError('invalid', 'A blob address is 64 lowercase hex characters (its SHA-256).');
  return parsed.data;
}

async function putBlob(ctx: Ctx, raw: string): Promise<void> {
  await authenticate(ctx);
  const sha = blobAddress(raw);
  const bytes = await readBody(ctx.req, MAX_BLOB_BYTES);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== sha) throw new HttpError('hash_mismatch', `The body hashes to ${actual}, not to ${sha}.`);
  await ctx.options.store.putBlob(sha, bytes, ctx.now);
  sendJson(ctx.res, 200, { sha256: sha, size: bytes.byteLength });
}

async function getBlob(ctx: Ctx, raw: string): Promise<void> {
  await authenticate(ctx);
  const bytes = await ctx.options.store.getBlob(blobAddress(raw));
  if (!bytes) throw new HttpError('not_found', 'No blob with this SHA-256 has been uploaded.');
  ctx.res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.byteLength });
  ctx.res.end(bytes);
}

async function route(ctx: Ctx): Promise<void> {
  const method = ctx.req.method ?? 'GET';
  const path = new URL(ctx.req.url ?? '/', 'http://localhost').pathname;
  const sub = path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) : undefined;
  if (sub === '/health' && method === 'GET') {
    const body: HealthResponse = {
      ok: true, version: ctx.options.version, epoch: await ctx.options.store.epoch(),
      ...(ctx.tlsFingerprint === undefined ? {} : { tlsFingerprint: ctx.tlsFingerprint }),
    };
    sendJson(ctx.res, 200, body);
    return;
  }
  if (sub === '/devices' && method === 'POST') return enroll(ctx);
  if (sub === '/sync/push' && method === 'POST') return push(ctx);
  if (sub === '/sync/pull' && method === 'POST') return pull(ctx);
  if (sub === '/audit/push' && method === 'POST') return auditPush(ctx);
  const blob = sub === undefined ? null : /^\/blobs\/([^/]+)$/.exec(sub);
  if (blob?.[1] !== undefined && method === 'PUT') return putBlob(ctx, blob[1]);
  if (blob?.[1] !== undefined && method === 'GET') return getBlob(ctx, blob[1]);
  throw new HttpError('not_found', `There is no ${method} ${path}.`);
}

function listener(options: ServerOptions, tlsFingerprint: string | undefined): RequestListener {
  const clock = options.now ?? (() => new Date());
  return (req, res) => {
    if (handleCors(req, res)) return;
    const ctx: Ctx = { req, res, options, now: clock().toISOString(), tlsFingerprint };
    route(ctx).catch((error: unknown) => {
      const known = error instanceof HttpError ? error : undefined;
      if (!known) options.log?.(`internal error on ${req.method ?? '?'} ${req.url ?? '?'}: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      sendError(res, known ?? new HttpError('internal', 'The server failed to handle this request; nothing of it was applied.'));
    });
  };
}

/**
 * Starts the sync API on host:port (port 0 = any free port) and resolves once it listens: HTTPS with
 * `options.tls`, plain HTTP without.
 */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const tlsFingerprint = options.tls ? certificateFingerprint(options.tls.cert) : undefined;
  let server: Server;
  if (options.tls) {
    const https = createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener(options, tlsFingerprint));
    // A device that pinned another certificate ends the handshake: say so, it is the first thing to look for.
    https.on('tlsClientError', (error, socket) => {
      options.log?.(`TLS handshake with ${socket.remoteAddress ?? '?'} failed: ${error.message}`);
    });
    server = https;
  } else {
    server = createServer(listener(options, undefined));
  }
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `${options.tls ? 'https' : 'http'}://${host}:${address.port}`,
    ...(tlsFingerprint === undefined ? {} : { tlsFingerprint }),
    close: () => new Promise<void>((resolve) => {
      server.close(() => { resolve(); });
      server.closeAllConnections();
    }),
  };
}
