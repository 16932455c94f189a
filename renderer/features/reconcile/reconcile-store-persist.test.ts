import { describe, expect, it, vi } from 'vitest';

// localStorage as a Map, holding what an earlier session saved, before the store module loads and rehydrates.
const storage = new Map<string, string>([['fapiao.reconcile', JSON.stringify({ state: { companyTaxId: '91110108690017781B', companyName: '北京某某科技有限公司', direction: 'out' }, version: 0 })]]);
const localStorage = {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => { storage.set(k, v); },
  removeItem: (k: string) => { storage.delete(k); },
};
// zustand's persist reads window.localStorage.
vi.stubGlobal('window', { localStorage });
const { useReconcileUi } = await import('./reconcile-store');

describe('the company settings', () => {
  it('come back from the last session: tax id, name and direction', () => {
    expect(useReconcileUi.getState()).toMatchObject({ companyTaxId: '91110108690017781B', companyName: '北京某某科技有限公司', direction: 'out' });
  });

  it('are saved on this PC when changed, the company name beside the tax id, and nothing of the session', () => {
    useReconcileUi.getState().set({ companyName: '上海某某有限公司', companyTaxId: '91310000MA1FL0AB1X', month: '2024-05' });
    const saved = JSON.parse(storage.get('fapiao.reconcile') ?? '{}') as { state?: Record<string, unknown> };
    expect(saved.state).toEqual({ companyTaxId: '91310000MA1FL0AB1X', companyName: '上海某某有限公司', direction: 'out' });
  });
});
