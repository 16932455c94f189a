import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { ledgerExportSheet, writeWorkbook } from '../reconcile/sheet';
import { hashEntry } from './audit-chain';
import { auditExportBytes } from './audit-export';
import { CHAIN_SHEET, SUMMARY_SHEET } from './audit-export-format';
import { auditExportOkText, auditExportProblemText } from './audit-export-messages';
import { verifyAuditExportFile, type AuditExportCheck } from './audit-export-verify';
import { simpleChain } from './test-chain';

const META = { exportedBy: 'auditor', exportedAt: '2026-05-02T09:00:00.000Z', device: 'PC-审计' };
const ENTRIES = simpleChain(6);
const EXPORT = auditExportBytes(ENTRIES, META);

type Row = (string | number | null)[];

/** Edits a sheet of the file as a person with a spreadsheet program would, and saves it again. */
function edit(bytes: Uint8Array, sheet: string, change: (rows: Row[]) => void): Uint8Array {
  const wb = XLSX.read(bytes, { type: 'array' });
  const ws = wb.Sheets[sheet];
  if (!ws) throw new Error(sheet);
  const rows = XLSX.utils.sheet_to_json<Row>(ws, { header: 1, raw: true, defval: null });
  change(rows);
  wb.Sheets[sheet] = XLSX.utils.aoa_to_sheet(rows);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

const col = (rows: Row[], key: string) => (rows[0] ?? []).findIndex((h) => typeof h === 'string' && h.endsWith(` ${key}`));

/** Sets one cell of the chain sheet, by sheet row number (1-based, as Excel shows it) and column key. */
function setCell(row: number, key: string, value: string | number): Uint8Array {
  return edit(EXPORT, CHAIN_SHEET, (rows) => {
    const r = rows[row - 1];
    if (r) r[col(rows, key)] = value;
  });
}

const verify = (bytes: Uint8Array): AuditExportCheck => verifyAuditExportFile(bytes, '审计日志.xlsx');

describe('verifyAuditExport on an edited file', () => {
  it('verifies the file as exported, also after a spreadsheet program re-saved it unchanged', () => {
    expect(verify(EXPORT)).toMatchObject({ ok: true, count: 6, headHash: ENTRIES[5]?.hash });
    expect(verify(edit(EXPORT, CHAIN_SHEET, () => undefined))).toMatchObject({ ok: true, count: 6 });
  });

  it.each([
    ['before', '{"remarks":"改过的备注"}'],
    ['after', '{"remarks":"新备注 9"}'],
    ['user', 'mallory'],
    ['at', '2026-05-01T08:03:01.000Z'],
    ['entityId', 'inv-99'],
    ['action', 'create'],
    ['device', 'PC-2'],
    ['hash', 'f'.repeat(64)],
  ])('names the row whose %s cell was changed', (key, value) => {
    expect(verify(setCell(5, key, value))).toMatchObject({ ok: false, problem: { kind: 'entry', check: 'hash', sheet: CHAIN_SHEET, row: 5, seq: 4 } });
  });

  it('names the row whose prevHash was changed (link), even when its hash was recomputed to match', () => {
    const forged = { ...ENTRIES[3]!, prevHash: 'e'.repeat(64) };
    const bytes = edit(EXPORT, CHAIN_SHEET, (rows) => {
      const r = rows[4]!;
      r[col(rows, 'prevHash')] = forged.prevHash;
      r[col(rows, 'hash')] = hashEntry(forged, forged.seq, forged.prevHash);
    });
    expect(verify(bytes)).toMatchObject({ ok: false, problem: { kind: 'entry', check: 'link', row: 5, seq: 4 } });
  });

  it('names the row after a deleted one (gap), an inserted copy and two swapped rows', () => {
    expect(verify(edit(EXPORT, CHAIN_SHEET, (rows) => { rows.splice(3, 1); }))).toMatchObject({
      ok: false, problem: { kind: 'entry', check: 'gap', row: 4, seq: 4, expectedSeq: 3 },
    });
    expect(verify(edit(EXPORT, CHAIN_SHEET, (rows) => { rows.splice(3, 0, [...rows[2]!]); }))).toMatchObject({
      ok: false, problem: { kind: 'entry', check: 'gap', row: 4, seq: 2, expectedSeq: 3 },
    });
    expect(verify(edit(EXPORT, CHAIN_SHEET, (rows) => { [rows[2], rows[3]] = [rows[3]!, rows[2]!]; }))).toMatchObject({
      ok: false, problem: { kind: 'entry', check: 'gap', row: 3, seq: 3, expectedSeq: 2 },
    });
  });

  it('catches a last row removed, a first row removed and an entry appended through the summary', () => {
    expect(verify(edit(EXPORT, CHAIN_SHEET, (rows) => { rows.pop(); }))).toMatchObject({
      ok: false, problem: { kind: 'summary', mismatches: [{ key: 'count', expected: '5', found: '6' }, { key: 'lastSeq' }, { key: 'headHash', expected: ENTRIES[4]?.hash, found: ENTRIES[5]?.hash }] },
    });
    expect(verify(edit(EXPORT, CHAIN_SHEET, (rows) => { rows.splice(1, 1); }))).toMatchObject({
      ok: false, problem: { kind: 'summary', mismatches: [{ key: 'count' }, { key: 'firstSeq', expected: '2', found: '1' }, { key: 'firstPrevHash' }] },
    });
    const last = ENTRIES[5]!;
    const appended = { ...last, seq: 7, user: 'mallory', prevHash: last.hash };
    const bytes = edit(EXPORT, CHAIN_SHEET, (rows) => {
      const row = [...rows[6]!];
      row[col(rows, 'seq')] = 7;
      row[col(rows, 'user')] = 'mallory';
      row[col(rows, 'prevHash')] = last.hash;
      row[col(rows, 'hash')] = hashEntry(appended, 7, last.hash);
      rows.push(row);
    });
    expect(verify(bytes)).toMatchObject({ ok: false, problem: { kind: 'summary', mismatches: [{ key: 'count' }, { key: 'lastSeq' }, { key: 'headHash' }] } });
  });

  it('catches a changed head hash on the summary', () => {
    const bytes = edit(EXPORT, SUMMARY_SHEET, (rows) => {
      const r = rows.find((x) => x[2] === 'headHash');
      if (r) r[1] = '0'.repeat(64);
    });
    expect(verify(bytes)).toMatchObject({ ok: false, problem: { kind: 'summary', mismatches: [{ key: 'headHash', found: '0'.repeat(64), expected: ENTRIES[5]?.hash }] } });
  });

  it('names unreadable cells with their column', () => {
    expect(verify(setCell(3, 'seq', 'x'))).toMatchObject({ ok: false, problem: { kind: 'entry', check: 'unreadable', row: 3, seq: null, column: 'seq', detail: 'seq' } });
    expect(verify(setCell(3, 'before', '{"remarks":'))).toMatchObject({ ok: false, problem: { check: 'unreadable', row: 3, seq: 2, column: 'before', detail: 'json' } });
    expect(verify(setCell(3, 'before', '{ "remarks": "旧备注 2" }'))).toMatchObject({ ok: false, problem: { check: 'unreadable', column: 'before', detail: 'notCanonical' } });
    expect(verify(setCell(3, 'user', 42))).toMatchObject({ ok: false, problem: { check: 'unreadable', column: 'user', detail: 'notText' } });
    expect(verify(setCell(3, 'encoded', 'password'))).toMatchObject({ ok: false, problem: { check: 'unreadable', column: 'encoded', detail: 'encodedList' } });
  });
});

describe('verifyAuditExport on files that are not exports', () => {
  it('says why', () => {
    expect(verify(writeWorkbook([ledgerExportSheet([])]))).toMatchObject({ ok: false, problem: { kind: 'notExport', reason: 'noChainSheet' } });
    const noSummary = XLSX.read(EXPORT, { type: 'array' });
    XLSX.utils.book_set_sheet_visibility(noSummary, 0, 0);
    noSummary.SheetNames.splice(0, 1);
    expect(verify(new Uint8Array(XLSX.write(noSummary, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer))).toMatchObject({ ok: false, problem: { kind: 'notExport', reason: 'noSummary' } });
    const summary = (key: string, value: string) => edit(EXPORT, SUMMARY_SHEET, (rows) => {
      const r = rows.find((x) => x[2] === key);
      if (r) r[1] = value;
    });
    expect(verify(summary('format', 'something-else'))).toMatchObject({ ok: false, problem: { kind: 'notExport', reason: 'format', found: 'something-else' } });
    expect(verify(summary('version', '2'))).toMatchObject({ ok: false, problem: { kind: 'notExport', reason: 'newerVersion', found: '2' } });
    const noHash = edit(EXPORT, CHAIN_SHEET, (rows) => { for (const r of rows) r.splice(col(rows, 'hash'), 1); });
    expect(verify(noHash)).toMatchObject({ ok: false, problem: { kind: 'notExport', reason: 'columns', sheet: CHAIN_SHEET, column: 'hash' } });
    expect(verify(new Uint8Array([0x25, 0x50, 0x44, 0x46, 1, 2, 3]))).toMatchObject({ ok: false, problem: { kind: 'file', problem: { code: 'notSpreadsheet' } } });
  });
});

describe('messages', () => {
  it('say what was verified and what is wrong, in Chinese and English', () => {
    const ok = verify(EXPORT);
    if (!ok.ok) throw new Error('expected ok');
    expect(auditExportOkText(ok, 'zh-CN')).toBe(`审计日志校验通过：共 6 条，序号 1–6，链头哈希 ${ENTRIES[5]?.hash ?? ''}。`);
    expect(auditExportOkText(ok, 'en')).toBe(`Audit trail verified: 6 entries, seq 1–6, head hash ${ENTRIES[5]?.hash ?? ''}.`);
    const bad = verify(setCell(5, 'user', 'mallory'));
    if (bad.ok) throw new Error('expected a problem');
    expect(auditExportProblemText(bad.problem, 'zh-CN', 'f.xlsx')).toBe('工作表“审计日志”第 5 行（序号 4）：该行内容与它的哈希不符——这一行被改动过。');
    expect(auditExportProblemText(bad.problem, 'en', 'f.xlsx')).toBe('Sheet “审计日志” row 5 (seq 4): the row does not match its hash: this row was changed.');
  });
});
