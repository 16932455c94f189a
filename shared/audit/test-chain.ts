// Audit chains for tests of the export and its verifier: ordinary entries, and entries full of spreadsheet traps.
import { chainEntry, type AuditContent, type AuditEntry } from './audit-chain';

/** Formula payloads an attacker could type into a user name, a remark or an id (OWASP CSV injection examples). */
export const FORMULA_PAYLOADS = ["=cmd|' /C calc'!A0", '+SUM(1)', '@x', '-1+1', '=HYPERLINK("http://x","y")', '\t=1', '\r=1', '＝1+1', "'=already"];

/** Chains contents in order from seq 1. */
export function chainOf(contents: readonly AuditContent[]): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (const c of contents) out.push(chainEntry(c, out[out.length - 1]));
  return out;
}

/** An ordinary content: an invoice edit by a user on a device. */
export function editContent(i: number, over: Partial<AuditContent> = {}): AuditContent {
  return {
    at: `2026-05-01T08:${String(i % 60).padStart(2, '0')}:00.000Z`, user: i % 2 === 0 ? 'wang' : 'li', device: 'PC-财务1 (a1b2)',
    action: 'update', entity: 'invoice', entityId: `inv-${i}`, before: { remarks: `旧备注 ${i}` }, after: { remarks: `新备注 ${i}` }, ...over,
  };
}

/** A chain of n ordinary entries. */
export function simpleChain(n: number): AuditEntry[] {
  return chainOf(Array.from({ length: n }, (_, i) => editContent(i + 1)));
}

/** Contents that trip spreadsheets: formula payloads everywhere, an old entry without device, '' and odd text. */
export function trickyContents(): AuditContent[] {
  const base = editContent(0);
  return [
    ...FORMULA_PAYLOADS.map((p, i): AuditContent => ({ ...base, user: p, entityId: p, before: { remarks: p }, after: { remarks: `${p} ${i}`, n: -1 } })),
    // The shape of an entry written before issue #13: no device at all.
    { at: base.at, user: 'clerk', action: 'update', entity: 'invoice', entityId: 'inv-1', before: base.before, after: base.after },
    { at: base.at, user: 'clerk', action: 'create', entity: 'invoice', entityId: 'inv-old', before: null, after: { total: 11300 } },
    { ...base, device: '' },
    { ...base, user: '', entityId: '', before: undefined, after: -5 },
    { ...base, user: '  padded  ', entityId: 'a\r\nb\tc', before: 'line1\r\nline2', after: { t: '_x000D_ and _x0041_' } },
    { ...base, user: 'lone \ud800 surrogate', entityId: '😀', before: { s: '\u0001\u0000' }, after: [1, 'two', null, { z: true }] },
    { ...base, action: 'signInFailed', entity: 'user', entityId: '-', user: '@admin', before: null, after: { reason: '=1+1' } },
  ];
}
