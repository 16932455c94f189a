/*
 * Sign-in passwords and the administrator's recovery code (issue #13), kept only as Argon2id hashes in PHC strings
 * (hash-wasm, WebAssembly: the same code in the renderer, Node and tests). Verifying recomputes the hash with the
 * stored salt and parameters (bounded first, see phc.ts) and compares in constant time.
 */
import { argon2id } from 'hash-wasm';
import { utf8 } from '../backup/bytes';
import { MIN_PASSWORD_LENGTH } from './user';
import { formatPhc, parsePhc, type Argon2Params } from './phc';

export type { Argon2Params } from './phc';

/**
 * OWASP’s Argon2id minimum for passwords (19 MiB, 2 passes, 1 lane): about 60 ms in WebAssembly on a 2-core
 * PC, so a sign-in stays well under a second while each guess at a stolen hash costs that much too.
 */
export const DEFAULT_PASSWORD_PARAMS: Argon2Params = { memoryKiB: 19 * 1024, iterations: 2, parallelism: 1 };

/** Tiny parameters for tests only (they make guessing cheap). */
export const TEST_PASSWORD_PARAMS: Argon2Params = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** Random bytes (crypto.getRandomValues in the app; seeded in tests). */
export type RandomBytes = (length: number) => Uint8Array;

/** What hashing needs: a random source for the salt, and optionally other parameters. */
export interface HashOptions {
  readonly random: RandomBytes;
  readonly params?: Argon2Params;
}

const SALT_BYTES = 16;
const HASH_BYTES = 32;

function argon(secret: string, salt: Uint8Array, params: Argon2Params, hashLength: number): Promise<Uint8Array> {
  return argon2id({
    // NFC: the same characters typed on any keyboard or input method give the same bytes.
    password: utf8(secret.normalize('NFC')),
    salt,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength,
    outputType: 'binary',
  });
}

/** The Argon2id PHC string of a password (a fresh random salt each time). */
export async function hashPassword(password: string, options: HashOptions): Promise<string> {
  const params = options.params ?? DEFAULT_PASSWORD_PARAMS;
  const salt = options.random(SALT_BYTES);
  return formatPhc({ params, salt, hash: await argon(password, salt, params, HASH_BYTES) });
}

/** Equality of two byte arrays in time that depends only on their length. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/** True when `password` matches the PHC string; false also for a malformed or out-of-bounds one. */
export async function verifyPassword(password: string, phc: string): Promise<boolean> {
  const parsed = parsePhc(phc);
  // hash-wasm refuses an empty password; no stored password is empty (passwordProblem), so it never matches.
  if (!parsed || password === '') return false;
  return constantTimeEqual(await argon(password, parsed.salt, parsed.params, parsed.hash.length), parsed.hash);
}

/** True when a stored hash was made with weaker parameters than `params` (hash again at the next sign-in). */
export function needsRehash(phc: string, params: Argon2Params = DEFAULT_PASSWORD_PARAMS): boolean {
  const parsed = parsePhc(phc);
  if (!parsed) return true;
  return parsed.params.memoryKiB < params.memoryKiB || parsed.params.iterations < params.iterations;
}

/** Letters and digits that cannot be mistaken for each other when written down (no 0/O, 1/I). */
export const RECOVERY_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
const GROUPS = 4;
const GROUP_LENGTH = 5;

/** A new recovery code: 4 groups of 5 characters (100 random bits), e.g. `7KQ2M-XW9PD-…`, shown once to be printed. */
export function newRecoveryCode(random: RandomBytes): string {
  // 32 symbols: the low 5 bits of each byte pick one uniformly.
  const bytes = random(GROUPS * GROUP_LENGTH);
  const chars = Array.from(bytes, (b) => RECOVERY_ALPHABET.charAt(b & 31));
  return Array.from({ length: GROUPS }, (_, g) => chars.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH).join('')).join('-');
}

/** A typed recovery code in its canonical form: upper case, without spaces or dashes of any width. */
export function normalizeRecoveryCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s\-‐-―－]/g, '');
}

/** The Argon2id PHC string of a recovery code (hashed in its canonical form). */
export function hashRecoveryCode(code: string, options: HashOptions): Promise<string> {
  return hashPassword(normalizeRecoveryCode(code), options);
}

/** True when a typed recovery code matches its stored hash. */
export function verifyRecoveryCode(typed: string, phc: string): Promise<boolean> {
  return verifyPassword(normalizeRecoveryCode(typed), phc);
}

/** Why a new password is refused: too short, or the login name itself. */
export type PasswordProblem = 'tooShort' | 'sameAsLogin';

/** The problem with a new password, or null when it may be used. */
export function passwordProblem(password: string, login: string): PasswordProblem | null {
  if (Array.from(password).length < MIN_PASSWORD_LENGTH) return 'tooShort';
  if (password.trim().toLowerCase() === login.trim().toLowerCase()) return 'sameAsLogin';
  return null;
}
