/*
 * The sync engine: decides WHEN to run a sync cycle (sync-cycle.ts decides what one does). It runs after
 * local changes (debounced), when the network comes back, periodically, and on "sync now"; after a failure
 * it waits with exponential backoff and jitter. At most one cycle runs at a time and exactly one timer is
 * armed, so it can neither hang nor busy-loop. Everything it touches is injected (docs/architecture.md#injected-clocks-and-services).
 */
import { backoffDelay } from '../../shared/sync/backoff';
import type { Result } from '../../shared/domain/result';
import { realTimers, type Timers } from './http';
import { SyncClient } from './sync-client';
import { runCycle, type CycleReport, type SyncStore } from './sync-cycle';
import { needsPerson, type SyncFailure } from './sync-failure';
import { withPinnedCertificate, type CertificateCheck } from './server-trust';

/** Online/offline as the platform reports it (navigator.onLine and its events in the app). */
export interface Connectivity {
  readonly isOnline: () => boolean;
  readonly subscribe: (onChange: (online: boolean) => void) => () => void;
}

/** Always online, never changes (tests and Node). */
export const alwaysOnline: Connectivity = { isOnline: () => true, subscribe: () => () => undefined };

/** Everything the engine needs. */
export interface SyncEngineOptions {
  readonly store: SyncStore;
  readonly serverUrl: string;
  readonly token: string;
  readonly deviceId: string;
  readonly fetch: typeof fetch;
  /** The admin's "允许局域网明文 HTTP" (off: plain HTTP only to this PC). */
  readonly allowPlainHttp?: boolean;
  /** The certificate confirmed at enrollment (colon hex), or null/absent when none was pinned. */
  readonly pinnedFingerprint?: string | null;
  /** How this host holds the server to the pin (server-trust.ts); the health answer's fingerprint by default. */
  readonly certificateCheck?: CertificateCheck;
  readonly now?: () => number;
  readonly random?: () => number;
  readonly timers?: Timers;
  readonly connectivity?: Connectivity;
  readonly requestTimeoutMs?: number;
  /** Quiet time after a local change before pushing. */
  readonly debounceMs?: number;
  /** Sync this often when nothing else triggers it. */
  readonly periodMs?: number;
  readonly backoffBaseMs?: number;
  readonly backoffMaxMs?: number;
}

/** What the status line shows. */
export interface SyncEngineStatus {
  readonly phase: 'idle' | 'syncing' | 'waiting' | 'stopped';
  readonly online: boolean;
  readonly pending: number;
  readonly lastSuccessAt: string | null;
  readonly lastError: SyncFailure | null;
  readonly lastErrorAt: string | null;
  readonly consecutiveFailures: number;
  readonly nextAttemptAt: string | null;
}

/** The engine's API. */
export interface SyncEngine {
  start(): void;
  stop(): void;
  syncNow(): Promise<Result<CycleReport, SyncFailure>>;
  getStatus(): SyncEngineStatus;
  subscribe(listener: (status: SyncEngineStatus) => void): () => void;
}

