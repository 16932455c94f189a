import { MIN_PASSWORD_LENGTH } from '../../../shared/auth/user';

/** A rough strength hint while a password is typed; the real protection is Argon2id and the lockout. */
export type PasswordHint = 'weak' | 'fair' | 'good';

/** Weak below the minimum length or with one kind of character; good when long and mixed. */
export function passwordHint(password: string): PasswordHint {
  const length = Array.from(password).length;
  const kinds = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z\d]/].filter((r) => r.test(password)).length;
  if (length < MIN_PASSWORD_LENGTH || kinds < 2) return 'weak';
  return length >= 12 && kinds >= 3 ? 'good' : 'fair';
}
