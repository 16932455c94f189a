/*
 * Password → key-encryption key (KEK) with Argon2id (hash-wasm, WebAssembly). Parameters come from repo.hdr,
 * which anyone can edit, so they are bounded BEFORE use: a header asking for 4 GiB would otherwise freeze or
 * crash the app, and one asking for 8 KiB would make guessing cheap.
 */
import { argon2id } from 'hash-wasm';
import { utf8 } from './bytes';
import type { KdfParams } from './types';

/** Parameters of new repositories: 64 MiB, 3 passes, 1 lane (docs/backup-format.md). */
export const DEFAULT_KDF: KdfParams = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 };

/** Bounds a header's parameters must meet before Argon2id runs. */
export const KDF_LIMITS = {
  minMemoryKiB: 64 * 1024,
  maxMemoryKiB: 1024 * 1024,
  minIterations: 3,
  maxIterations: 16,
  maxParallelism: 8,
} as const;

/** Tiny parameters that make tests fast; accepted only with the explicit `allowWeakKdf` test option. */
export const TEST_ONLY_WEAK_KDF: KdfParams = { memoryKiB: 64, iterations: 1, parallelism: 1 };

/** Why parameters are refused (English detail for the message), or null when they are within bounds. */
export function kdfProblem(params: KdfParams, allowWeak: boolean): string | null {
  const { memoryKiB, iterations, parallelism } = params;
  if (![memoryKiB, iterations, parallelism].every((n) => Number.isSafeInteger(n) && n >= 1)) return 'parameters are not positive integers';
  if (memoryKiB > KDF_LIMITS.maxMemoryKiB) return `memory ${String(Math.round(memoryKiB / 1024))} MiB exceeds ${String(KDF_LIMITS.maxMemoryKiB / 1024)} MiB`;
  if (iterations > KDF_LIMITS.maxIterations) return `${String(iterations)} passes exceed ${String(KDF_LIMITS.maxIterations)}`;
  if (parallelism > KDF_LIMITS.maxParallelism) return `${String(parallelism)} lanes exceed ${String(KDF_LIMITS.maxParallelism)}`;
  if (memoryKiB < 8 * parallelism) return 'memory is below Argon2’s minimum';
  if (allowWeak) return null;
  if (memoryKiB < KDF_LIMITS.minMemoryKiB) return `memory ${String(memoryKiB)} KiB is below ${String(KDF_LIMITS.minMemoryKiB / 1024)} MiB`;
  if (iterations < KDF_LIMITS.minIterations) return `${String(iterations)} passes are below ${String(KDF_LIMITS.minIterations)}`;
  return null;
}

/** The 32-byte KEK for a password (NFC-normalised UTF-8, so the same characters typed anywhere give one key). */
export function deriveKek(password: string, salt: Uint8Array, params: KdfParams): Promise<Uint8Array> {
  return argon2id({
    password: utf8(password.normalize('NFC')),
    salt,
    iterations: params.iterations,
    parallelism: params.parallelism,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
}
