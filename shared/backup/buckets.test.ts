import { describe, expect, it } from 'vitest';
import { utf8 } from './bytes';
import { APPEND_ONLY_BUCKET_ROWS, bucketRule, BUCKET_ROWS, splitBuckets } from './buckets';

const ndjson = (rows: readonly object[]) => utf8(rows.map((r) => JSON.stringify(r) + '\n').join(''));
const rows = (n: number) => Array.from({ length: n }, (_, i) => ({ amount: i * 7, id: `id-${String(i).padStart(5, '0')}`, note: '备注' }));

function slices(bytes: Uint8Array, seed: number): string[] {
  return splitBuckets(bytes, 'id', seed).map((b) => new TextDecoder().decode(bytes.subarray(b.start, b.end)));
}

describe('key buckets', () => {
  it('cover the file exactly, in order, and name each bucket by its first key', () => {
    const bytes = ndjson(rows(1000));
    const buckets = splitBuckets(bytes, 'id', 99);
    expect(buckets[0]?.start).toBe(0);
    expect(buckets.at(-1)?.end).toBe(bytes.length);
    for (let i = 1; i < buckets.length; i++) expect(buckets[i]?.start).toBe(buckets[i - 1]?.end);
    expect(buckets.reduce((n, b) => n + b.rows, 0)).toBe(1000);
    expect(buckets[1]?.firstKey).toMatch(/^id-\d{5}$/);
    expect(buckets.length).toBeGreaterThan(1000 / 64);
    expect(buckets.length).toBeLessThan(1000 / 4);
  });

  it('an edited row changes only its own bucket; an inserted row at most its neighbours', () => {
    const base = rows(1000);
    const before = slices(ndjson(base), 7);
    const edited = base.map((r, i) => (i === 500 ? { ...r, amount: -1, note: '已改' } : r));
    const after = slices(ndjson(edited), 7);
    expect(after.length).toBe(before.length);
    expect(after.filter((s, i) => s !== before[i])).toHaveLength(1);
    const inserted = [...base.slice(0, 300), { amount: 1, id: 'id-00299x', note: '' }, ...base.slice(300)];
    const changed = slices(ndjson(inserted), 7).filter((s) => !before.includes(s));
    expect(changed.length).toBeLessThanOrEqual(2);
  });

  it('a file without a trailing newline or with rows lacking the key still splits losslessly', () => {
    const text = '{"x":1}\n{"id":"a"}\n{"id":"b","y":[1,2]}';
    const bytes = utf8(text);
    expect(slices(bytes, 1).join('')).toBe(text);
  });

  it('finds the key after look-alike fields and quoted text', () => {
    const text = '{"a":"\\"id\\":no","hid":1,"idx":2,"id":"k-1"}\n{"id":"k-2"}\n';
    const buckets = splitBuckets(utf8(text), 'id', 3);
    expect(buckets[0]?.firstKey).toBe('k-1');
    expect(buckets.reduce((n, b) => n + b.rows, 0)).toBe(2);
  });

  it('cut the append-only audit chain into larger buckets than the tables whose rows are edited', () => {
    expect(bucketRule('audit')).toEqual({ keyField: 'seq', rowsPerBucket: APPEND_ONLY_BUCKET_ROWS });
    expect(bucketRule('invoices')).toEqual({ keyField: 'id', rowsPerBucket: BUCKET_ROWS });
    const audit = ndjson(Array.from({ length: 20_000 }, (_, i) => ({ seq: i + 1, action: 'update' })));
    const count = (rowsPerBucket: number) => splitBuckets(audit, 'seq', 5, rowsPerBucket).length;
    expect(count(APPEND_ONLY_BUCKET_ROWS)).toBeLessThan(20_000 / 128);
    expect(count(BUCKET_ROWS)).toBeGreaterThan(20_000 / 32);
  });
});
