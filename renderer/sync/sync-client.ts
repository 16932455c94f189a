import {
  API_PREFIX, enrollResponseSchema, healthResponseSchema, pullResponseSchema, pushResponseSchema,
  type EnrollResponse, type HealthResponse, type PullResponse, type PushRequest, type PushResponse, type PullRequest,
} from '../../shared/sync/protocol';
import { auditPushResponseSchema, type AuditPushRequest, type AuditPushResponse } from '../../shared/sync/protocol';
import type { Result } from '../../shared/domain/result';
import type { z } from 'zod';
import { checkServerAddress } from '../../shared/sync/server-address';
import { requestJson, type HttpContext } from './http';
import { addressFailure, type SyncFailure } from './sync-failure';

/** How the client may reach the server. */
export interface ClientPolicy {
  /** The admin's "允许局域网明文 HTTP": plain HTTP to a host other than this PC. Off unless set. */
  readonly allowPlainHttp?: boolean;
}

/**
 * Typed calls of the office server's API; every answer is parsed with the protocol's zod schemas. Every request
 * first passes the plain-HTTP rule (checkServerAddress): a refused address sends nothing, not even the health check.
 */
export class SyncClient {
  constructor(
    private readonly http: HttpContext,
    private readonly serverUrl: string,
    private readonly token: string,
    private readonly policy: ClientPolicy = {},
  ) {}

  private url(path: string): string {
    return `${this.serverUrl.replace(/\/+$/, '')}${API_PREFIX}${path}`;
  }

  private async send(path: string, init: Parameters<typeof requestJson>[2]): Promise<Result<unknown, SyncFailure>> {
    const address = checkServerAddress(this.serverUrl, this.policy.allowPlainHttp ?? false);
    if (!address.ok) return { ok: false, error: addressFailure(address.problem) };
    return requestJson(this.http, this.url(path), init);
  }

  private async call<S extends z.ZodType>(schema: S, path: string, init: Parameters<typeof requestJson>[2]): Promise<Result<z.infer<S>, SyncFailure>> {
    const r = await this.send(path, init);
    if (!r.ok) return r;
    const parsed = schema.safeParse(r.value);
    if (!parsed.success) return { ok: false, error: { kind: 'protocol', detail: `${path}: ${parsed.error.issues[0]?.message ?? 'bad answer'}` } };
    return { ok: true, value: parsed.data };
  }

  /** `GET /health`: is the server there, and which epoch is it in. */
  health(): Promise<Result<HealthResponse, SyncFailure>> {
    return this.call(healthResponseSchema, '/health', { method: 'GET' });
  }

  /** `POST /devices`: trade an enrollment code for a device token. */
  enroll(enrollmentCode: string, deviceName: string): Promise<Result<EnrollResponse, SyncFailure>> {
    return this.call(enrollResponseSchema, '/devices', { method: 'POST', json: { enrollmentCode, deviceName } });
  }

  /** `POST /sync/push`. */
  push(body: PushRequest): Promise<Result<PushResponse, SyncFailure>> {
    return this.call(pushResponseSchema, '/sync/push', { method: 'POST', token: this.token, json: body });
  }

  /** `POST /sync/pull`. */
  pull(body: PullRequest): Promise<Result<PullResponse, SyncFailure>> {
    return this.call(pullResponseSchema, '/sync/pull', { method: 'POST', token: this.token, json: body });
  }

  /** `POST /audit/push`: audit entries after the last one the server holds for this device. */
  auditPush(body: AuditPushRequest): Promise<Result<AuditPushResponse, SyncFailure>> {
    return this.call(auditPushResponseSchema, '/audit/push', { method: 'POST', token: this.token, json: body });
  }

  /** `PUT /blobs/{sha256}` (idempotent; the server re-hashes the bytes). */
  async putBlob(sha256: string, blob: Blob): Promise<Result<null, SyncFailure>> {
    const r = await this.send(`/blobs/${sha256}`, { method: 'PUT', token: this.token, blob });
    return r.ok ? { ok: true, value: null } : r;
  }
}
