/*
 * Splits a table's NDJSON into buckets of whole lines. A bucket ends after a line whose primary-key value hits a
 * keyed hash (about one line in BUCKET_ROWS), so boundaries depend only on keys: editing a row changes only its
 * own bucket, inserting or deleting one changes at most its neighbours, and every other bucket keeps its bytes
 * and therefore its chunk id (dedup). Buckets are byte ranges, so concatenating them gives the file back exactly.
 *
 * The key is read without parsing JSON (parsing 200 MB would cost seconds): the bytes after the first
 * `"<key>":` in the line up to the next `,` or `}`. Rows the app writes start with their key; for any other row
 * the boundaries are still deterministic, only dedup is less precise.
 */
import { fromUtf8, utf8 } from './bytes';
import { APPEND_ONLY_EXPORT_TABLES, EXPORT_PRIMARY_KEYS } from './export-format';

/** Average rows per bucket (a power of two). 16 rows of ~1 KB keep an edit's rewrite near 16 KB. */
export const BUCKET_ROWS = 16;

/**
 * Average rows per bucket of tables that only grow at the end: their old rows never change, so an incremental
 * backup rewrites only the last bucket whatever its size, and larger buckets mean far fewer chunks to seal.
 */
export const APPEND_ONLY_BUCKET_ROWS = 256;
/** A bucket is cut at this size even without a key boundary, so one chunk never grows unbounded. */
export const MAX_BUCKET_BYTES = 1024 * 1024;

/** One bucket: bytes [start, end) of the file, its row count and its first row's key (for damage reports). */
export interface Bucket {
  readonly start: number;
  readonly end: number;
  readonly rows: number;
  readonly firstKey: string;
}

const COMMA = 44;
const BRACE = 125;
const QUOTE = 34;

/** Horspool skip table: how far the window may move when its last byte is b (the pattern's length when b is not in it). */
function skipTable(pattern: Uint8Array): Int32Array {
  const skip = new Int32Array(256).fill(pattern.length);
  for (let j = 0; j < pattern.length - 1; j++) skip[pattern[j] ?? 0] = pattern.length - 1 - j;
  return skip;
}

/**
 * First index of pattern in bytes[from, to), or -1. Horspool rather than indexOf of the first byte: the key
 * pattern starts with a quote, which occurs every few bytes of JSON, while Horspool skips most bytes unseen.
 */
function findPattern(bytes: Uint8Array, pattern: Uint8Array, skip: Int32Array, from: number, to: number): number {
  const m = pattern.length;
  const last = pattern[m - 1] ?? 0;
  for (let i = from + m - 1; i < to; ) {
    const b = bytes[i] ?? 0;
    if (b === last) {
      let j = m - 2;
      while (j >= 0 && bytes[i - m + 1 + j] === pattern[j]) j--;
      if (j < 0) return i - m + 1;
    }
    i += skip[b] ?? m;
  }
  return -1;
}

/** Where the key value of the line [from, to) is, or the whole line when the key is absent. */
function keyRange(bytes: Uint8Array, pattern: Uint8Array, skip: Int32Array, from: number, to: number): [number, number] {
  const at = findPattern(bytes, pattern, skip, from, to);
  if (at < 0) return [from, to];
  const start = at + pattern.length;
  let end = start;
  if (bytes[start] === QUOTE) {
    end = bytes.indexOf(QUOTE, start + 1);
    end = end < 0 || end > to ? to : end + 1;
  } else {
    while (end < to && bytes[end] !== COMMA && bytes[end] !== BRACE) end++;
  }
  return [start, end];
}

/** FNV-1a over the range, seeded with a repository secret, finished with murmur3's mixer to spread low bits. */
function keyedHash(bytes: Uint8Array, start: number, end: number, seed: number): number {
  let h = (2166136261 ^ seed) >>> 0;
  for (let i = start; i < end; i++) h = Math.imul(h ^ (bytes[i] ?? 0), 16777619);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function keyText(bytes: Uint8Array, [start, end]: [number, number]): string {
  const text = fromUtf8(bytes.subarray(start, Math.min(end, start + 80)));
  return text.startsWith('"') && text.endsWith('"') && text.length >= 2 ? text.slice(1, -1) : text;
}

/** How a table of the export is split: its key field and average rows per bucket. */
export function bucketRule(table: string): { readonly keyField: string; readonly rowsPerBucket: number } {
  return {
    keyField: (EXPORT_PRIMARY_KEYS as Readonly<Record<string, string | undefined>>)[table] ?? 'id',
    rowsPerBucket: (APPEND_ONLY_EXPORT_TABLES as readonly string[]).includes(table) ? APPEND_ONLY_BUCKET_ROWS : BUCKET_ROWS,
  };
}

/** The buckets of an NDJSON file whose rows are keyed by `keyField`, about `rowsPerBucket` (a power of two) rows each. */
export function splitBuckets(bytes: Uint8Array, keyField: string, seed: number, rowsPerBucket = BUCKET_ROWS): Bucket[] {
  const pattern = utf8(`"${keyField}":`);
  const skip = skipTable(pattern);
  const buckets: Bucket[] = [];
  let start = 0;
  let rows = 0;
  let firstKey = '';
  let at = 0;
  while (at < bytes.length) {
    const newline = bytes.indexOf(10, at);
    const lineEnd = newline < 0 ? bytes.length : newline + 1;
    const key = keyRange(bytes, pattern, skip, at, lineEnd);
    if (rows === 0) firstKey = keyText(bytes, key);
    rows++;
    at = lineEnd;
    const boundary = (keyedHash(bytes, key[0], key[1], seed) & (rowsPerBucket - 1)) === 0;
    if (boundary || at - start >= MAX_BUCKET_BYTES || at === bytes.length) {
      buckets.push({ start, end: at, rows, firstKey });
      start = at;
      rows = 0;
    }
  }
  return buckets;
}
