import { describe, expect, it } from 'vitest';
import { argon2Verify } from 'hash-wasm';
import {
  constantTimeEqual, DEFAULT_PASSWORD_PARAMS, hashPassword, hashRecoveryCode, needsRehash, newRecoveryCode, normalizeRecoveryCode,
  passwordProblem, RECOVERY_ALPHABET, TEST_PASSWORD_PARAMS, verifyPassword, verifyRecoveryCode,
} from './password';
import { formatPhc, fromBase64NoPad, parsePhc, toBase64NoPad } from './phc';

/** A deterministic byte source (xorshift), so tests do not depend on crypto. */
function seeded(seed: number) {
  let x = seed;
  return (n: number) => Uint8Array.from({ length: n }, () => {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    return x & 0xff;
  });
}
const fast = { random: seeded(7), params: TEST_PASSWORD_PARAMS };

describe('hashPassword / verifyPassword', () => {
  it('writes an Argon2id PHC string that a standard verifier accepts, and verifies it back', async () => {
    const phc = await hashPassword('正确的密码 horse', fast);
    expect(phc).toMatch(/^\$argon2id\$v=19\$m=64,t=1,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(await argon2Verify({ password: '正确的密码 horse', hash: phc })).toBe(true);
    expect(await verifyPassword('正确的密码 horse', phc)).toBe(true);
    expect(await verifyPassword('正确的密码 horsf', phc)).toBe(false);
    expect(await verifyPassword('', phc)).toBe(false);
  });

  it('uses a fresh salt for every hash', async () => {
    const a = await hashPassword('same password', fast);
    const b = await hashPassword('same password', fast);
    expect(a).not.toBe(b);
  });

  it('treats the same characters typed in another Unicode form as the same password', async () => {
    const phc = await hashPassword('caf\u00e9-密码-2024', fast);
    expect(await verifyPassword('cafe\u0301-密码-2024', phc)).toBe(true);
  });

  it('refuses malformed hashes and hashes asking for too much memory or too many passes', async () => {
    const phc = await hashPassword('password1', fast);
    const parsed = parsePhc(phc);
    expect(parsed).not.toBeNull();
    if (!parsed) return;
    const greedy = formatPhc({ ...parsed, params: { memoryKiB: 4 * 1024 * 1024, iterations: 1, parallelism: 1 } });
    const slow = formatPhc({ ...parsed, params: { memoryKiB: 64, iterations: 1000, parallelism: 1 } });
    for (const bad of ['', 'plain text', greedy, slow, phc.replace('argon2id', 'argon2i'), phc.replace('v=19', 'v=16'), `${phc}$x`, phc.slice(0, -30)]) {
      expect(await verifyPassword('password1', bad), bad).toBe(false);
    }
  });

  it('says when a stored hash is weaker than the defaults', async () => {
    expect(needsRehash(await hashPassword('password1', fast))).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
    expect(needsRehash(await hashPassword('password1', fast), TEST_PASSWORD_PARAMS)).toBe(false);
  });

  it('defaults to OWASP’s Argon2id parameters (19 MiB, 2 passes, 1 lane)', () => {
    expect(DEFAULT_PASSWORD_PARAMS).toEqual({ memoryKiB: 19456, iterations: 2, parallelism: 1 });
  });
});

describe('constantTimeEqual', () => {
  it('compares bytes', () => {
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 3))).toBe(true);
    expect(constantTimeEqual(Uint8Array.of(1, 2, 3), Uint8Array.of(1, 2, 4))).toBe(false);
    expect(constantTimeEqual(Uint8Array.of(1, 2), Uint8Array.of(1, 2, 3))).toBe(false);
  });
});

describe('base64 without padding', () => {
  it('round-trips every length and matches the standard alphabet', () => {
    for (let n = 0; n < 40; n++) {
      const bytes = seeded(n + 1)(n);
      const text = toBase64NoPad(bytes);
      expect(text).not.toContain('=');
      expect(fromBase64NoPad(text)).toEqual(bytes);
    }
    expect(toBase64NoPad(Uint8Array.of(0xfb, 0xff))).toBe('+/8');
    expect(fromBase64NoPad('a*b')).toBeNull();
    expect(fromBase64NoPad('abcde')).toBeNull();
  });
});

describe('recovery codes', () => {
  it('are 4 groups of 5 unambiguous characters, different each time', () => {
    const random = seeded(99);
    const codes = Array.from({ length: 50 }, () => newRecoveryCode(random));
    for (const code of codes) {
      expect(code).toMatch(/^[2-9A-HJ-NP-Z]{5}(-[2-9A-HJ-NP-Z]{5}){3}$/);
      for (const ch of code.replaceAll('-', '')) expect(RECOVERY_ALPHABET).toContain(ch);
    }
    expect(new Set(codes).size).toBe(codes.length);
    expect(RECOVERY_ALPHABET).not.toMatch(/[01IO]/);
    expect(RECOVERY_ALPHABET).toHaveLength(32);
  });

  it('verify as typed: lower case, spaces or other dashes instead of hyphens', async () => {
    const code = newRecoveryCode(seeded(3));
    const phc = await hashRecoveryCode(code, fast);
    const typed = ` ${code.toLowerCase().replaceAll('-', ' － ')} `;
    expect(normalizeRecoveryCode(typed)).toBe(code.replaceAll('-', ''));
    expect(await verifyRecoveryCode(typed, phc)).toBe(true);
    expect(await verifyRecoveryCode(code.replace(/.$/, (c) => (c === '2' ? '3' : '2')), phc)).toBe(false);
  });
});

describe('passwordProblem', () => {
  it('refuses short passwords and the login name as password', () => {
    expect(passwordProblem('short', 'wang')).toBe('tooShort');
    expect(passwordProblem('七个汉字的密码', 'wang')).toBe('tooShort');
    expect(passwordProblem('八个汉字的好密码', 'wang')).toBeNull();
    expect(passwordProblem('Wang.Li01', 'wang.li01')).toBe('sameAsLogin');
    expect(passwordProblem('correct horse', 'wang')).toBeNull();
  });
});
