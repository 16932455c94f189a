// The audit trail on the server (issue #13): each device's chain arrives through POST /audit/push, is checked entry
// by entry (seq, link, hash, and sameness of what the server already holds) and stored append-only.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer, type RunningServer } from '../../server/app';
import type { SyncStore } from '../../server/store/store';
import { chainEntry, type AuditContent, type AuditEntry } from '../../shared/audit/audit-chain';
import { addCode, backends, call, Device, pgRequired, pgSkipReason, type Answer } from './server-harness';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

if (pgRequired && pgSkipReason !== undefined) {
  it('PostgreSQL is available (FAPIAO_REQUIRE_PG=1)', () => {
    throw new Error(`The PostgreSQL suite is required but cannot run: ${pgSkipReason}`);
  });
}

const content = (n: number, over: Partial<AuditContent> = {}): AuditContent => ({
  at: `2026-03-01T08:00:${String(n % 60).padStart(2, '0')}.000Z`, user: 'li', device: 'dev-x 财务-1', action: 'update',
  entity: 'invoice', entityId: `inv-${n}`, before: { total: n }, after: { total: n + 1, remarks: '<script>x</script>' }, ...over,
});

/** A device's chain of `n` entries. */
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) out.push(chainEntry(content(i), out.at(-1)));
  return out;
}

