/*
 * Users (issue #13): the first administrator, users an admin adds, roles, disabling, password resets, a user's own
 * password change and the administrator's recovery code. User records are synced like every entity (record, audit
 * entry and outbox mutation in one transaction), so every PC and the office server know the same users and roles;
 * the audit entries never hold a password hash (only that it changed). Sign-in itself is in sign-in.ts.
 * Hashing (Argon2id, tens of milliseconds) runs before a write's transaction opens: awaiting anything but Dexie
 * inside one would let it commit early.
 */
import {
  DEFAULT_PASSWORD_PARAMS, hashPassword, hashRecoveryCode, newRecoveryCode, normalizeRecoveryCode, passwordProblem, RECOVERY_ALPHABET,
  verifyPassword, type Argon2Params, type PasswordProblem, type RandomBytes,
} from '../../shared/auth/password';
import type { Actor, PermissionRefusal, Role } from '../../shared/auth/roles';
import { DEFAULT_IDLE_MINUTES, isValidLogin, type UserRecord } from '../../shared/auth/user';
import { err, ok, type Result } from '../../shared/domain/result';
import { diffFields } from '../../shared/sync/outbox';
import type { LedgerDb } from './db';
import { journalTables } from './entity-records';
import { journalChanges } from './journal';
import { appendAuditEvents } from './audit-events';
import { refusal, refusalIn } from './permission';
import { checkCredentials, type SignInError } from './sign-in';
import type { WriteContext } from './write-context';

/** A user as the screens see one: everything but the hashes. */
export type PublicUser = Omit<UserRecord, 'passwordHash' | 'recoveryHash'>;

/** Why a user write did nothing. */
export type UserError =
  | PermissionRefusal
  | { readonly kind: 'invalidLogin' }
  | { readonly kind: 'loginTaken' }
  | { readonly kind: 'invalidDisplayName' }
  | { readonly kind: 'weakPassword'; readonly problem: PasswordProblem }
  | { readonly kind: 'notFound' }
  | { readonly kind: 'alreadySetUp' }
  /** The change would leave no enabled administrator. */
  | { readonly kind: 'lastAdmin' };

/** A successful sign-in: the session's actor, the user, and whether they must first choose a new password. */
export interface SignedIn {
  readonly actor: Actor;
  readonly user: PublicUser;
  readonly mustChangePassword: boolean;
}

export type { SignInError } from './sign-in';

/** The outcome of a user write. */
export type UserOutcome<T> = Result<T, UserError>;

/** What the user repository needs besides the database: a random source and (in tests) cheaper hashing. */
export interface UserRepositoryOptions {
  readonly random: RandomBytes;
  readonly passwordParams?: Argon2Params;
}

/** Where the admin's idle sign-out setting is kept (meta; local to this PC's ledger). */
export const IDLE_MINUTES_KEY = 'auth.idleMinutes';

const HASH_FIELDS = ['passwordHash', 'recoveryHash'];
const BOOKKEEPING = ['version', 'updatedAt', 'updatedBy'];

/** The user without its hashes. */
export function publicUser(u: UserRecord): PublicUser {
  const rest: Record<string, unknown> = { ...u };
  delete rest['passwordHash'];
  delete rest['recoveryHash'];
  return rest as unknown as PublicUser;
}

/** The audit entry of a user change: field differences, with a changed hash shown only as changed. */
function auditOf(before: UserRecord | undefined, after: UserRecord) {
  const { changes, baseValues } = diffFields(before, after, BOOKKEEPING);
  for (const k of HASH_FIELDS) {
    if (k in changes) { changes[k] = '(changed)'; baseValues[k] = before ? '(old)' : null; }
  }
  return { before: before ? baseValues : null, after: changes };
}

