import { describe, expect, it } from 'vitest';
import { verifyChain } from '../../shared/audit/audit-chain';
import { TEST_PASSWORD_PARAMS, verifyPassword } from '../../shared/auth/password';
import type { Actor } from '../../shared/auth/roles';
import { LOCKOUT_ATTEMPTS } from '../../shared/auth/user';
import { mutationActions } from '../../shared/auth/mutation-actions';
import { makeTestDb } from './test-db';
import { UserRepository } from './user-repository';
import type { WriteContext } from './write-context';

let seed = 1;
const random = (n: number) => Uint8Array.from({ length: n }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);

/** A database with a context whose actor the test switches, like the app's session. */
function setup() {
  const { db, ctx: base } = makeTestDb(null);
  let actor: Actor | null = null;
  let clock = Date.UTC(2026, 0, 1);
  const ctx: WriteContext = {
    get user() { return actor?.login ?? ''; },
    actor: () => actor,
    device: base.device,
    now: () => new Date(clock).toISOString(),
    newId: base.newId,
  };
  const users = new UserRepository(db, ctx, { random, passwordParams: TEST_PASSWORD_PARAMS });
  return {
    db, users,
    as: (a: Actor | null) => { actor = a; },
    advance: (ms: number) => { clock += ms; },
  };
}

async function withAdmin() {
  const s = setup();
  const first = await s.users.createFirstAdmin({ login: 'wang', displayName: '王会计', password: 'admin-pass-1' });
  if (!first.ok) throw new Error('setup');
  s.as({ login: 'wang', role: 'admin' });
  return { ...s, recoveryCode: first.value.recoveryCode, admin: first.value.user };
}

describe('UserRepository: the first administrator', () => {
  it('is created only while there are no users, with a recovery code shown once and kept as a hash', async () => {
    const { db, users } = setup();
    expect(await users.isEmpty()).toBe(true);
    const weak = await users.createFirstAdmin({ login: 'wang', displayName: '王会计', password: 'short' });
    expect(weak).toEqual({ ok: false, error: { kind: 'weakPassword', problem: 'tooShort' } });
    expect(await users.createFirstAdmin({ login: 'a b', displayName: 'x', password: 'admin-pass-1' })).toEqual({ ok: false, error: { kind: 'invalidLogin' } });
    const r = await users.createFirstAdmin({ login: ' wang ', displayName: ' 王  会计 ', password: 'admin-pass-1' });
    expect(r).toMatchObject({ ok: true, value: { user: { login: 'wang', displayName: '王 会计', role: 'admin', mustChangePassword: false, disabled: false, createdBy: 'wang' } } });
    if (!r.ok) return;
    expect(r.value.recoveryCode).toMatch(/^[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){3}$/);
    expect(r.value.user).not.toHaveProperty('passwordHash');
    const stored = await users.byLogin('wang');
    expect(stored?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword('admin-pass-1', stored?.passwordHash ?? '')).toBe(true);
    expect(JSON.stringify(stored)).not.toContain(r.value.recoveryCode);
    expect(await users.createFirstAdmin({ login: 'li', displayName: '李', password: 'admin-pass-2' })).toEqual({ ok: false, error: { kind: 'alreadySetUp' } });
    // Synced like every record: one outbox mutation by the new admin; the audit entry holds no hash.
    const [m] = await db.outbox.toArray();
    expect(m).toMatchObject({ entity: 'user', op: 'upsert', by: 'wang', baseVersion: 0 });
    expect(m?.changes['passwordHash']).toBe(stored?.passwordHash);
    const audit = await db.audit.toArray();
    expect(audit).toEqual([expect.objectContaining({ action: 'create', entity: 'user', user: 'wang', device: 'test-pc · 00000000' })]);
    expect(JSON.stringify(audit)).not.toContain('$argon2id$');
  });
});