/** Creates a sync engine for one enrolled device. */
export function createSyncEngine(o: SyncEngineOptions): SyncEngine {
  const now = o.now ?? Date.now;
  const random = o.random ?? Math.random;
  const timers = o.timers ?? realTimers;
  const net = o.connectivity ?? alwaysOnline;
  const debounceMs = o.debounceMs ?? 2000;
  const periodMs = o.periodMs ?? 60_000;
  const iso = (ms: number) => new Date(ms).toISOString();
  let stopper = new AbortController();
  let status: SyncEngineStatus = {
    phase: 'stopped', online: net.isOnline(), pending: 0, lastSuccessAt: null, lastError: null, lastErrorAt: null,
    consecutiveFailures: 0, nextAttemptAt: null,
  };
  const listeners = new Set<(s: SyncEngineStatus) => void>();
  let timer: { handle: unknown; at: number } | null = null;
  let running: Promise<Result<CycleReport, SyncFailure>> | null = null;
  let again: Promise<Result<CycleReport, SyncFailure>> | null = null;
  let started = false;
  let unsubscribers: (() => void)[] = [];

  const update = (patch: Partial<SyncEngineStatus>) => {
    status = { ...status, ...patch };
    for (const l of listeners) l(status);
  };

  /** Arms the single timer for `delay` from now, unless it is already due sooner. */
  const schedule = (delay: number) => {
    if (!started) return;
    const at = now() + delay;
    if (timer && timer.at <= at) return;
    if (timer) timers.clear(timer.handle);
    timer = { at, handle: timers.set(() => { timer = null; void syncNow(); }, delay) };
    update({ nextAttemptAt: iso(at) });
  };

  const cycle = async (): Promise<Result<CycleReport, SyncFailure>> => {
    if (!net.isOnline()) return { ok: false, error: { kind: 'offline' } };
    const http = { fetch: o.fetch, timers, timeoutMs: o.requestTimeoutMs ?? 15_000, signal: stopper.signal };
    const client = new SyncClient(http, o.serverUrl, o.token, { allowPlainHttp: o.allowPlainHttp ?? false });
    const server = { serverUrl: o.serverUrl, pinned: o.pinnedFingerprint ?? null, check: o.certificateCheck ?? { mode: 'reported' as const } };
    return withPinnedCertificate(server, client, () => runCycle(o.store, client, o.deviceId, () => iso(now())));
  };

  const finish = async (r: Result<CycleReport, SyncFailure>) => {
    const pending = await o.store.pendingCount();
    const { lastSuccessAt } = await o.store.cursor();
    if (r.ok) {
      update({ phase: started ? 'idle' : 'stopped', pending, lastSuccessAt, lastError: null, lastErrorAt: null, consecutiveFailures: 0, nextAttemptAt: null });
      schedule(pending > 0 ? 0 : periodMs);
      return;
    }
    if (r.error.kind === 'stopped') return;
    const failures = status.consecutiveFailures + 1;
    update({ phase: started ? 'waiting' : 'stopped', pending, lastSuccessAt, lastError: r.error, lastErrorAt: iso(now()), consecutiveFailures: failures, nextAttemptAt: null });
    // Offline or a failure a person must fix: no fast retries; the online event or "sync now" brings it back.
    const slow = r.error.kind === 'offline' || needsPerson(r.error);
    schedule(slow ? o.backoffMaxMs ?? 5 * 60_000 : backoffDelay(failures, random, o.backoffBaseMs, o.backoffMaxMs));
  };

  const runOnce = async (): Promise<Result<CycleReport, SyncFailure>> => {
    if (timer) { timers.clear(timer.handle); timer = null; }
    update({ phase: 'syncing', nextAttemptAt: null, online: net.isOnline() });
    let r: Result<CycleReport, SyncFailure>;
    try {
      r = await cycle();
    } catch (e) {
      // A bug or a storage failure must not wedge the engine: report it and retry with backoff.
      r = { ok: false, error: { kind: 'protocol', detail: e instanceof Error ? e.message : String(e) } };
    }
    await finish(r).catch(() => undefined);
    return r;
  };

  /** Runs a cycle now; while one is running, one more is queued behind it (and shared by all callers). */
  const syncNow = (): Promise<Result<CycleReport, SyncFailure>> => {
    if (!running) {
      running = runOnce().finally(() => { running = null; });
      return running;
    }
    again ??= running.then(() => { again = null; return syncNow(); });
    return again;
  };

  return {
    start() {
      if (started) return;
      started = true;
      stopper = new AbortController();
      update({ phase: 'idle' });
      // The last success survives restarts (it is stored with the cursor), so the status line never claims "never".
      void o.store.cursor().then((c) => { if (status.lastSuccessAt === null) update({ lastSuccessAt: c.lastSuccessAt }); }, () => undefined);
      let lastCount = -1;
      unsubscribers = [
        o.store.watchPendingCount((count) => {
          const grew = count > lastCount && lastCount >= 0;
          lastCount = count;
          update({ pending: count });
          if (grew && !running) {
            // Debounce: each new change pushes the quiet period out again.
            if (timer) { timers.clear(timer.handle); timer = null; }
            schedule(debounceMs);
          }
        }),
        net.subscribe((online) => {
          update({ online });
          if (online) { update({ consecutiveFailures: 0 }); schedule(0); }
        }),
      ];
      schedule(0);
    },
    stop() {
      started = false;
      stopper.abort();
      for (const u of unsubscribers) u();
      unsubscribers = [];
      if (timer) { timers.clear(timer.handle); timer = null; }
      update({ phase: 'stopped', nextAttemptAt: null });
    },
    syncNow,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => { listeners.delete(listener); };
    },
  };
}
