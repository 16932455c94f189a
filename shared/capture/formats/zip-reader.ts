// A bounded ZIP reader for OFD files, which arrive from strangers by e-mail.
//
// fflate's unzipSync inflates into a buffer of the *declared* size but keeps decoding past its end, so a
// small entry that lies about its size still costs CPU in proportion to its real expansion (up to ~1000:1).
// Here the central directory is read first and its declared sizes and entry count are checked against the
// limits; then each entry is inflated lazily with fflate's streaming Inflate, in small input chunks, and
// abandoned as soon as its real output passes its declared size. So neither memory nor time can exceed the
// limits, whatever the headers say.
import { Inflate, strFromU8 } from 'fflate';
import { err, ok, type Result } from '../../domain/result';

/** Limits on what a ZIP may declare and produce. */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxEntryBytes: number;
  readonly maxTotalBytes: number;
}

/** 20 MB per entry, 100 MB in all, 2000 entries: far above any real invoice OFD (they are under 1 MB). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntries: 2000, maxEntryBytes: 20_000_000, maxTotalBytes: 100_000_000 };

/** Why a ZIP or one of its entries could not be read. */
export type ZipError =
  | { readonly kind: 'notZip' }
  | { readonly kind: 'tooLarge'; readonly limit: string }
  | { readonly kind: 'corrupt'; readonly entry?: string };

/** One entry as declared in the central directory. */
export interface ZipEntry {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly headerOffset: number;
}

/** An opened archive: entry names, and lazy, bounded reads. */
export interface ZipArchive {
  readonly entries: readonly ZipEntry[];
  /** Finds an entry by path, ignoring case and a leading slash (OFD files disagree with their own references). */
  find(path: string): ZipEntry | undefined;
  /** Inflates one entry, refusing output beyond its declared size. */
  read(entry: ZipEntry): Result<Uint8Array, ZipError>;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;
const INPUT_CHUNK = 16 * 1024;

const u16 = (d: Uint8Array, o: number): number => (d[o] ?? 0) | ((d[o + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, o: number): number => (u16(d, o) | (u16(d, o + 2) << 16)) >>> 0;

/** Finds the end-of-central-directory record (it may be followed by a comment of up to 65535 bytes). */
function findEocd(data: Uint8Array): number {
  const stop = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= stop; i--) if (u32(data, i) === EOCD_SIGNATURE) return i;
  return -1;
}

/** Normalises a path for lookup. */
const key = (path: string): string => path.replace(/\\/g, '/').replace(/^\/+/, '').toLowerCase();

/** Reads the central directory, checking declared sizes and counts against the limits before inflating anything. */
export function openZip(data: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Result<ZipArchive, ZipError> {
  if (data.length < 22 || u32(data, 0) !== LOCAL_SIGNATURE) return err({ kind: 'notZip' });
  const eocd = findEocd(data);
  if (eocd < 0) return err({ kind: 'corrupt' });
  const count = u16(data, eocd + 10);
  let offset = u32(data, eocd + 16);
  if (count === 0xffff || offset === 0xffffffff) return err({ kind: 'tooLarge', limit: 'ZIP64' });
  if (count > limits.maxEntries) return err({ kind: 'tooLarge', limit: `${limits.maxEntries} entries` });
  const entries: ZipEntry[] = [];
  let declaredTotal = 0;
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || u32(data, offset) !== CENTRAL_SIGNATURE) return err({ kind: 'corrupt' });
    const flags = u16(data, offset + 8);
    const nameLength = u16(data, offset + 28);
    const name = strFromU8(data.subarray(offset + 46, offset + 46 + nameLength), (flags & 0x800) === 0);
    const entry: ZipEntry = {
      name, method: u16(data, offset + 10), compressedSize: u32(data, offset + 20), size: u32(data, offset + 24),
      headerOffset: u32(data, offset + 42),
    };
    if (entry.size > limits.maxEntryBytes) return err({ kind: 'tooLarge', limit: `${limits.maxEntryBytes} bytes per part` });
    declaredTotal += entry.size;
    if (declaredTotal > limits.maxTotalBytes) return err({ kind: 'tooLarge', limit: `${limits.maxTotalBytes} bytes` });
    entries.push(entry);
    offset += 46 + nameLength + u16(data, offset + 30) + u16(data, offset + 32);
  }
  const byKey = new Map(entries.map((e) => [key(e.name), e]));
  let inflatedTotal = 0;
  return ok({
    entries,
    find: (path) => byKey.get(key(path)),
    read: (entry) => {
      const result = readEntry(data, entry);
      if (result.ok) {
        inflatedTotal += result.value.length;
        if (inflatedTotal > limits.maxTotalBytes) return err({ kind: 'tooLarge', limit: `${limits.maxTotalBytes} bytes` });
      }
      return result;
    },
  });
}

/** Locates an entry's data through its local header and inflates it within its declared size. */
function readEntry(data: Uint8Array, entry: ZipEntry): Result<Uint8Array, ZipError> {
  const corrupt = err({ kind: 'corrupt' as const, entry: entry.name });
  const h = entry.headerOffset;
  if (h + 30 > data.length || u32(data, h) !== LOCAL_SIGNATURE) return corrupt;
  const start = h + 30 + u16(data, h + 26) + u16(data, h + 28);
  const end = start + entry.compressedSize;
  if (end > data.length) return corrupt;
  const compressed = data.subarray(start, end);
  if (entry.method === 0) return entry.compressedSize === entry.size ? ok(compressed.slice()) : corrupt;
  if (entry.method !== 8) return corrupt;
  return inflateBounded(compressed, entry.size) ?? corrupt;
}

/** Streams `compressed` through Inflate; null when the output exceeds `expected` bytes or is malformed or short. */
function inflateBounded(compressed: Uint8Array, expected: number): Result<Uint8Array, ZipError> | null {
  const out = new Uint8Array(expected);
  const state = { written: 0, overflow: false };
  const inflater = new Inflate((chunk) => {
    if (state.overflow) return;
    if (state.written + chunk.length > expected) {
      state.overflow = true;
      return;
    }
    out.set(chunk, state.written);
    state.written += chunk.length;
  });
  try {
    for (let i = 0; i < compressed.length && !state.overflow; i += INPUT_CHUNK) {
      inflater.push(compressed.subarray(i, i + INPUT_CHUNK), i + INPUT_CHUNK >= compressed.length);
    }
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return null;
  }
  return state.overflow || state.written !== expected ? null : ok(out);
}
