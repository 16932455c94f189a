import 'fake-indexeddb/auto';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { MemoryRepoStore } from '../../../shared/backup/memory-store';
import type { InvoiceContent } from '../../../shared/domain/invoice';
import { fen } from '../../../shared/domain/money';

// The app's modules run as in the browser: IndexedDB from fake-indexeddb, localStorage as a Map.
const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => { storage.set(k, v); },
  removeItem: (k: string) => { storage.delete(k); },
});
const { backUp, restore, snapshots, unlock, verify } = await import('./backup-actions');
const { invoices, setSessionActor } = await import('../../db');
// Writes need a signed-in user (issue #13); an administrator may do all of this.
setSessionActor({ login: 'tester', role: 'admin' });
const { LedgerDb } = await import('../../db/db');

const content = (n: number): InvoiceContent => ({
  kind: 'e_normal', code: '033002000211', number: String(83089640 + n), issueDate: '2020-07-23',
  buyer: { name: '江苏京利华新材料有限公司', taxId: '91320115MA202UKD7X' },
  seller: { name: '兰溪市悦济舫餐厅', taxId: '92330781MA2EDMFU50' },
  lines: [], amount: fen(51068), tax: fen(1532), total: fen(52600), taxRate: '0.03', checkCode: '', remarks: '', isRed: false,
});

const PASSWORD = 'kettle-river-47-财务';
const store = new MemoryRepoStore();

beforeAll(async () => {
  for (let i = 0; i < 3; i++) {
    const blob = new Blob([`scan ${String(i)} `.repeat(50_000)]);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', await blob.arrayBuffer()));
    const sha256 = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    await invoices.create(content(i), { warnings: [], attachments: [{ sha256, name: `scan-${String(i)}.pdf`, type: 'application/pdf', blob }] });
  }
});

describe('backup actions over the real format', () => {
  it('backs up, survives a cancelled backup with earlier snapshots intact, verifies, and restores into a swapped-in ledger', async () => {
    const opened = await unlock(store, PASSWORD, true);
    if (!opened.ok) throw new Error(JSON.stringify(opened.error));
    const repo = opened.value;
    const progress: number[] = [];
    const first = await backUp(repo, { onProgress: (p) => progress.push(p.done) });
    expect(first.ok).toBe(true);
    expect(progress.length).toBeGreaterThan(0);

    await invoices.create(content(9), { warnings: [] });
    const controller = new AbortController();
    const cancelled = await backUp(repo, { signal: controller.signal, onProgress: () => { controller.abort(); } });
    expect(cancelled).toMatchObject({ ok: false, error: { from: 'format', error: { kind: 'cancelled' } } });
    const list = await snapshots(repo);
    expect(list.ok && list.value.map((s) => s.tables.invoices)).toEqual([3]);
    expect((await verify(store, 2, PASSWORD)).ok).toBe(true);

    expect((await unlock(store, 'not the password', false))).toMatchObject({ ok: false, error: { error: { kind: 'wrong-password' } } });
    const id = list.ok ? list.value[0]?.id : undefined;
    expect(await restore(repo, id ?? '')).toEqual({ ok: true, value: null });
    const active = storage.get('fapiao.ledger.active');
    expect(active).toMatch(/^fapiao-desk-restored-/);
    const restored = new LedgerDb(active);
    const numbers = (await restored.invoices.toArray()).map((r) => r.number).sort();
    expect(numbers).toEqual(['83089640', '83089641', '83089642']);
    expect(await restored.attachments.count()).toBe(3);
    restored.close();
  });
});