describe.each(backends())('audit push on $name', (backend) => {
  let store: SyncStore;
  let server: RunningServer;
  let cleanup: () => Promise<void>;
  let codes = 0;

  const device = async (): Promise<Device> => {
    codes += 1;
    await addCode(store, `AUDIT-${codes}`);
    return Device.enroll(server.url, `AUDIT-${codes}`);
  };
  const push = (d: Device, entries: readonly AuditEntry[]): Promise<Answer> =>
    call(d.base, 'POST', '/audit/push', { token: d.token, body: { deviceId: d.deviceId, entries } });
  const broken = (seq: number, reason: string, lastSeq: number) =>
    ({ status: 409, body: expect.objectContaining({ error: expect.objectContaining({ code: 'audit_broken' }) as unknown, seq, reason, lastSeq }) as unknown });
  const storedSeqs = async (d: Device): Promise<number[]> => (await store.auditPage(d.deviceId, 0, 1000)).map((e) => e.seq);

  beforeAll(async () => {
    const fresh = await backend.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    server = await startServer({ store, port: 0, version: 'audit' });
  });
  afterAll(async () => {
    await server.close();
    await store.close();
    await cleanup();
  });

  it('stores a chain in pieces, takes resent entries as duplicates, and says where it stands', async () => {
    const d = await device();
    const entries = chain(8);
    expect(await push(d, [])).toEqual({ status: 200, body: { lastSeq: 0 } });
    expect(await push(d, entries.slice(0, 5))).toEqual({ status: 200, body: { lastSeq: 5 } });
    expect(await push(d, entries.slice(3, 8))).toEqual({ status: 200, body: { lastSeq: 8 } });
    expect(await push(d, entries)).toEqual({ status: 200, body: { lastSeq: 8 } });
    expect(await push(d, [])).toEqual({ status: 200, body: { lastSeq: 8 } });
    const stored = await store.auditPage(d.deviceId, 0, 100);
    expect(stored.map((e) => [e.seq, e.hash, e.prevHash])).toEqual(entries.map((e) => [e.seq, e.hash, e.prevHash]));
    expect(stored[2]?.entry).toEqual(entries[2]);
  });

  it('keeps each device\'s chain apart and refuses to store under another device\'s id', async () => {
    const a = await device();
    const b = await device();
    expect((await push(a, chain(3))).body).toEqual({ lastSeq: 3 });
    expect((await push(b, chain(2))).body).toEqual({ lastSeq: 2 });
    const other = await call(a.base, 'POST', '/audit/push', { token: a.token, body: { deviceId: b.deviceId, entries: chain(3) } });
    expect(other).toMatchObject({ status: 403, body: { error: { code: 'forbidden' } } });
    expect((await call(a.base, 'POST', '/audit/push', { body: { deviceId: a.deviceId, entries: [] } })).status).toBe(401);
  });

  it('refuses a forged entry appended: a hash that is not its content\'s, or a link to something else', async () => {
    const d = await device();
    const entries = chain(4);
    expect((await push(d, entries.slice(0, 3))).body).toEqual({ lastSeq: 3 });
    const last = entries[3];
    if (!last) throw new Error('chain');
    expect(await push(d, [{ ...last, user: 'boss' }])).toEqual(broken(4, 'hash', 3));
    const relinked = chainEntry(content(4, { user: 'boss' }), { seq: 3, hash: 'f'.repeat(64) });
    expect(await push(d, [relinked])).toEqual(broken(4, 'link', 3));
    expect(await storedSeqs(d)).toEqual([1, 2, 3]);
  });

  it('refuses an edited entry in a push, naming its seq, and keeps the entries before it', async () => {
    const d = await device();
    const entries = chain(6);
    entries[3] = { ...entries[3] as AuditEntry, after: { total: 999999 } };
    const answer = await push(d, entries);
    expect(answer).toEqual(broken(4, 'hash', 3));
    expect((answer.body['error'] as { message: string }).message).toMatch(/Audit entry 4 .*hash of its content.*up to seq 3/);
    expect(await storedSeqs(d)).toEqual([1, 2, 3]);
  });

  it('refuses a deleted entry (gap), an inserted one and reordered ones (link)', async () => {
    const deleted = chain(5);
    deleted.splice(2, 1);
    expect(await push(await device(), deleted)).toEqual(broken(4, 'gap', 2));

    // An entry slipped in after seq 2 with a correct hash of its own; the old seq 3 then renumbered behind it.
    const base = chain(4);
    const inserted = chainEntry(content(99, { action: 'delete' }), base[1]);
    const renumbered = base.slice(2).map((e) => ({ ...e, seq: e.seq + 1 }));
    expect(await push(await device(), [...base.slice(0, 2), inserted, ...renumbered])).toEqual(broken(4, 'link', 3));

    // Two entries swapped, each keeping its own seq, hash and link.
    const swapped = chain(4);
    [swapped[1], swapped[2]] = [swapped[2] as AuditEntry, swapped[1] as AuditEntry];
    expect(await push(await device(), swapped)).toEqual(broken(3, 'gap', 1));
    // Swapped contents under the old seqs: entry 2 now holds entry 3's content and hash.
    const moved = chain(4);
    const [second, third] = [moved[1] as AuditEntry, moved[2] as AuditEntry];
    moved[1] = { ...third, seq: 2 };
    moved[2] = { ...second, seq: 3 };
    expect(await push(await device(), moved)).toEqual(broken(2, 'link', 1));
  });

  it('refuses a different entry under a seq it already holds (fork), and an edited resend (hash)', async () => {
    const d = await device();
    const entries = chain(3);
    expect((await push(d, entries)).body).toEqual({ lastSeq: 3 });
    const rewritten = chain(3);
    rewritten[1] = chainEntry(content(2, { user: 'mallory' }), rewritten[0]);
    expect(await push(d, rewritten)).toEqual(broken(2, 'fork', 3));
    expect(await push(d, [{ ...entries[1] as AuditEntry, user: 'mallory' }])).toEqual(broken(2, 'hash', 3));
    expect((await store.auditPage(d.deviceId, 0, 10)).map((e) => e.hash)).toEqual(entries.map((e) => e.hash));
  });

  it('refuses entries of the wrong shape before looking at them', async () => {
    const d = await device();
    const [first] = chain(1);
    const answer = await push(d, [{ ...first as AuditEntry, hash: 'not-hex' }]);
    expect(answer).toMatchObject({ status: 400, body: { error: { code: 'invalid', message: expect.stringContaining('entries.0.hash') as unknown } } });
  });
});
