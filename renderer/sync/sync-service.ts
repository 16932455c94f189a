/*
 * The app's one sync engine: started when this device is enrolled, restarted on a new enrollment or a changed
 * policy, stopped when the window goes away. Screens read its status through useSyncEngineStatus. The device token
 * lives in this PC's secret store (renderer/platform/local-secrets.ts), never in the ledger; enrollment lives in
 * server-enrollment.ts.
 */
import { useSyncExternalStore } from 'react';
import type { Result } from '../../shared/domain/result';
import { syncStore } from '../db';
import { localSecrets } from '../platform/local-secrets';
import { serverCertificates } from '../platform/server-certificates';
import { browserConnectivity } from './browser-connectivity';
import { readDeviceToken } from './device-token';
import { createSyncEngine, type SyncEngine, type SyncEngineStatus } from './engine';
import type { CertificateCheck } from './server-trust';
import type { CycleReport } from './sync-cycle';
import type { SyncFailure } from './sync-failure';

let engine: SyncEngine | null = null;
let status: SyncEngineStatus | null = null;
/** The admin's "允许局域网明文 HTTP", as last read (undefined until the first start). */
let plainHttpAllowed: boolean | undefined;
let unsubscribe: (() => void) | null = null;
const listeners = new Set<() => void>();
const emit = () => { for (const l of listeners) l(); };
/** The platform's fetch (a wrapper, so tests and the engine never hold a detached reference). */
export const browserFetch: typeof fetch = (input, init) => fetch(input, init);

/** The status while enrolled but without a readable device token: nothing runs until the admin enrolls again. */
const TOKEN_LOST: SyncEngineStatus = {
  phase: 'stopped', online: true, pending: 0, lastSuccessAt: null, lastError: { kind: 'tokenLost' }, lastErrorAt: null,
  consecutiveFailures: 0, nextAttemptAt: null,
};

/** The device token kept for this PC (device-token.ts), or null when none is readable. */
export function deviceToken(): Promise<string | null> {
  return readDeviceToken(syncStore, localSecrets());
}

/** How this host holds the server to its pinned certificate (server-trust.ts). */
export function hostCertificateCheck(): CertificateCheck {
  const certificates = serverCertificates();
  if (!certificates) return { mode: 'reported' };
  return {
    mode: 'enforced',
    probe: async (url) => {
      const r = await certificates.probe(url);
      return r.ok ? r.value.fingerprint : null;
    },
  };
}

/** Starts (or restarts) sync with the stored enrollment and policy; does nothing when this device is not enrolled. */
export async function startAppSync(): Promise<void> {
  const settings = await syncStore.settings();
  const allowPlainHttp = await syncStore.allowPlainHttp();
  plainHttpAllowed = allowPlainHttp;
  unsubscribe?.();
  engine?.stop();
  engine = null;
  status = null;
  // A secret store that cannot be read at all counts as no token: the status line says so instead of throwing.
  const token = settings ? await deviceToken().catch(() => null) : null;
  if (settings && token === null) status = TOKEN_LOST;
  if (settings && token !== null) {
    engine = createSyncEngine({
      store: syncStore, serverUrl: settings.serverUrl, token, deviceId: settings.deviceId, fetch: browserFetch,
      connectivity: browserConnectivity, allowPlainHttp, pinnedFingerprint: settings.certFingerprint ?? null,
      certificateCheck: hostCertificateCheck(),
    });
    unsubscribe = engine.subscribe((s) => { status = s; emit(); });
    engine.start();
  }
  emit();
}

/** Stops sync (the window is closing). */
export function stopAppSync(): void {
  engine?.stop();
}

/** Runs a sync cycle now ("立即同步"). */
export function syncNow(): Promise<Result<CycleReport, SyncFailure>> {
  if (engine) return engine.syncNow();
  return Promise.resolve({ ok: false, error: status?.lastError ?? { kind: 'notEnrolled' } });
}

const subscribe = (l: () => void) => { listeners.add(l); return () => { listeners.delete(l); }; };

/** The engine's live status (null while not enrolled). */
export function useSyncEngineStatus(): SyncEngineStatus | null {
  return useSyncExternalStore(subscribe, () => status);
}

/** Whether plain HTTP to the LAN is allowed on this PC (undefined while loading). */
export function usePlainHttpAllowed(): boolean | undefined {
  return useSyncExternalStore(subscribe, () => plainHttpAllowed);
}
