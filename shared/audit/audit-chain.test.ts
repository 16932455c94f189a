import { describe, expect, it } from 'vitest';
import { chainEntry, hashEntry, prepareAuditHashing, verifyChain, GENESIS_HASH, type AuditContent, type AuditEntry } from './audit-chain';
import { canonicalJson } from './canonical-json';

const content = (n: number): AuditContent => ({
  at: `2026-01-0${n}T00:00:00.000Z`, user: 'clerk', action: 'update', entity: 'invoice', entityId: `id-${n}`,
  before: { total: n }, after: { total: n + 1 },
});

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let i = 1; i <= n; i++) out.push(chainEntry(content(i), out.at(-1)));
  return out;
}

describe('audit chain', () => {
  it('links entries from the genesis hash and verifies', () => {
    const entries = chain(4);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[1]!.prevHash).toBe(entries[0]!.hash);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3, 4]);
    expect(verifyChain(entries)).toEqual({ ok: true, count: 4 });
  });

  it('finds an edited entry', () => {
    const entries = chain(4);
    entries[2] = { ...entries[2]!, after: { total: 999 } };
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 3, reason: 'hash' });
  });

  it('finds a removed entry', () => {
    const entries = chain(4);
    entries.splice(1, 1);
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 3, reason: 'gap' });
  });

  it('finds an entry re-hashed after an edit (the next link breaks)', () => {
    const entries = chain(3);
    entries[0] = chainEntry({ ...content(1), user: 'mallory' }, undefined);
    expect(verifyChain(entries)).toEqual({ ok: false, seq: 2, reason: 'link' });
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every depth and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[1,{"y":2,"z":1}]},"b":1}');
  });
});

describe('audit hashing', () => {
  it('gives the same hashes with the WebAssembly SHA-256 as with the JavaScript one', async () => {
    const wide = { ...content(1), after: { remarks: '发票 ✓ 𠀋', total: 1 } };
    const before = [...chain(3), chainEntry(wide, undefined)];
    await prepareAuditHashing();
    const after = [...chain(3), chainEntry(wide, undefined)];
    expect(after).toEqual(before);
    expect(hashEntry(wide, 1, GENESIS_HASH)).toBe(before[3]!.hash);
    expect(verifyChain(before.slice(0, 3))).toEqual({ ok: true, count: 3 });
  });
});
