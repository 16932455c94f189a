/*
 * Secrets of a plain browser (or of the desktop app where the OS offers no encryption): kept in IndexedDB, encrypted
 * with AES-GCM under a key WebCrypto made non-extractable and that is itself stored in IndexedDB as a CryptoKey.
 *
 * What that buys, honestly: no secret sits as readable text in the profile (localStorage, an IndexedDB viewer, a
 * copied value), and script can use the key but never read it out. What it does not: the browser keeps the key's
 * bytes in the same profile folder, so someone who copies the whole profile, or script running on this origin, can
 * still decrypt. Only the OS store of the desktop app (safeStorage) protects against that.
 *
 * A database of its own ('fapiao-secrets'), not the ledger's: a restore swaps the ledger database and an export copies
 * it, and neither may carry this PC's secrets.
 */
import type { LocalSecretName } from '../../shared/ipc';

/** The database, its stores and the key's name. */
export const SECRETS_DB = 'fapiao-secrets';
const KEYS = 'keys';
const SECRETS = 'secrets';
const KEY_ID = 'aes-gcm';

/** One sealed secret: a fresh IV per write and the ciphertext (AES-GCM tag included). */
interface SealedSecret {
  readonly iv: Uint8Array<ArrayBuffer>;
  readonly data: ArrayBuffer;
}

/** The browser's secret store. */
export interface BrowserSecrets {
  get(name: LocalSecretName): Promise<string | null>;
  set(name: LocalSecretName, value: string | null): Promise<void>;
}

/** What the store needs from the browser (injected, so tests run on fake-indexeddb and Node's WebCrypto). */
export interface BrowserCrypto {
  readonly indexedDB: IDBFactory;
  readonly crypto: Crypto;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => { resolve(r.result); };
    r.onerror = () => { reject(r.error ?? new Error('IndexedDB request failed')); };
  });
}

function open(idb: IDBFactory): Promise<IDBDatabase> {
  const r = idb.open(SECRETS_DB, 1);
  r.onupgradeneeded = () => {
    r.result.createObjectStore(KEYS);
    r.result.createObjectStore(SECRETS);
  };
  return request(r);
}

async function inStore<T>(db: IDBDatabase, store: string, mode: IDBTransactionMode, run: (s: IDBObjectStore) => IDBRequest<T>): Promise<T> {
  const tx = db.transaction(store, mode);
  const result = await request(run(tx.objectStore(store)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => { resolve(); };
    tx.onerror = () => { reject(tx.error ?? new Error('IndexedDB transaction failed')); };
    tx.onabort = () => { reject(tx.error ?? new Error('IndexedDB transaction aborted')); };
  });
  return result;
}

/** The store over `host`'s IndexedDB and WebCrypto. */
export function browserSecrets(host: BrowserCrypto): BrowserSecrets {
  const { subtle } = host.crypto;
  let opened: Promise<IDBDatabase> | null = null;
  const db = () => (opened ??= open(host.indexedDB));

  async function key(create: boolean): Promise<CryptoKey | null> {
    const d = await db();
    const found = await inStore(d, KEYS, 'readonly', (s) => s.get(KEY_ID) as IDBRequest<CryptoKey | undefined>);
    if (found || !create) return found ?? null;
    // extractable: false: script on this origin may encrypt and decrypt with it but can never export its bytes.
    const made = await subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
    // add, not put: two first writes at once keep one key (the loser reads the winner's).
    try {
      await inStore(d, KEYS, 'readwrite', (s) => s.add(made, KEY_ID));
      return made;
    } catch {
      return key(false);
    }
  }

  // The name is the additional data: a sealed value moved under another name does not decrypt.
  const aad = (name: LocalSecretName) => new TextEncoder().encode(name);

  return {
    async get(name) {
      const k = await key(false);
      if (!k) return null;
      const sealed = await inStore(await db(), SECRETS, 'readonly', (s) => s.get(name) as IDBRequest<SealedSecret | undefined>);
      if (!sealed) return null;
      try {
        const plain = await subtle.decrypt({ name: 'AES-GCM', iv: sealed.iv, additionalData: aad(name) }, k, sealed.data);
        return new TextDecoder().decode(plain);
      } catch {
        // The key was replaced (site data partly cleared) or the value altered: the secret is gone, set it again.
        return null;
      }
    },
    async set(name, value) {
      const d = await db();
      if (value === null) {
        await inStore(d, SECRETS, 'readwrite', (s) => s.delete(name));
        return;
      }
      const k = await key(true);
      if (!k) throw new Error('no key for the secret store');
      const iv = host.crypto.getRandomValues(new Uint8Array(12));
      const data = await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad(name) }, k, new TextEncoder().encode(value));
      await inStore(d, SECRETS, 'readwrite', (s) => s.put({ iv, data } satisfies SealedSecret, name));
    },
  };
}
