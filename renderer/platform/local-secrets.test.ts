import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../shared/ipc';
import { browserSecrets, SECRETS_DB } from './browser-secrets';
import { localSecrets } from './local-secrets';

/** A Storage over a Map (the tests run without a DOM). */
function memoryStorage(): Storage {
  const m = new Map<string, string>();
  return {
    get length() { return m.size; },
    clear: () => { m.clear(); },
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => { m.delete(k); },
    setItem: (k, v) => { m.set(k, v); },
  };
}

/** A desktop bridge whose OS store is a Map, or reports no OS encryption. */
function desktop(available: boolean) {
  const sealed = new Map<string, string>();
  const api: Pick<DesktopApi, 'getLocalSecret' | 'setLocalSecret'> = {
    getLocalSecret: ({ name }) => Promise.resolve(available ? { ok: true, value: { value: sealed.get(name) ?? null } } : { ok: false, error: { kind: 'unavailable', message: 'no keyring' } }),
    setLocalSecret: ({ name, value }) => {
      if (!available) return Promise.resolve({ ok: false, error: { kind: 'unavailable', message: 'no keyring' } });
      if (value === null) sealed.delete(name);
      else sealed.set(name, value);
      return Promise.resolve({ ok: true, value: {} });
    },
  };
  return { api, sealed };
}

/** A window with its own localStorage and IndexedDB, and Node's WebCrypto. */
function win(storage: Storage, api?: object, indexedDB = new IDBFactory()) {
  return { localStorage: storage, indexedDB, crypto: globalThis.crypto, ...(api ? { desktop: api } : {}) } as unknown as Window;
}

/** Every value stored in the secrets database, as the browser would show it in its IndexedDB viewer. */
async function rawRows(idb: IDBFactory): Promise<unknown[]> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const r = idb.open(SECRETS_DB);
    r.onsuccess = () => { resolve(r.result); };
    r.onerror = () => { reject(new Error('open')); };
  });
  const rows = await new Promise<unknown[]>((resolve) => {
    const r = db.transaction('secrets').objectStore('secrets').getAll();
    r.onsuccess = () => { resolve(r.result); };
  });
  db.close();
  return rows;
}

describe('local secrets (renderer)', () => {
  it('in the desktop app are sealed by the OS and never left in localStorage', async () => {
    const storage = memoryStorage();
    const { api, sealed } = desktop(true);
    const store = localSecrets(win(storage, api));
    expect(await store.set('local-backup-password', 'pw 2026')).toBe('os');
    expect(await store.set('sync-token', 'token-abc')).toBe('os');
    expect(sealed.get('local-backup-password')).toBe('pw 2026');
    expect(sealed.get('sync-token')).toBe('token-abc');
    expect(storage.length).toBe(0);
    expect(await store.get('local-backup-password')).toBe('pw 2026');
  });

  it('move a password an older build kept in localStorage into the OS store', async () => {
    const storage = memoryStorage();
    storage.setItem('fapiao.backup.localPassword', 'old pw');
    const { api, sealed } = desktop(true);
    expect(await localSecrets(win(storage, api)).get('local-backup-password')).toBe('old pw');
    expect(sealed.get('local-backup-password')).toBe('old pw');
    expect(storage.length).toBe(0);
  });

  it('in a browser are encrypted in IndexedDB under a non-extractable key, never in localStorage', async () => {
    const storage = memoryStorage();
    const idb = new IDBFactory();
    const store = localSecrets(win(storage, undefined, idb));
    expect(await store.set('sync-token', 'token-青岛-0123')).toBe('browser');
    expect(await store.set('local-backup-password', 'backup pw')).toBe('browser');
    expect(storage.length).toBe(0);
    const rows = await rawRows(idb);
    expect(rows).toHaveLength(2);
    const text = JSON.stringify(rows, (_k, v: unknown) => (v instanceof ArrayBuffer ? new TextDecoder().decode(v) : v));
    expect(text).not.toContain('token');
    expect(text).not.toContain('backup pw');
    expect(await store.get('sync-token')).toBe('token-青岛-0123');
    // Another window over the same profile (a reload) reads them back with the stored key.
    expect(await localSecrets(win(storage, undefined, idb)).get('local-backup-password')).toBe('backup pw');
    await store.set('sync-token', null);
    expect(await store.get('sync-token')).toBeNull();
  });

  it('the browser key cannot be exported, and a value moved to another name does not decrypt', async () => {
    const idb = new IDBFactory();
    const secrets = browserSecrets({ indexedDB: idb, crypto: globalThis.crypto });
    await secrets.set('sync-token', 'tok');
    const db = await new Promise<IDBDatabase>((resolve) => { const r = idb.open(SECRETS_DB); r.onsuccess = () => { resolve(r.result); }; });
    const key = await new Promise<CryptoKey>((resolve) => {
      const r = db.transaction('keys').objectStore('keys').get('aes-gcm');
      r.onsuccess = () => { resolve(r.result as CryptoKey); };
    });
    expect(key.extractable).toBe(false);
    await expect(globalThis.crypto.subtle.exportKey('raw', key)).rejects.toThrow();
    const sealed = await new Promise<unknown>((resolve) => {
      const r = db.transaction('secrets').objectStore('secrets').get('sync-token');
      r.onsuccess = () => { resolve(r.result); };
    });
    await new Promise<void>((resolve) => {
      const tx = db.transaction('secrets', 'readwrite');
      tx.objectStore('secrets').put(sealed, 'local-backup-password');
      tx.oncomplete = () => { resolve(); };
    });
    db.close();
    expect(await secrets.get('local-backup-password')).toBeNull();
    expect(await secrets.get('sync-token')).toBe('tok');
  });

  it('in a browser move what an older build left in localStorage, and delete it there', async () => {
    const storage = memoryStorage();
    storage.setItem('fapiao.backup.localPassword', 'old pw');
    storage.setItem('fapiao.secret.local-backup-password', 'newer pw');
    storage.setItem('fapiao.secret.sync-token', 'old token');
    const idb = new IDBFactory();
    const store = localSecrets(win(storage, undefined, idb));
    expect(await store.get('local-backup-password')).toBe('newer pw');
    expect(await store.get('sync-token')).toBe('old token');
    expect(storage.length).toBe(0);
    expect(await localSecrets(win(memoryStorage(), undefined, idb)).get('sync-token')).toBe('old token');
  });

  it('where the OS has no encryption use the browser store, and move into the OS store once it has', async () => {
    const storage = memoryStorage();
    const idb = new IDBFactory();
    const noKeyring = localSecrets(win(storage, desktop(false).api, idb));
    expect(await noKeyring.set('local-backup-password', 'pw')).toBe('browser');
    expect(await noKeyring.get('local-backup-password')).toBe('pw');
    expect(storage.length).toBe(0);
    const { api, sealed } = desktop(true);
    expect(await localSecrets(win(storage, api, idb)).get('local-backup-password')).toBe('pw');
    expect(sealed.get('local-backup-password')).toBe('pw');
    expect(await browserSecrets({ indexedDB: idb, crypto: globalThis.crypto }).get('local-backup-password')).toBeNull();
  });
});
