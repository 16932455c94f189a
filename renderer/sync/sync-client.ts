import {
  API_PREFIX, enrollResponseSchema, healthResponseSchema, pullResponseSchema, pushResponseSchema,
  type EnrollResponse, type HealthResponse, type PullResponse, type PushRequest, type PushResponse, type PullRequest,
} from '../../shared/sync/protocol';
import { auditPushResponseSchema, type AuditPushRequest, type AuditPushResponse } from '../../shared/sync/protocol';
import type { Result } from '../../shared/domain/result';
import type { z } from 'zod';
import { requestJson, type HttpContext } from './http';
import type { SyncFailure } from './sync-failure';

/** Typed calls of the office server's API; every answer is parsed with the protocol's zod schemas. */
export class SyncClient {
  constructor(
    private readonly http: HttpContext,
    private readonly serverUrl: string,
    private readonly token: string,
  ) {}

  private url(path: string): string {
    return `${this.serverUrl.replace(/\/+$/, '')}${API_PREFIX}${path}`;
  }

  private async call<S extends z.ZodType>(schema: S, path: string, init: Parameters<typeof requestJson>[2]): Promise<Result<z.infer<S>, SyncFailure>> {
    const r = await requestJson(this.http, this.url(path), init);
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
    const r = await requestJson(this.http, this.url(`/blobs/${sha256}`), { method: 'PUT', token: this.token, blob });
    return r.ok ? { ok: true, value: null } : r;
  }
}
