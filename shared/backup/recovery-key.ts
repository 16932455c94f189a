/*
 * Recovery keys: a second way to open a repository, printed on paper when the password is set. A key is 30
 * symbols from an alphabet without look-alikes (no 0/O, 1/I/L), about 148 random bits, shown as 6 groups of 5.
 * With that much entropy no password stretching is needed: the key-encryption key is an HKDF-SHA-256 of the key.
 */
import { utf8 } from './bytes';
import { hkdf, randomBytes } from './web-crypto';

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const GROUPS = 6;
const GROUP_LENGTH = 5;

/** A new random recovery key, "XXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXX". `random` returns n random bytes (default: the CSPRNG). */
export function newRecoveryKey(random: (length: number) => Uint8Array = randomBytes): string {
  let symbols = '';
  while (symbols.length < GROUPS * GROUP_LENGTH) {
    for (const byte of random(32)) {
      // 31 symbols: bytes from 248 up are skipped so every symbol is equally likely.
      if (byte >= 248 || symbols.length === GROUPS * GROUP_LENGTH) continue;
      symbols += ALPHABET[byte % ALPHABET.length] ?? '';
    }
  }
  return formatRecoveryKey(symbols);
}

function formatRecoveryKey(symbols: string): string {
  return Array.from({ length: GROUPS }, (_, g) => symbols.slice(g * GROUP_LENGTH, (g + 1) * GROUP_LENGTH)).join('-');
}

/**
 * The canonical form of a typed recovery key (upper case, groups joined by "-"), or null when the text is not one.
 * Spaces, dashes and lower case are forgiven, and so are the look-alikes a reader may type from paper (O→0 is not
 * in the alphabet, so O, I and L are refused rather than guessed).
 */
export function parseRecoveryKey(text: string): string | null {
  const symbols = text.normalize('NFKC').toUpperCase().replace(/[\s\-‐‑–—_]/g, '');
  if (!new RegExp(`^[${ALPHABET}]{${String(GROUPS * GROUP_LENGTH)}}$`).test(symbols)) return null;
  return formatRecoveryKey(symbols);
}

/** The 32-byte key-encryption key of a (canonical) recovery key, bound to one repository by its id. */
export function recoveryKek(canonicalKey: string, repoIdBytes: Uint8Array): Promise<Uint8Array> {
  return hkdf(utf8(canonicalKey.replace(/-/g, '')), repoIdBytes, 'fapiao-desk-backup/1/recovery-kek', 32);
}
