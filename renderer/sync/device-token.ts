/*
 * The device token is a password for the office server: it lives in this PC's secret store (sealed by the OS in the
 * desktop app, encrypted in the browser profile otherwise), never in the ledger. Builds before issue #13 kept it in
 * the ledger's sync settings; the first read moves it into the secret store and removes it from the ledger.
 */
import type { SyncRepository } from '../db/sync-repository';
import type { LocalSecretStore } from '../platform/local-secrets';

/** The token kept for this PC, moving an older build's copy out of the ledger first; null when none is readable. */
export async function readDeviceToken(
  store: Pick<SyncRepository, 'legacyToken' | 'dropLegacyToken'>,
  secrets: Pick<LocalSecretStore, 'get' | 'set'>,
): Promise<string | null> {
  const kept = await secrets.get('sync-token');
  const legacy = await store.legacyToken();
  if (legacy === null) return kept;
  // The secret store's copy wins (a newer enrollment); the ledger's copy goes only once the secret store holds one.
  if (kept === null) {
    try {
      await secrets.set('sync-token', legacy);
    } catch {
      return legacy; // the store refused (full disk, keyring error): sync on with the old copy, move it next time
    }
  }
  await store.dropLegacyToken();
  return kept ?? legacy;
}
