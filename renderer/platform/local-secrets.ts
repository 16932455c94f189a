/*
 * Secrets kept on this PC: the automatic local backup's password and the office server's device token. In the desktop
 * app main seals them with the OS (safeStorage: DPAPI, Keychain, libsecret) and they are 'os'. In a plain browser, or
 * where the OS offers no encryption, they are kept encrypted in this browser profile (browser-secrets.ts) and are
 * 'browser', so the page can tell the admin what that does and does not protect. Nothing goes to localStorage: copies
 * older builds left there are moved into the store on first read and deleted.
 */
import type { DesktopApi, DesktopWindow, LocalSecretName } from '../../shared/ipc';
import { browserSecrets, type BrowserSecrets } from './browser-secrets';

/** How a kept secret is protected: sealed by the OS, or encrypted inside this browser profile. */
export type SecretProtection = 'os' | 'browser';

/** Reads and keeps secrets of this PC. */
export interface LocalSecretStore {
  /** The secret, or null when none is kept (or the OS can no longer unseal it: another account, a reset keyring). */
  get(name: LocalSecretName): Promise<string | null>;
  /** Keeps the secret (null forgets it) and says how it is protected. */
  set(name: LocalSecretName, value: string | null): Promise<SecretProtection>;
}

/** Where builds before issue #13 kept secrets in localStorage (as plain text). */
function legacyKeys(name: LocalSecretName): string[] {
  return name === 'local-backup-password' ? [`fapiao.secret.${name}`, 'fapiao.backup.localPassword'] : [`fapiao.secret.${name}`];
}

/** A secret an older build left in localStorage, and its removal. */
function legacyCopy(storage: Storage, name: LocalSecretName): { value: string | null; remove: () => void } {
  const keys = legacyKeys(name);
  const value = keys.map((k) => storage.getItem(k)).find((v) => v !== null) ?? null;
  return { value, remove: () => { for (const k of keys) storage.removeItem(k); } };
}

function browserStore(secrets: BrowserSecrets, storage: Storage): LocalSecretStore {
  return {
    async get(name) {
      const kept = await secrets.get(name);
      const legacy = legacyCopy(storage, name);
      if (kept !== null || legacy.value === null) { legacy.remove(); return kept; }
      await secrets.set(name, legacy.value);
      legacy.remove();
      return legacy.value;
    },
    async set(name, value) {
      await secrets.set(name, value);
      legacyCopy(storage, name).remove();
      return 'browser';
    },
  };
}

function osStore(api: DesktopApi, fallback: LocalSecretStore, secrets: BrowserSecrets, storage: Storage): LocalSecretStore {
  return {
    async get(name) {
      const r = await api.getLocalSecret({ name });
      if (!r.ok) return r.error.kind === 'unavailable' ? fallback.get(name) : null;
      if (r.value.value !== null) return r.value.value;
      // A secret kept before the OS store could seal it (an older build's localStorage copy, or the browser store while
      // the keyring was missing) moves into the OS store, and the other copy is removed.
      const old = legacyCopy(storage, name).value ?? await secrets.get(name);
      if (old !== null) await this.set(name, old);
      return old;
    },
    async set(name, value) {
      const r = await api.setLocalSecret({ name, value });
      if (!r.ok && r.error.kind !== 'unavailable') throw new Error(r.error.message);
      if (!r.ok) return fallback.set(name, value);
      await secrets.set(name, null);
      legacyCopy(storage, name).remove();
      return 'os';
    },
  };
}

const stores = new WeakMap<Window, LocalSecretStore>();

/** The secret store of this host (one per window, so its database is opened once). */
export function localSecrets(win: Window = window): LocalSecretStore {
  let store = stores.get(win);
  if (!store) {
    const api = (win as Window & DesktopWindow).desktop;
    const secrets = browserSecrets({ indexedDB: win.indexedDB, crypto: win.crypto });
    const browser = browserStore(secrets, win.localStorage);
    store = api ? osStore(api, browser, secrets, win.localStorage) : browser;
    stores.set(win, store);
  }
  return store;
}
