import { describe, expect, it } from 'vitest';
import type { DesktopApi } from '../../shared/ipc';
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

const win = (storage: Storage, api?: object) => ({ localStorage: storage, ...(api ? { desktop: api } : {}) }) as unknown as Window;

describe('local secrets (renderer)', () => {
  it('in the desktop app are sealed by the OS and never left in localStorage', async () => {
    const storage = memoryStorage();
    const { api, sealed } = desktop(true);
    const store = localSecrets(win(storage, api));
    expect(await store.set('local-backup-password', 'pw 2026')).toBe('os');
    expect(sealed.get('local-backup-password')).toBe('pw 2026');
    expect(storage.length).toBe(0);
    expect(await store.get('local-backup-password')).toBe('pw 2026');
  });

  it('move a password an older build kept in localStorage into the OS store', async () => {
    const storage = memoryStorage();
    storage.setItem('fapiao.backup.localPassword', 'old pw');
    const { api, sealed } = desktop(true);
    expect(await localSecrets(win(storage, api)).get('local-backup-password')).toBe('old pw');
    expect(sealed.get('local-backup-password')).toBe('old pw');
    expect(storage.getItem('fapiao.backup.localPassword')).toBeNull();
  });

  it('fall back to localStorage, and say "plain", where the OS or the host has no encryption', async () => {
    const storage = memoryStorage();
    const noKeyring = localSecrets(win(storage, desktop(false).api));
    expect(await noKeyring.set('local-backup-password', 'pw')).toBe('plain');
    expect(await noKeyring.get('local-backup-password')).toBe('pw');
    const browser = localSecrets(win(memoryStorage()));
    expect(await browser.set('local-backup-password', 'pw')).toBe('plain');
    expect(await browser.get('local-backup-password')).toBe('pw');
  });
});
