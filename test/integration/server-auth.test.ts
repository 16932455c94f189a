// Who may push (issue #13): bootstrap before any user exists, authors the server does not know or that are
// disabled, the clerk's own-and-unchecked rule, a user's own password change, and logins that cannot be taken.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startServer } from '../../server/app';
import type { SyncStore } from '../../server/store/store';
import { pushResponseSchema, type WireMutation } from '../../shared/sync/protocol';
import { addCode, backends, Device, pgRequired, pgSkipReason, StorePusher, storedRecord, userChanges } from './server-harness';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 60_000 });

if (pgRequired && pgSkipReason !== undefined) {
  it('PostgreSQL is available (FAPIAO_REQUIRE_PG=1)', () => {
    throw new Error(`The PostgreSQL suite is required but cannot run: ${pgSkipReason}`);
  });
}

type Draft = Omit<WireMutation, 'id'>;
const invoice = (entityId: string, changes: Record<string, unknown>, over: Partial<Draft> = {}): Draft =>
  ({ entity: 'invoice', entityId, op: 'upsert', baseVersion: 0, changes, baseValues: {}, ...over });
const user = (entityId: string, changes: Record<string, unknown>, by: string, baseVersion = 0): Draft =>
  ({ entity: 'user', entityId, op: 'upsert', baseVersion, changes, baseValues: {}, by });
const statuses = (results: readonly { status: string }[]) => results.map((r) => r.status);

