/*
 * The only place that talks HTTP to the office server (docs/architecture.md#layers). Every request has a deadline: the
 * AbortController is fired by an injected timer, and the body is read under the same signal, so a server
 * that stops answering half-way through a response cannot hang the engine.
 */
import { errorResponseSchema } from '../../shared/sync/protocol';
import type { Result } from '../../shared/domain/result';
import { failureFromCode, type SyncFailure } from './sync-failure';

/** Timers the engine uses; injected so tests run on a fake clock. */
export interface Timers {
  readonly set: (run: () => void, ms: number) => unknown;
  readonly clear: (handle: unknown) => void;
}

/** The platform's timers. */
export const realTimers: Timers = {
  set: (run, ms) => setTimeout(run, ms),
  clear: (handle) => { clearTimeout(handle as ReturnType<typeof setTimeout>); },
};

/** What every request needs. */
export interface HttpContext {
  readonly fetch: typeof fetch;
  readonly timers: Timers;
  readonly timeoutMs: number;
  /** Aborts the request early (the engine was stopped). */
  readonly signal?: AbortSignal;
}

/** One JSON (or blob) request; 2xx answers their parsed JSON, everything else a SyncFailure. */
export async function requestJson(
  http: HttpContext,
  url: string,
  init: { readonly method: string; readonly token?: string; readonly json?: unknown; readonly blob?: Blob },
): Promise<Result<unknown, SyncFailure>> {
  const stopped = () => http.signal?.aborted === true;
  if (stopped()) return { ok: false, error: { kind: 'stopped' } };
  const controller = new AbortController();
  const deadline = { passed: false };
  const timer = http.timers.set(() => { deadline.passed = true; controller.abort(); }, http.timeoutMs);
  const onStop = () => { controller.abort(); };
  http.signal?.addEventListener('abort', onStop);
  try {
    const headers: Record<string, string> = {};
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    if (init.json !== undefined) headers['content-type'] = 'application/json';
    if (init.blob) headers['content-type'] = 'application/octet-stream';
    const body = init.json !== undefined ? JSON.stringify(init.json) : init.blob;
    const res = await http.fetch(url, { method: init.method, headers, signal: controller.signal, ...(body === undefined ? {} : { body }) });
    const text = await res.text();
    if (res.ok) return parse(text);
    return { ok: false, error: httpFailure(res.status, text) };
  } catch {
    if (stopped()) return { ok: false, error: { kind: 'stopped' } };
    return { ok: false, error: deadline.passed ? { kind: 'timeout' } : { kind: 'unreachable' } };
  } finally {
    http.timers.clear(timer);
    http.signal?.removeEventListener('abort', onStop);
  }
}

function parse(text: string): Result<unknown, SyncFailure> {
  if (text === '') return { ok: true, value: null };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, error: { kind: 'protocol', detail: 'answer is not JSON' } };
  }
}

function httpFailure(status: number, text: string): SyncFailure {
  let json: unknown = null;
  try { json = JSON.parse(text); } catch { /* a proxy's HTML error page */ }
  const parsed = errorResponseSchema.safeParse(json);
  if (!parsed.success) {
    if (status === 401) return { kind: 'unauthorized' };
    if (status === 403) return { kind: 'forbidden' };
    if (status === 413) return { kind: 'tooLarge' };
    return status >= 500 ? { kind: 'server', status } : { kind: 'protocol', detail: `HTTP ${status}` };
  }
  const e = parsed.data;
  if (e.error.code === 'gap' && e.expectedId !== undefined) return { kind: 'gap', expectedId: e.expectedId };
  if (e.error.code === 'audit_broken' && e.seq !== undefined && e.reason !== undefined) {
    return { kind: 'auditBroken', seq: e.seq, reason: e.reason, lastSeq: e.lastSeq ?? null };
  }
  if (e.error.code === 'epoch_changed' && e.epoch !== undefined) {
    return { kind: 'epochChanged', epoch: e.epoch, lastMutationId: e.lastMutationId ?? 0 };
  }
  return failureFromCode(e.error.code, status, e.error.message);
}
