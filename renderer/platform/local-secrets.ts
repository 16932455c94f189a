/*
 * Secrets kept on this PC (the automatic local backup's password). In the desktop app main seals them with the OS
 * (safeStorage: DPAPI, Keychain, libsecret); in a plain browser, or where the OS offers no encryption, they fall back
 * to localStorage and say so ('plain'), so the page can tell the clerk.
 */
import type { DesktopApi, DesktopWindow, LocalSecretName } from '../../shared/ipc';

/** How a kept secret is protected: sealed by the OS, or stored as plain text in this browser profile. */
export type SecretProtection = 'os' | 'plain';

/** Reads and keeps secrets of this PC. */
export interface LocalSecretStore {
  /** The secret, or null when none is kept (or the OS can no longer unseal it: another account, a reset keyring). */
  get(name: LocalSecretName): Promise<string | null>;
  /** Keeps the secret (null forgets it) and says how it is protected. */
  set(name: LocalSecretName, value: string | null): Promise<SecretProtection>;
}

const plainKey = (name: LocalSecretName) => `fapiao.secret.${name}`;
/** Where builds before the OS store kept the local backup password; moved into the OS store on first read. */
const LEGACY_KEYS: Partial<Record<LocalSecretName, string>> = { 'local-backup-password': 'fapiao.backup.localPassword' };

function plainStore(storage: Storage): LocalSecretStore {
  return {
    get: (name) => Promise.resolve(storage.getItem(plainKey(name)) ?? storage.getItem(LEGACY_KEYS[name] ?? plainKey(name))),
    set: (name, value) => {
      if (value === null) storage.removeItem(plainKey(name));
      else storage.setItem(plainKey(name), value);
      const legacy = LEGACY_KEYS[name];
      if (legacy !== undefined) storage.removeItem(legacy);
      return Promise.resolve('plain');
    },
  };
}

function osStore(api: DesktopApi, storage: Storage): LocalSecretStore {
  const plain = plainStore(storage);
  return {
    async get(name) {
      const r = await api.getLocalSecret({ name });
      if (!r.ok) return r.error.kind === 'unavailable' ? plain.get(name) : null;
      if (r.value.value !== null) return r.value.value;
      // A secret an older build kept as plain text moves into the OS store, and the plain copy is removed.
      const old = await plain.get(name);
      if (old !== null) await this.set(name, old);
      return old;
    },
    async set(name, value) {
      const r = await api.setLocalSecret({ name, value });
      if (!r.ok && r.error.kind !== 'unavailable') throw new Error(r.error.message);
      if (!r.ok) return plain.set(name, value);
      await plain.set(name, null);
      return 'os';
    },
  };
}

/** The secret store of this host. */
export function localSecrets(win: Window = window): LocalSecretStore {
  const api = (win as Window & DesktopWindow).desktop;
  return api ? osStore(api, win.localStorage) : plainStore(win.localStorage);
}