describe.each(backends())('push permissions on $name', (backend) => {
  let store: SyncStore;
  let cleanup: () => Promise<void>;
  let admin: StorePusher;
  let clerkPc: StorePusher;

  beforeAll(async () => {
    const fresh = await backend.fresh();
    store = fresh.store;
    cleanup = fresh.cleanup;
    admin = new StorePusher(store, 'dev-boss');
    clerkPc = new StorePusher(store, 'dev-li');
    const results = await admin.push([
      user('u-boss', userChanges('u-boss', 'boss', 'admin'), 'boss'),
      user('u-li', userChanges('u-li', 'li', 'clerk'), 'boss'),
      user('u-wang', userChanges('u-wang', 'wang', 'auditor'), 'boss'),
      user('u-zhao', userChanges('u-zhao', 'zhao', 'clerk', { disabled: true }), 'boss'),
    ]);
    expect(statuses(results)).toEqual(['applied', 'applied', 'applied', 'applied']);
  });
  afterAll(async () => {
    await store.close();
    await cleanup();
  });

  it('bootstrap: accepts changes without an author until the first user arrives, and counts a user created earlier in the same push', async () => {
    const fresh = await backend.fresh();
    try {
      const pc = new StorePusher(fresh.store, 'dev-first');
      // A client from before sign-in, and the first admin's own record first in their outbox.
      const results = await pc.push([
        invoice('old-1', { id: 'old-1', total: 1 }),
        invoice('old-2', { id: 'old-2', total: 2 }, { by: 'boss' }),
        user('u-boss', userChanges('u-boss', 'boss', 'admin'), 'boss'),
        user('u-li', userChanges('u-li', 'li', 'clerk'), 'boss'),
        invoice('new-1', { id: 'new-1', createdBy: 'li', status: 'entered' }, { by: 'li' }),
        invoice('new-2', { id: 'new-2' }),
        { ...user('u-li', { role: 'admin' }, 'li'), baseVersion: 4 },
      ]);
      expect(results.map((r) => [r.status, r.reason])).toEqual([
        ['applied', undefined], ['applied', undefined], ['applied', undefined], ['applied', undefined], ['applied', undefined],
        ['rejected', 'sign-in required: this change names no user'],
        ['rejected', 'forbidden: user.manage needs admin (user "li" is clerk)'],
      ]);
      expect(await storedRecord(fresh.store, 'invoice', 'new-2')).toBeUndefined();
      expect((await fresh.store.mutationLog()).at(-2)).toMatchObject({ entityId: 'new-2', status: 'rejected', reason: 'sign-in required: this change names no user' });
    } finally {
      await fresh.store.close();
      await fresh.cleanup();
    }
  });

  it('rejects authors the server does not know, and disabled users', async () => {
    const results = await clerkPc.push([
      invoice('x-1', { id: 'x-1' }, { by: 'ghost' }),
      invoice('x-2', { id: 'x-2' }, { by: 'zhao' }),
    ]);
    expect(results.map((r) => r.reason)).toEqual([
      'unknown user: "ghost" is not a user on this server',
      'user disabled: "zhao" may no longer make changes',
    ]);
  });

  it('holds a clerk to invoices they recorded that are not yet checked, and names the role that may', async () => {
    const [bosses, lis] = await admin.push([
      invoice('own-boss', { id: 'own-boss', createdBy: 'boss', status: 'entered', total: 1 }, { by: 'boss' }),
      invoice('own-li', { id: 'own-li', createdBy: 'li', status: 'verified', total: 1 }, { by: 'boss' }),
    ]);
    const notOwner = 'forbidden: invoice.edit needs admin (user "li" is clerk; a clerk may change only invoices they recorded)';
    const checked = 'forbidden: invoice.edit needs admin (user "li" is clerk; a clerk may change only invoices that are not yet checked)';
    const results = await clerkPc.push([
      invoice('own-boss', { total: 2 }, { by: 'li', baseVersion: bosses?.version ?? 0 }),
      invoice('own-li', { total: 2 }, { by: 'li', baseVersion: lis?.version ?? 0 }),
      { ...invoice('own-boss', { deletedAt: '2026-03-03T00:00:00Z' }, { by: 'li', baseVersion: bosses?.version ?? 0 }), op: 'delete' },
    ]);
    expect(results.map((r) => r.reason)).toEqual([notOwner, checked, notOwner.replace('invoice.edit', 'invoice.delete')]);
    expect(statuses(await admin.push([invoice('own-boss', { total: 3 }, { by: 'boss', baseVersion: bosses?.version ?? 0 })]))).toEqual(['applied']);
  });

  it('lets users change their own password, nothing else of their record, and no one else\'s', async () => {
    const li = await storedRecord(store, 'user', 'u-li');
    const wang = await storedRecord(store, 'user', 'u-wang');
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$bmV3c2FsdA$bmV3aGFzaA';
    const results = await clerkPc.push([
      user('u-li', { passwordHash: hash, mustChangePassword: false, updatedBy: 'li' }, 'li', li?.version),
      user('u-li', { role: 'admin' }, 'li', li?.version),
      user('u-wang', { passwordHash: hash }, 'li', wang?.version),
    ]);
    expect(results.map((r) => r.reason)).toEqual([
      undefined, 'forbidden: user.manage needs admin (user "li" is clerk)', 'forbidden: user.manage needs admin (user "li" is clerk)',
    ]);
    expect((await storedRecord(store, 'user', 'u-li'))?.data).toMatchObject({ passwordHash: hash, role: 'clerk' });
  });

  it('keeps a login with its first user: no second user takes it, and a login never changes', async () => {
    const results = await admin.push([
      user('u-li-2', userChanges('u-li-2', 'li', 'admin'), 'boss'),
      user('u-wang', { login: 'wang2' }, 'boss', (await storedRecord(store, 'user', 'u-wang'))?.version),
    ]);
    expect(results.map((r) => r.reason)).toEqual([
      'login "li" already belongs to another user', 'a user\'s login cannot change (user u-wang is "wang")',
    ]);
  });

  it('applies a role change at once: the next mutation of that user in the same push is checked against the new role', async () => {
    const pc = new StorePusher(store, 'dev-shared');
    const before = await storedRecord(store, 'user', 'u-wang');
    const results = await pc.push([
      invoice('w-1', { id: 'w-1', createdBy: 'wang' }, { by: 'wang' }),
      user('u-wang', { role: 'clerk' }, 'boss', before?.version),
      invoice('w-2', { id: 'w-2', createdBy: 'wang' }, { by: 'wang' }),
      user('u-wang', { disabled: true }, 'boss', before?.version),
      invoice('w-3', { id: 'w-3', createdBy: 'wang' }, { by: 'wang' }),
    ]);
    expect(results.map((r) => r.reason ?? r.status)).toEqual([
      'forbidden: invoice.create needs clerk or admin (user "wang" is auditor)', 'applied', 'applied', 'applied',
      'user disabled: "wang" may no longer make changes',
    ]);
  });

  it('answers a refused mutation over HTTP as rejected with the reason, and logs it', async () => {
    const lines: string[] = [];
    const server = await startServer({ store, port: 0, version: 'auth', log: (line) => { lines.push(line); } });
    try {
      await addCode(store, 'AUTH-HTTP');
      const device = await Device.enroll(server.url, 'AUTH-HTTP');
      const res = await device.push([{ ...invoice('h-1', { id: 'h-1' }, { by: 'zhao' }), id: 1 }]);
      expect(res.status).toBe(200);
      const body = pushResponseSchema.parse(res.body);
      expect(body).toEqual({ lastMutationId: 1, results: [{ id: 1, status: 'rejected', reason: 'user disabled: "zhao" may no longer make changes' }] });
      expect(lines.some((l) => l.includes(`rejected ${device.deviceId}#1: user disabled`))).toBe(true);
    } finally {
      await server.close();
    }
  });
});
