// RFC 9562 UUIDv7: 48-bit Unix milliseconds, version 7, 12 + 62 random bits, variant 10.
// Time-ordered ids keep IndexedDB and server indexes append-friendly; clock and randomness are passed in.
import type { InvoiceId } from './invoice';

const MAX_UNIX_MS = 2 ** 48 - 1;

/** Formats an RFC 9562 UUIDv7 from a Unix time in ms and at least 10 random bytes; throws on misuse. */
export function uuidv7(nowMs: number, random: Uint8Array): string {
  if (!Number.isSafeInteger(nowMs) || nowMs < 0 || nowMs > MAX_UNIX_MS) throw new RangeError(`bad UUIDv7 time: ${nowMs}`);
  if (random.length < 10) throw new RangeError('UUIDv7 needs at least 10 random bytes');
  const bytes = new Uint8Array(16);
  // 48-bit big-endian timestamp; split because bitwise operators only reach 32 bits.
  const high = Math.floor(nowMs / 2 ** 32);
  const low = nowMs % 2 ** 32;
  bytes[0] = (high >>> 8) & 0xff;
  bytes[1] = high & 0xff;
  bytes[2] = (low >>> 24) & 0xff;
  bytes[3] = (low >>> 16) & 0xff;
  bytes[4] = (low >>> 8) & 0xff;
  bytes[5] = low & 0xff;
  bytes.set(random.subarray(0, 10), 6);
  bytes[6] = 0x70 | ((bytes[6] ?? 0) & 0x0f);
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** A new invoice id (UUIDv7). */
export function newInvoiceId(nowMs: number, random: Uint8Array): InvoiceId {
  return uuidv7(nowMs, random) as InvoiceId;
}

/** The Unix time in ms encoded in a UUIDv7, or null if the text is not one. */
export function uuidv7Time(id: string): number | null {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(id)) return null;
  return Number.parseInt(id.slice(0, 8) + id.slice(9, 13), 16);
}
