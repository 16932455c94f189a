/*
 * Checking who someone is (issue #13): a password at sign-in, the current password before a change, the recovery
 * code. Every check counts toward this PC's lockout (LOCKOUT_ATTEMPTS wrong answers in a row lock the login for
 * LOCKOUT_MS; the signins table, never synced) and is audited: 'signInFailed' (with why), 'lockout'. An unknown login
 * fails exactly like a wrong password, after the same Argon2id work, so neither the answer nor its time tells
 * which logins exist.
 */
import { LOCKOUT_ATTEMPTS, LOCKOUT_MS, type UserRecord } from '../../shared/auth/user';
import { appendAuditEvents, appendAuditEventsIn } from './audit-events';
import type { LedgerDb } from './db';
import type { WriteContext } from './write-context';

/** Why a sign-in (or a check of the current password or recovery code) failed. */
export type SignInError =
  /** Wrong password or unknown login (never told apart); `attemptsLeft` before the lock. */
  | { readonly kind: 'wrongPassword'; readonly attemptsLeft: number }
  | { readonly kind: 'locked'; readonly until: string; readonly minutesLeft: number }
  | { readonly kind: 'disabled' };

type Who = Pick<WriteContext, 'device' | 'now'>;

const lockedError = (until: string, now: string): SignInError => ({
  kind: 'locked', until, minutesLeft: Math.max(1, Math.ceil((Date.parse(until) - Date.parse(now)) / 60_000)),
});

/**
 * Checks `secret` for `login` with `verify` (run also, against a decoy, when the login is unknown), under the
 * lockout rules; the user on success. `purpose` says in the audit entry what was being checked.
 */
export async function checkCredentials(
  db: LedgerDb,
  who: Who,
  login: string,
  verify: (user: UserRecord | undefined) => Promise<boolean>,
  purpose: 'signIn' | 'changePassword' | 'recovery',
): Promise<{ ok: true; user: UserRecord } | { ok: false; error: SignInError }> {
  const name = login.trim();
  const failed = (reason: string, extra: object = {}) =>
    ({ action: 'signInFailed' as const, entity: 'user', entityId: name, after: { purpose, reason, ...extra } });
  // Failures are written by nobody: the person at the keyboard has not shown who they are.
  const audit = (events: Parameters<typeof appendAuditEvents>[1]) => appendAuditEvents(db, events, { user: '', device: who.device }, who.now());
  const row = await db.signins.get(name);
  if (row && row.lockedUntil !== '' && row.lockedUntil > who.now()) {
    await audit([failed('locked', { until: row.lockedUntil })]);
    return { ok: false, error: lockedError(row.lockedUntil, who.now()) };
  }
  const user = await db.users.where('login').equals(name).first();
  const matches = await verify(user);
  if (!user || !matches) {
    return db.transaction('rw', [db.signins, db.audit], async () => {
      const now = who.now();
      const current = await db.signins.get(name);
      // An expired lock starts a fresh count.
      const failures = (current && current.lockedUntil === '' ? current.failures : 0) + 1;
      if (failures >= LOCKOUT_ATTEMPTS) {
        const until = new Date(Date.parse(now) + LOCKOUT_MS).toISOString();
        await db.signins.put({ login: name, failures: 0, lockedUntil: until });
        await appendAuditEventsIn(db, [failed('wrongPassword', { failures }), { action: 'lockout', entity: 'user', entityId: name, after: { until } }], { user: '', device: who.device }, now);
        return { ok: false as const, error: lockedError(until, now) };
      }
      await db.signins.put({ login: name, failures, lockedUntil: '' });
      await appendAuditEventsIn(db, [failed('wrongPassword', { failures })], { user: '', device: who.device }, now);
      return { ok: false as const, error: { kind: 'wrongPassword' as const, attemptsLeft: LOCKOUT_ATTEMPTS - failures } };
    });
  }
  if (user.disabled) {
    await audit([failed('disabled')]);
    return { ok: false, error: { kind: 'disabled' } };
  }
  await db.signins.delete(name);
  return { ok: true, user };
}
