// Secrets kept for this PC (the automatic local backup's password, the office server's device token), encrypted by the OS through Electron's
// safeStorage (DPAPI on Windows, Keychain on macOS, libsecret/kwallet on Linux) and stored as one file each in
// userData/secrets. Where the OS offers no real encryption (Linux without a keyring falls back to a fixed key,
// "basic_text"), nothing is stored and the renderer is told so, instead of pretending the secret is protected.
import { mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { err, ok, type Result } from '../../shared/domain/result';
import type { BackupDone, LocalSecretError, LocalSecretName, LocalSecretValue } from '../../shared/ipc';
import { writeFileAtomic } from './file-io';

/** The slice of Electron's safeStorage this module uses (injected, so tests run without Electron). */
export interface OsEncryption {
  /** True only when the OS really encrypts (not Linux's basic_text fallback). */
  readonly available: () => boolean;
  readonly encrypt: (plain: string) => Uint8Array;
  readonly decrypt: (sealed: Uint8Array) => string;
}

/** The secrets methods of DesktopApi. */
export interface LocalSecrets {
  readonly get: (name: LocalSecretName) => Promise<Result<LocalSecretValue, LocalSecretError>>;
  readonly set: (name: LocalSecretName, value: string | null) => Promise<Result<BackupDone, LocalSecretError>>;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const isMissing = (e: unknown): boolean => (e as { code?: string } | null)?.code === 'ENOENT';

/** Secrets in `<userDataDir>/secrets/<name>.bin`, sealed by `os`. */
export function createLocalSecrets(userDataDir: string, os: OsEncryption): LocalSecrets {
  const fileOf = (name: LocalSecretName) => path.join(userDataDir, 'secrets', `${name}.bin`);
  // An error message goes to the renderer, which must not learn where userData is.
  const io = (e: unknown): Result<never, LocalSecretError> => err({ kind: 'io', message: messageOf(e).replaceAll(userDataDir, '<userData>') });
  const unavailable = (): Result<never, LocalSecretError> => err({ kind: 'unavailable', message: 'the operating system offers no encryption for stored secrets' });
  return {
    async get(name) {
      if (!os.available()) return unavailable();
      let sealed: Uint8Array;
      try {
        sealed = await readFile(fileOf(name));
      } catch (e) {
        return isMissing(e) ? ok({ value: null }) : io(e);
      }
      try {
        return ok({ value: os.decrypt(sealed) });
      } catch (e) {
        // Another OS account, a reinstalled OS or a reset keyring: the secret is gone, and the clerk sets it again.
        return err({ kind: 'unreadable', message: messageOf(e) });
      }
    },
    async set(name, value) {
      try {
        if (value === null) {
          await rm(fileOf(name), { force: true });
          return ok({});
        }
        if (!os.available()) return unavailable();
        await mkdir(path.dirname(fileOf(name)), { recursive: true, mode: 0o700 });
        await writeFileAtomic(fileOf(name), os.encrypt(value));
        return ok({});
      } catch (e) {
        return io(e);
      }
    },
  };
}
