import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** SHA-256 hex of a secret: tokens and enrollment codes are stored only this way. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A new device token (256 random bits). */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** A new device id. */
export function newDeviceId(): string {
  return `dev-${randomUUID()}`;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A single-use enrollment code an admin reads out to a clerk: 4 groups of 4 unambiguous characters (80 bits). */
export function newEnrollmentCode(): string {
  const bytes = randomBytes(16);
  let code = '';
  for (let i = 0; i < 16; i += 1) {
    if (i > 0 && i % 4 === 0) code += '-';
    code += CODE_ALPHABET[(bytes[i] ?? 0) % CODE_ALPHABET.length] ?? 'A';
  }
  return code;
}

/** Codes are compared without case, spaces or dashes, so a code read aloud and typed still works. */
export function normalizeEnrollmentCode(code: string): string {
  return code.replace(/[\s-]/g, '').toUpperCase();
}

/** The token from an `Authorization: Bearer …` header, if any. */
export function bearerToken(header: string | undefined): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match?.[1];
}