describe('UserRepository: an admin manages users', () => {
  it('adds a user with a temporary password they must change, refuses a taken login', async () => {
    const { users } = await withAdmin();
    const r = await users.add({ login: 'li', displayName: '李录入', role: 'clerk' });
    expect(r).toMatchObject({ ok: true, value: { user: { login: 'li', role: 'clerk', mustChangePassword: true, createdBy: 'wang' } } });
    if (!r.ok) return;
    expect(r.value.temporaryPassword).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    const signed = await users.signIn('li', r.value.temporaryPassword);
    expect(signed).toMatchObject({ ok: true, value: { actor: { login: 'li', role: 'clerk' }, mustChangePassword: true } });
    expect(await users.add({ login: 'li', displayName: '另一个李', role: 'auditor' })).toEqual({ ok: false, error: { kind: 'loginTaken' } });
  });

  it('changes roles and names, disables and enables, but never leaves no enabled administrator', async () => {
    const { users, admin } = await withAdmin();
    const li = await users.add({ login: 'li', displayName: '李', role: 'clerk' });
    if (!li.ok) throw new Error('setup');
    expect(await users.update(li.value.user.id, { role: 'auditor', displayName: '李审核' })).toMatchObject({ ok: true, value: { role: 'auditor', displayName: '李审核' } });
    expect(await users.update(admin.id, { role: 'clerk' })).toEqual({ ok: false, error: { kind: 'lastAdmin' } });
    expect(await users.update(admin.id, { disabled: true })).toEqual({ ok: false, error: { kind: 'lastAdmin' } });
    expect(await users.update(li.value.user.id, { role: 'admin' })).toMatchObject({ ok: true });
    expect(await users.update(admin.id, { disabled: true })).toMatchObject({ ok: true, value: { disabled: true } });
    expect(await users.signIn('wang', 'admin-pass-1')).toEqual({ ok: false, error: { kind: 'disabled' } });
    expect(await users.update('no-such-id', { disabled: true })).toEqual({ ok: false, error: { kind: 'notFound' } });
  });

  it('resets a forgotten password: the old one stops working, the temporary one must be replaced', async () => {
    const { users, as } = await withAdmin();
    const li = await users.add({ login: 'li', displayName: '李', role: 'clerk' });
    if (!li.ok) throw new Error('setup');
    as(null);
    const changed = await users.changeOwnPassword('li', li.value.temporaryPassword, 'li-own-pass-1');
    expect(changed).toMatchObject({ ok: true, value: { mustChangePassword: false } });
    as({ login: 'wang', role: 'admin' });
    const reset = await users.resetPassword(li.value.user.id);
    if (!reset.ok) throw new Error('reset');
    expect(await users.signIn('li', 'li-own-pass-1')).toMatchObject({ ok: false, error: { kind: 'wrongPassword' } });
    expect(await users.signIn('li', reset.value.temporaryPassword)).toMatchObject({ ok: true, value: { mustChangePassword: true } });
  });
});

describe('UserRepository: sign-in', () => {
  it('locks a login for 5 minutes after 5 wrong passwords, audited; the right password then waits too', async () => {
    const { db, users, advance } = await withAdmin();
    for (let i = 1; i < LOCKOUT_ATTEMPTS; i++) {
      expect(await users.signIn('wang', `wrong-${String(i)}`)).toEqual({ ok: false, error: { kind: 'wrongPassword', attemptsLeft: LOCKOUT_ATTEMPTS - i } });
    }
    expect(await users.signIn('wang', 'wrong-5')).toEqual({ ok: false, error: { kind: 'locked', until: '2026-01-01T00:05:00.000Z', minutesLeft: 5 } });
    expect(await users.signIn('wang', 'admin-pass-1')).toMatchObject({ ok: false, error: { kind: 'locked', minutesLeft: 5 } });
    advance(4 * 60_000 + 1000);
    expect(await users.signIn('wang', 'admin-pass-1')).toMatchObject({ ok: false, error: { kind: 'locked', minutesLeft: 1 } });
    advance(60_000);
    expect(await users.signIn('wang', 'admin-pass-1')).toMatchObject({ ok: true, value: { actor: { login: 'wang', role: 'admin' } } });
    const events = (await db.audit.orderBy('seq').toArray()).filter((e) => e.entity === 'user' && e.action !== 'create');
    expect(events.map((e) => e.action)).toEqual([...Array<string>(LOCKOUT_ATTEMPTS).fill('signInFailed'), 'lockout', 'signInFailed', 'signInFailed', 'signIn']);
    expect(events.at(-1)).toMatchObject({ user: 'wang', entityId: 'wang', device: 'test-pc · 00000000' });
    expect(events[0]).toMatchObject({ user: '', entityId: 'wang', after: { purpose: 'signIn', reason: 'wrongPassword', failures: 1 } });
    expect(verifyChain(await db.audit.orderBy('seq').toArray()).ok).toBe(true);
    // A success clears the count.
    expect(await db.signins.get('wang')).toBeUndefined();
  });

  it('answers an unknown login exactly like a wrong password', async () => {
    const { users } = await withAdmin();
    expect(await users.signIn('nobody', 'whatever-1')).toEqual({ ok: false, error: { kind: 'wrongPassword', attemptsLeft: LOCKOUT_ATTEMPTS - 1 } });
  });

  it('audits sign-out with the reason', async () => {
    const { db, users } = await withAdmin();
    await users.signOut('idle');
    expect((await db.audit.orderBy('seq').last())).toMatchObject({ action: 'signOut', user: 'wang', after: { reason: 'idle' } });
  });
});

