import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { SyncRepository } from '../db/sync-repository';
import { makeTestDb } from '../db/test-db';
import { localSecrets } from '../platform/local-secrets';
import { readDeviceToken } from './device-token';

const settings = { serverUrl: 'https://192.168.1.10:8787', deviceId: 'd1', deviceName: 'pc', enrolledAt: 't0' };

function pc() {
  const { db, ctx } = makeTestDb();
  const m = new Map<string, string>();
  const storage = { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => { m.set(k, v); }, removeItem: (k: string) => { m.delete(k); }, get length() { return m.size; } };
  const win = { localStorage: storage, indexedDB: new IDBFactory(), crypto: globalThis.crypto } as unknown as Window;
  return { db, store: new SyncRepository(db, ctx.now), secrets: localSecrets(win) };
}

describe('device token', () => {
  it('an enrollment from before issue #13: the token moves from the ledger into the secret store on first read', async () => {
    const { db, store, secrets } = pc();
    await db.meta.put({ key: 'sync.settings', value: { ...settings, token: 'tok-old' } });
    expect(await readDeviceToken(store, secrets)).toBe('tok-old');
    expect(await secrets.get('sync-token')).toBe('tok-old');
    expect(JSON.stringify(await db.meta.toArray())).not.toContain('tok-old');
    expect(await store.settings()).toEqual(settings);
    expect(await readDeviceToken(store, secrets)).toBe('tok-old');
  });

  it('the secret store wins over a stale ledger copy, which is removed', async () => {
    const { db, store, secrets } = pc();
    await secrets.set('sync-token', 'tok-new');
    await db.meta.put({ key: 'sync.settings', value: { ...settings, token: 'tok-old' } });
    expect(await readDeviceToken(store, secrets)).toBe('tok-new');
    expect(await store.legacyToken()).toBeNull();
  });

  it('no token anywhere reads as null (the engine then reports tokenLost)', async () => {
    const { db, store, secrets } = pc();
    await db.meta.put({ key: 'sync.settings', value: settings });
    expect(await readDeviceToken(store, secrets)).toBeNull();
  });

  it('when the secret store cannot keep it, the ledger copy stays and is used (nothing is lost)', async () => {
    const { db, store } = pc();
    await db.meta.put({ key: 'sync.settings', value: { ...settings, token: 'tok-old' } });
    const failing = { get: () => Promise.resolve(null), set: () => Promise.reject(new Error('disk full')) };
    expect(await readDeviceToken(store, failing)).toBe('tok-old');
    expect(await store.legacyToken()).toBe('tok-old');
  });
});