/** A temporary password an admin hands over (3 groups of 4 unambiguous characters); the user must replace it. */
export function temporaryPassword(random: RandomBytes): string {
  const chars = Array.from(random(12), (b) => RECOVERY_ALPHABET.charAt(b & 31));
  return [0, 4, 8].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

const cleanName = (name: string) => name.trim().replace(/\s+/g, ' ');
const validName = (name: string) => name.length >= 1 && name.length <= 50 && !/\p{Cc}/u.test(name);

/** User writes and reads. */
export class UserRepository {
  constructor(
    private readonly db: LedgerDb,
    private readonly ctx: WriteContext,
    private readonly options: UserRepositoryOptions,
  ) {}

  private decoy: Promise<string> | undefined;

  private params(): Argon2Params {
    return this.options.passwordParams ?? DEFAULT_PASSWORD_PARAMS;
  }

  private hash(secret: string): Promise<string> {
    return hashPassword(secret, { random: this.options.random, params: this.params() });
  }

  /** Puts a user record and journals it, written by `user` (the admin, or the user themselves). */
  private async put(before: UserRecord | undefined, after: UserRecord, user: string): Promise<void> {
    await this.db.users.put(after);
    await journalChanges(this.db, [{ entity: 'user', action: before ? 'update' : 'create', before, after, audit: auditOf(before, after) }],
      { user, device: this.ctx.device }, after.updatedAt);
  }

  /** True while no user exists: the app shows 创建管理员 (or joining an office server) instead of signing in. */
  async isEmpty(): Promise<boolean> {
    return (await this.db.users.count()) === 0;
  }

  /** Every user (disabled ones too), by login. */
  async list(): Promise<PublicUser[]> {
    return (await this.db.users.orderBy('login').toArray()).map(publicUser);
  }

  /** One user by login (the whole record: sign-in and recovery need the hashes). */
  async byLogin(login: string): Promise<UserRecord | undefined> {
    return this.db.users.where('login').equals(login.trim()).first();
  }

  /**
   * Creates the first administrator, only while there are no users; returns the user and the recovery code to be
   * printed (shown once: only its hash is kept).
   */
  async createFirstAdmin(input: { readonly login: string; readonly displayName: string; readonly password: string }): Promise<UserOutcome<{ user: PublicUser; recoveryCode: string }>> {
    const login = input.login.trim();
    const displayName = cleanName(input.displayName);
    if (!isValidLogin(login)) return err({ kind: 'invalidLogin' });
    if (!validName(displayName)) return err({ kind: 'invalidDisplayName' });
    const problem = passwordProblem(input.password, login);
    if (problem) return err({ kind: 'weakPassword', problem });
    if (!(await this.isEmpty())) return err({ kind: 'alreadySetUp' });
    const recoveryCode = newRecoveryCode(this.options.random);
    const passwordHash = await this.hash(input.password);
    const recoveryHash = await hashRecoveryCode(recoveryCode, { random: this.options.random, params: this.params() });
    return this.db.transaction('rw', journalTables(this.db, ['user']), async (): Promise<UserOutcome<{ user: PublicUser; recoveryCode: string }>> => {
      // Checked again inside the transaction: two windows setting up at once make one administrator, not two.
      if ((await this.db.users.count()) > 0) return err({ kind: 'alreadySetUp' });
      const at = this.ctx.now();
      const user: UserRecord = {
        id: this.ctx.newId(), createdBy: login, createdAt: at, updatedBy: login, updatedAt: at, version: 0, deleted: false,
        login, displayName, role: 'admin', passwordHash, mustChangePassword: false, recoveryHash, disabled: false,
      };
      await this.put(undefined, user, login);
      return ok({ user: publicUser(user), recoveryCode });
    });
  }

  /** Adds a user (admin); returns the user and a temporary password to hand over, which they must change. */
  async add(input: { readonly login: string; readonly displayName: string; readonly role: Role }): Promise<UserOutcome<{ user: PublicUser; temporaryPassword: string }>> {
    const login = input.login.trim();
    const refused = await refusal(this.db, this.ctx, 'user.manage', { entity: 'user', entityId: login });
    if (refused) return err(refused);
    const displayName = cleanName(input.displayName);
    if (!isValidLogin(login)) return err({ kind: 'invalidLogin' });
    if (!validName(displayName)) return err({ kind: 'invalidDisplayName' });
    if (await this.byLogin(login)) return err({ kind: 'loginTaken' });
    const password = temporaryPassword(this.options.random);
    const passwordHash = await this.hash(password);
    return this.db.transaction('rw', journalTables(this.db, ['user']), async (): Promise<UserOutcome<{ user: PublicUser; temporaryPassword: string }>> => {
      if (await this.byLogin(login)) return err({ kind: 'loginTaken' });
      const at = this.ctx.now();
      const by = this.ctx.user;
      const user: UserRecord = {
        id: this.ctx.newId(), createdBy: by, createdAt: at, updatedBy: by, updatedAt: at, version: 0, deleted: false,
        login, displayName, role: input.role, passwordHash, mustChangePassword: true, recoveryHash: '', disabled: false,
      };
      await this.put(undefined, user, by);
      return ok({ user: publicUser(user), temporaryPassword: password });
    });
  }

  /** Changes a user's display name, role or whether they may sign in (admin); the last enabled admin stays one. */
  async update(id: string, patch: { readonly displayName?: string; readonly role?: Role; readonly disabled?: boolean }): Promise<UserOutcome<PublicUser>> {
    const displayName = patch.displayName === undefined ? undefined : cleanName(patch.displayName);
    if (displayName !== undefined && !validName(displayName)) return err({ kind: 'invalidDisplayName' });
    return this.db.transaction('rw', journalTables(this.db, ['user']), async (): Promise<UserOutcome<PublicUser>> => {
      const before = await this.db.users.get(id);
      const refused = await refusalIn(this.db, this.ctx, 'user.manage', { entity: 'user', entityId: before?.login ?? id });
      if (refused) return err(refused);
      if (!before) return err({ kind: 'notFound' });
      const after: UserRecord = {
        ...before,
        ...(displayName === undefined ? {} : { displayName }),
        ...(patch.role === undefined ? {} : { role: patch.role }),
        ...(patch.disabled === undefined ? {} : { disabled: patch.disabled }),
        updatedAt: this.ctx.now(), updatedBy: this.ctx.user,
      };
      const stillAdmin = (u: UserRecord) => u.role === 'admin' && !u.disabled;
      if (stillAdmin(before) && !stillAdmin(after)) {
        const admins = await this.db.users.filter(stillAdmin).count();
        if (admins <= 1) return err({ kind: 'lastAdmin' });
      }
      await this.put(before, after, this.ctx.user);
      return ok(publicUser(after));
    });
  }

  /** Resets a forgotten password (admin): returns a temporary password; the user must choose a new one at sign-in. */
  async resetPassword(id: string): Promise<UserOutcome<{ user: PublicUser; temporaryPassword: string }>> {
    const target = await this.db.users.get(id);
    const refused = await refusal(this.db, this.ctx, 'user.manage', { entity: 'user', entityId: target?.login ?? id });
    if (refused) return err(refused);
    if (!target) return err({ kind: 'notFound' });
    const password = temporaryPassword(this.options.random);
    const passwordHash = await this.hash(password);
    return this.db.transaction('rw', [...journalTables(this.db, ['user']), this.db.signins], async (): Promise<UserOutcome<{ user: PublicUser; temporaryPassword: string }>> => {
      const before = await this.db.users.get(id);
      if (!before) return err({ kind: 'notFound' });
      const after: UserRecord = { ...before, passwordHash, mustChangePassword: true, updatedAt: this.ctx.now(), updatedBy: this.ctx.user };
      await this.put(before, after, this.ctx.user);
      // A reset also lifts this PC's lockout of the account.
      await this.db.signins.delete(before.login);
      return ok({ user: publicUser(after), temporaryPassword: password });
    });
  }

  /**
   * Signs `login` in with `password` (lockout, disabled users and auditing in sign-in.ts); on success the actor for
   * the session and whether the password must be changed first (after an admin's reset).
   */
  async signIn(login: string, password: string): Promise<Result<SignedIn, SignInError>> {
    const checked = await checkCredentials(this.db, this.ctx, login, (u) => this.verifyOrDecoy(password, u?.passwordHash), 'signIn');
    if (!checked.ok) return checked;
    const u = checked.user;
    await appendAuditEvents(this.db, [{ action: 'signIn', entity: 'user', entityId: u.login }], { user: u.login, device: this.ctx.device }, this.ctx.now());
    return ok({ actor: { login: u.login, role: u.role }, user: publicUser(u), mustChangePassword: u.mustChangePassword });
  }

  /** Audits that the signed-in user signed out (by choice, to switch user, or after the idle time). */
  async signOut(reason: 'user' | 'switch' | 'idle'): Promise<void> {
    const login = this.ctx.user;
    if (login === '') return;
    await appendAuditEvents(this.db, [{ action: 'signOut', entity: 'user', entityId: login, after: { reason } }], { user: login, device: this.ctx.device }, this.ctx.now());
  }

  /** A user changes their own password, proving the current one (which counts toward the lockout). */
  async changeOwnPassword(login: string, current: string, next: string): Promise<Result<PublicUser, UserError | SignInError>> {
    const problem = passwordProblem(next, login.trim());
    if (problem) return err({ kind: 'weakPassword', problem });
    const checked = await checkCredentials(this.db, this.ctx, login, (u) => this.verifyOrDecoy(current, u?.passwordHash), 'changePassword');
    if (!checked.ok) return checked;
    return this.writeOwnPassword(checked.user.login, await this.hash(next));
  }

  /**
   * The administrator forgot the password: the printed recovery code sets a new one. The code is used up; a new one
   * is returned to be printed.
   */
  async recoverAdmin(login: string, code: string, next: string): Promise<Result<{ user: PublicUser; recoveryCode: string }, UserError | SignInError>> {
    const problem = passwordProblem(next, login.trim());
    if (problem) return err({ kind: 'weakPassword', problem });
    const hasCode = (u: UserRecord | undefined) => u?.role === 'admin' && u.recoveryHash !== '';
    const checked = await checkCredentials(this.db, this.ctx, login,
      async (u) => (await this.verifyOrDecoy(code, hasCode(u) ? u?.recoveryHash : undefined, normalizeRecoveryCode)) && hasCode(u), 'recovery');
    if (!checked.ok) return checked;
    const recoveryCode = newRecoveryCode(this.options.random);
    const recoveryHash = await hashRecoveryCode(recoveryCode, { random: this.options.random, params: this.params() });
    const written = await this.writeOwnPassword(checked.user.login, await this.hash(next), recoveryHash);
    return written.ok ? ok({ user: written.value, recoveryCode }) : written;
  }

  /** Verifies against the stored hash, or against a decoy when there is none, so both take the same time. */
  private async verifyOrDecoy(secret: string, phc: string | undefined, normalize: (s: string) => string = (s) => s): Promise<boolean> {
    this.decoy ??= this.hash('decoy password that matches nothing');
    const matches = await verifyPassword(normalize(secret), phc ?? (await this.decoy));
    return phc !== undefined && matches;
  }

  /** Stores a verified user's new password hash (and recovery hash), written by that user themselves. */
  private async writeOwnPassword(login: string, passwordHash: string, recoveryHash?: string): Promise<UserOutcome<PublicUser>> {
    return this.db.transaction('rw', journalTables(this.db, ['user']), async (): Promise<UserOutcome<PublicUser>> => {
      const before = await this.byLogin(login);
      if (!before) return err({ kind: 'notFound' });
      const after: UserRecord = {
        ...before, passwordHash, mustChangePassword: false, ...(recoveryHash === undefined ? {} : { recoveryHash }),
        updatedAt: this.ctx.now(), updatedBy: before.login,
      };
      await this.put(before, after, before.login);
      return ok(publicUser(after));
    });
  }

  /** Minutes of inactivity after which the app signs the user out. */
  async idleMinutes(): Promise<number> {
    const v = (await this.db.meta.get(IDLE_MINUTES_KEY))?.value;
    return typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 480 ? v : DEFAULT_IDLE_MINUTES;
  }

  /** Sets the idle sign-out time (admin; 1–480 minutes). */
  async setIdleMinutes(minutes: number): Promise<Result<number, PermissionRefusal | { readonly kind: 'outOfRange' }>> {
    const refused = await refusal(this.db, this.ctx, 'settings.edit', { entity: 'settings', entityId: IDLE_MINUTES_KEY });
    if (refused) return err(refused);
    if (!Number.isInteger(minutes) || minutes < 1 || minutes > 480) return err({ kind: 'outOfRange' });
    await this.db.meta.put({ key: IDLE_MINUTES_KEY, value: minutes });
    return ok(minutes);
  }
}
