/*
 * The app's one sync engine: started when this device is enrolled, restarted on a new enrollment, stopped
 * when the window goes away. Screens read its status through useSyncEngineStatus.
 */
import { useSyncExternalStore } from 'react';
import type { Result } from '../../shared/domain/result';
import { syncStore, type SyncSettings } from '../db';
import { browserConnectivity } from './browser-connectivity';
import { createSyncEngine, type SyncEngine, type SyncEngineStatus } from './engine';
import { realTimers } from './http';
import { SyncClient } from './sync-client';
import type { CycleReport } from './sync-cycle';
import type { SyncFailure } from './sync-failure';

let engine: SyncEngine | null = null;
let status: SyncEngineStatus | null = null;
let unsubscribe: (() => void) | null = null;
const listeners = new Set<() => void>();
const emit = () => { for (const l of listeners) l(); };
const browserFetch: typeof fetch = (input, init) => fetch(input, init);

/** Starts (or restarts) sync with the stored enrollment; does nothing when this device is not enrolled. */
export async function startAppSync(): Promise<void> {
  const settings = await syncStore.settings();
  unsubscribe?.();
  engine?.stop();
  engine = null;
  status = null;
  if (settings) {
    engine = createSyncEngine({
      store: syncStore, serverUrl: settings.serverUrl, token: settings.token, deviceId: settings.deviceId,
      fetch: browserFetch, connectivity: browserConnectivity,
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
  return engine ? engine.syncNow() : Promise.resolve({ ok: false, error: { kind: 'notEnrolled' } });
}

/** The engine's live status (null while not enrolled). */
export function useSyncEngineStatus(): SyncEngineStatus | null {
  return useSyncExternalStore((l) => { listeners.add(l); return () => { listeners.delete(l); }; }, () => status);
}

/** Trades an enrollment code for a device token, stores it and starts syncing. */
export async function enrollDevice(serverUrl: string, enrollmentCode: string, deviceName: string): Promise<Result<SyncSettings, SyncFailure>> {
  const url = serverUrl.trim().replace(/\/+$/, '');
  const client = new SyncClient({ fetch: browserFetch, timers: realTimers, timeoutMs: 15_000 }, url, '');
  const r = await client.enroll(enrollmentCode.trim(), deviceName.trim());
  if (!r.ok) return r;
  const settings: SyncSettings = { serverUrl: url, deviceId: r.value.deviceId, token: r.value.token, deviceName: deviceName.trim(), enrolledAt: new Date().toISOString() };
  await syncStore.saveSettings(settings);
  await startAppSync();
  return { ok: true, value: settings };
}
