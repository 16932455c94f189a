import { describe, expect, it } from 'vitest';
import { strFromU8, strToU8, zipSync } from 'fflate';
import { openZip } from './zip-reader';

const u32At = (d: Uint8Array, o: number, v: number) => { new DataView(d.buffer, d.byteOffset).setUint32(o, v, true); };
const u32 = (d: Uint8Array, o: number) => new DataView(d.buffer, d.byteOffset).getUint32(o, true);

/** Offsets of the central directory headers. */
function centralHeaders(zip: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= zip.length; i++) if (u32(zip, i) === 0x02014b50) out.push(i);
  return out;
}

describe('openZip', () => {
  it('lists entries and reads them back', () => {
    const zip = zipSync({ 'OFD.xml': strToU8('<ofd/>'), 'Doc_0/a.txt': strToU8('x'.repeat(5000)) });
    const r = openZip(zip);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.entries.map((e) => e.name)).toEqual(['OFD.xml', 'Doc_0/a.txt']);
    const entry = r.value.find('/doc_0/A.TXT');
    expect(entry?.size).toBe(5000);
    const data = entry ? r.value.read(entry) : null;
    expect(data?.ok && strFromU8(data.value)).toBe('x'.repeat(5000));
  });

  it('refuses non-ZIP bytes and truncated archives', () => {
    expect(openZip(strToU8('%PDF-1.7 …'))).toEqual({ ok: false, error: { kind: 'notZip' } });
    const zip = zipSync({ 'OFD.xml': strToU8('<ofd/>') });
    expect(openZip(zip.subarray(0, zip.length - 10)).ok).toBe(false);
  });

  it('refuses an entry whose declared size exceeds the per-entry limit, before inflating', () => {
    const zip = zipSync({ 'big.xml': new Uint8Array(2000) });
    const r = openZip(zip, { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 10_000 });
    expect(r).toEqual({ ok: false, error: { kind: 'tooLarge', limit: '1000 bytes per part' } });
  });

  it('refuses archives whose declared sizes add up past the total limit', () => {
    const zip = zipSync({ a: new Uint8Array(800), b: new Uint8Array(800) });
    const r = openZip(zip, { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 1500 });
    expect(r.ok ? null : r.error.kind).toBe('tooLarge');
  });

  it('refuses archives with too many entries', () => {
    const files = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`f${i}`, strToU8('x')]));
    const r = openZip(zipSync(files), { maxEntries: 5, maxEntryBytes: 1000, maxTotalBytes: 10_000 });
    expect(r).toEqual({ ok: false, error: { kind: 'tooLarge', limit: '5 entries' } });
  });

  it('stops inflating an entry that lies about its size (a zip bomb declaring 100 bytes)', () => {
    const zip = zipSync({ 'bomb.xml': new Uint8Array(5_000_000) }, { level: 9 });
    expect(zip.length).toBeLessThan(20_000);
    for (const at of centralHeaders(zip)) u32At(zip, at + 24, 100);
    u32At(zip, 22, 100); // local header's copy too
    const r = openZip(zip);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const entry = r.value.entries[0];
    expect(entry?.size).toBe(100);
    const started = Date.now();
    const data = entry ? r.value.read(entry) : null;
    expect(data).toEqual({ ok: false, error: { kind: 'corrupt', entry: 'bomb.xml' } });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('bounds the total inflated output even when each entry is within its own limit', () => {
    const zip = zipSync({ a: new Uint8Array(900), b: new Uint8Array(900) });
    const r = openZip(zip, { maxEntries: 10, maxEntryBytes: 1000, maxTotalBytes: 2000 });
    if (!r.ok) throw new Error('expected the archive to open');
    const [a, b] = r.value.entries;
    if (!a || !b) throw new Error('expected two entries');
    expect(r.value.read(a).ok).toBe(true);
    expect(r.value.read(b).ok).toBe(true);
    // Reading again counts again: repeated reads cannot be used to exceed the budget either.
    expect(r.value.read(a)).toEqual({ ok: false, error: { kind: 'tooLarge', limit: '2000 bytes' } });
  });
});
