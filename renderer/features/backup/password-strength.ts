/*
 * A rough password strength (0–4) from estimated entropy: character classes present times length, with penalties
 * for runs, repeats and well-known choices. It only guides the clerk; the repository's Argon2id does the real work.
 */

/** 0 too weak … 4 strong. */
export type Strength = 0 | 1 | 2 | 3 | 4;

/** Shorter than this is refused. */
export const MIN_PASSWORD_LENGTH = 10;

const COMMON = ['password', '123456', 'qwerty', 'admin', 'fapiao', 'woaini', '888888', '666666', 'abc123', '111111', 'iloveyou'];

function poolSize(password: string): number {
  let pool = 0;
  if (/[a-z]/.test(password)) pool += 26;
  if (/[A-Z]/.test(password)) pool += 26;
  if (/[0-9]/.test(password)) pool += 10;
  if (/[^A-Za-z0-9\u3400-\u9fff]/.test(password)) pool += 33;
  // Chinese characters: a large alphabet, counted conservatively.
  if (/[\u3400-\u9fff]/.test(password)) pool += 500;
  return pool;
}

/** Length in characters (a Chinese character or an emoji counts once). */
export function passwordLength(password: string): number {
  return Array.from(password).length;
}

/** Estimated bits of entropy after penalties. */
export function passwordBits(password: string): number {
  const chars = Array.from(password);
  if (chars.length === 0) return 0;
  const lower = password.toLowerCase();
  // Runs (aaaa) and sequences (1234, abcd) add little.
  let effective = 0;
  for (let i = 0; i < chars.length; i++) {
    const prev = chars[i - 1]?.codePointAt(0);
    const cur = chars[i]?.codePointAt(0) ?? 0;
    effective += prev !== undefined && (cur === prev || cur === prev + 1 || cur === prev - 1) ? 0.25 : 1;
  }
  let bits = effective * Math.log2(Math.max(poolSize(password), 2));
  if (COMMON.some((c) => lower.includes(c))) bits -= 20;
  return Math.max(0, bits);
}

/** The strength class of a password. */
export function passwordStrength(password: string): Strength {
  if (passwordLength(password) < MIN_PASSWORD_LENGTH) return 0;
  const bits = passwordBits(password);
  if (bits < 40) return 1;
  if (bits < 60) return 2;
  if (bits < 80) return 3;
  return 4;
}
