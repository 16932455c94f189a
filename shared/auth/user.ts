/*
 * A user of Fapiao Desk (issue #13), a synced record (entity 'user', table 'users'), so an office's users and
 * roles are the same on every PC and on the server, which checks each mutation against its author's role.
 * The password is stored only as an Argon2id hash (shared/auth/password.ts); lockout counters are per PC and
 * never synced.
 */
import type { RecordMeta } from '../sync/entities';
import type { Role } from './roles';

/** A user as stored and synced. `login` is unique, fixed at creation, and is what audit entries name. */
export interface UserRecord extends RecordMeta {
  readonly login: string;
  readonly displayName: string;
  readonly role: Role;
  /** Argon2id PHC string (`$argon2id$v=19$m=…,t=…,p=…$salt$hash`). */
  readonly passwordHash: string;
  /** Set when an admin reset the password: the user must choose a new one at the next sign-in. */
  readonly mustChangePassword: boolean;
  /** Argon2id hash of the printed recovery code (the first administrator only; '' otherwise). */
  readonly recoveryHash: string;
  /** A disabled user cannot sign in; users are never deleted, so the audit trail's names stay meaningful. */
  readonly disabled: boolean;
}

/** Login names: 2–32 letters, digits, '.', '_' or '-', or CJK characters; compared as typed (trimmed). */
export const LOGIN_PATTERN = /^[\p{L}\p{N}._-]{2,32}$/u;

/** True when `login` is acceptable as a login name. */
export function isValidLogin(login: string): boolean {
  return LOGIN_PATTERN.test(login);
}

/** Shortest password accepted. */
export const MIN_PASSWORD_LENGTH = 8;

/** Failed sign-ins in a row that lock an account on this PC, and for how long. */
export const LOCKOUT_ATTEMPTS = 5;
export const LOCKOUT_MS = 5 * 60 * 1000;

/** Idle time after which the app signs the user out, unless an admin set another (minutes). */
export const DEFAULT_IDLE_MINUTES = 15;
