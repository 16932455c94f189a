/*
 * The slice of WebCrypto the backup format uses, typed here because shared/ compiles without the DOM lib.
 * `globalThis.crypto` exists in Chromium, Electron, workers and Node 20, so no host has to inject it.
 */
import { utf8 } from './bytes';

/** An opaque WebCrypto key. */
export interface CryptoKeyHandle {
  readonly type: string;
}

interface AesGcmParams {
  readonly name: 'AES-GCM';
  readonly iv: Uint8Array;
  readonly additionalData?: Uint8Array;
}

interface SubtleSlice {
  importKey(format: 'raw', key: Uint8Array, algorithm: unknown, extractable: boolean, usages: readonly string[]): Promise<CryptoKeyHandle>;
  deriveBits(algorithm: unknown, key: CryptoKeyHandle, length: number): Promise<ArrayBuffer>;
  encrypt(algorithm: AesGcmParams, key: CryptoKeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  decrypt(algorithm: AesGcmParams, key: CryptoKeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  sign(algorithm: 'HMAC', key: CryptoKeyHandle, data: Uint8Array): Promise<ArrayBuffer>;
  digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer>;
}

interface CryptoSlice {
  readonly subtle: SubtleSlice;
  getRandomValues<T extends Uint8Array>(array: T): T;
}

const webCrypto = (globalThis as unknown as { crypto: CryptoSlice }).crypto;
const subtle = webCrypto.subtle;

/** Bytes from the platform's CSPRNG (getRandomValues fills at most 65,536 bytes per call). */
export function randomBytes(length: number): Uint8Array {
  const out = new Uint8Array(length);
  for (let at = 0; at < length; at += 65_536) webCrypto.getRandomValues(out.subarray(at, Math.min(length, at + 65_536)));
  return out;
}

/** SHA-256 of bytes. */
export async function sha256(data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.digest('SHA-256', data));
}

/** Imports 32 raw bytes as an AES-256-GCM key. */
export function aesKey(raw: Uint8Array): Promise<CryptoKeyHandle> {
  return subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

/** Imports raw bytes as an HMAC-SHA-256 key. */
export function hmacKey(raw: Uint8Array): Promise<CryptoKeyHandle> {
  return subtle.importKey('raw', raw, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
}

/** HMAC-SHA-256 of bytes. */
export async function hmac(key: CryptoKeyHandle, data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.sign('HMAC', key, data));
}

/** AES-256-GCM encryption; the 16-byte tag is appended to the ciphertext. */
export async function aesGcmEncrypt(key: CryptoKeyHandle, iv: Uint8Array, data: Uint8Array, aad: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, data));
}

/** AES-256-GCM decryption; null when the tag does not match (wrong key, other AAD, or changed bytes). */
export async function aesGcmDecrypt(key: CryptoKeyHandle, iv: Uint8Array, data: Uint8Array, aad: Uint8Array): Promise<Uint8Array | null> {
  try {
    return new Uint8Array(await subtle.decrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, data));
  } catch {
    return null;
  }
}

/** HKDF-SHA-256: `length` bytes from input key material, salt and an info label. */
export async function hkdf(ikm: Uint8Array, salt: Uint8Array, info: string, length: number): Promise<Uint8Array> {
  const base = await subtle.importKey('raw', ikm, 'HKDF', false, ['deriveBits']);
  const params = { name: 'HKDF', hash: 'SHA-256', salt, info: utf8(info) };
  return new Uint8Array(await subtle.deriveBits(params, base, length * 8));
}