describe('UserRepository: own password and recovery', () => {
  it('changes the own password only with the current one; the change needs no role on the server', async () => {
    const { db, users, as } = await withAdmin();
    as(null);
    expect(await users.changeOwnPassword('wang', 'not-it-123', 'new-admin-pass')).toMatchObject({ ok: false, error: { kind: 'wrongPassword' } });
    expect(await users.changeOwnPassword('wang', 'admin-pass-1', 'wang')).toEqual({ ok: false, error: { kind: 'weakPassword', problem: 'tooShort' } });
    expect(await users.changeOwnPassword('wang', 'admin-pass-1', 'new-admin-pass')).toMatchObject({ ok: true });
    expect(await users.signIn('wang', 'new-admin-pass')).toMatchObject({ ok: true });
    const m = await db.outbox.orderBy('mutationId').last();
    const before = { ...(await users.byLogin('wang')), passwordHash: 'old' };
    expect(m).toMatchObject({ by: 'wang', entity: 'user' });
    if (!m) return;
    expect(mutationActions({ entity: 'user', op: m.op, changes: m.changes, current: before, resolves: false, by: m.by ?? '' })).toEqual([]);
  });

  it('recovers the administrator with the printed code, which is then used up and replaced', async () => {
    const { users, recoveryCode, as } = await withAdmin();
    as(null);
    expect(await users.recoverAdmin('wang', 'AAAAA-BBBBB-CCCCC-DDDDD', 'recovered-pass')).toMatchObject({ ok: false, error: { kind: 'wrongPassword' } });
    const r = await users.recoverAdmin('wang', recoveryCode.toLowerCase().replaceAll('-', ' '), 'recovered-pass');
    expect(r).toMatchObject({ ok: true, value: { user: { login: 'wang' } } });
    if (!r.ok) return;
    expect(r.value.recoveryCode).not.toBe(recoveryCode);
    expect(await users.signIn('wang', 'recovered-pass')).toMatchObject({ ok: true });
    expect(await users.recoverAdmin('wang', recoveryCode, 'another-pass-1')).toMatchObject({ ok: false, error: { kind: 'wrongPassword' } });
    expect(await users.recoverAdmin('wang', r.value.recoveryCode, 'another-pass-1')).toMatchObject({ ok: true });
  });

  it('has no recovery code for users other than the first administrator', async () => {
    const { users } = await withAdmin();
    const li = await users.add({ login: 'li', displayName: '李', role: 'admin' });
    if (!li.ok) throw new Error('setup');
    expect(await users.recoverAdmin('li', '', 'recovered-pass')).toMatchObject({ ok: false, error: { kind: 'wrongPassword' } });
  });
});

describe('UserRepository: settings', () => {
  it('keeps the idle sign-out time (admin only, 1–480 minutes, 15 by default)', async () => {
    const { users, as } = await withAdmin();
    expect(await users.idleMinutes()).toBe(15);
    expect(await users.setIdleMinutes(0)).toEqual({ ok: false, error: { kind: 'outOfRange' } });
    expect(await users.setIdleMinutes(30)).toEqual({ ok: true, value: 30 });
    expect(await users.idleMinutes()).toBe(30);
    as({ login: 'li', role: 'clerk' });
    expect(await users.setIdleMinutes(60)).toMatchObject({ ok: false, error: { kind: 'forbidden', needs: ['admin'] } });
  });
});
