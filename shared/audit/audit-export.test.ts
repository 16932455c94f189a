import { describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { readWorkbook, startsLikeFormula } from '../reconcile/sheet';
import { GENESIS_HASH, verifyChain, type AuditEntry } from './audit-chain';
import { auditExportBytes, auditExportFileName, auditExportSheets, verifyCommand } from './audit-export';
import { CHAIN_SHEET, SUMMARY_SHEET } from './audit-export-format';
import { chainColumns, readChainRow } from './audit-export-read';
import { verifyAuditExport, verifyAuditExportFile } from './audit-export-verify';
import { chainOf, editContent, FORMULA_PAYLOADS, simpleChain, trickyContents } from './test-chain';

const META = { exportedBy: 'auditor', exportedAt: '2026-05-02T09:00:00.000Z', device: 'PC-审计 (c3d4)' };

/** Every cell of every sheet as SheetJS reads it, untouched by the app's reader. */
function rawCells(bytes: Uint8Array): { sheet: string; ref: string; cell: XLSX.CellObject }[] {
  const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
  const out: { sheet: string; ref: string; cell: XLSX.CellObject }[] = [];
  for (const name of wb.SheetNames) {
    const ws = wb.Sheets[name] ?? {};
    for (const [ref, cell] of Object.entries(ws)) if (!ref.startsWith('!')) out.push({ sheet: name, ref, cell: cell as XLSX.CellObject });
  }
  return out;
}

/** The entries of the export's chain sheets as the verifier reads them. */
function readBack(bytes: Uint8Array): AuditEntry[] {
  const wb = readWorkbook(bytes, 'x.xlsx');
  if (!wb.ok) throw new Error(wb.error.code);
  const entries: AuditEntry[] = [];
  for (const sheet of wb.value.sheets.filter((s) => s.name.startsWith(CHAIN_SHEET))) {
    const cols = chainColumns(sheet.rows[0] ?? []);
    if (!cols.ok) throw new Error(cols.column);
    for (const row of sheet.rows.slice(1)) {
      const r = readChainRow(row, cols.columns);
      if (!r.ok) throw new Error(`${r.column} ${r.detail}`);
      entries.push(r.entry);
    }
  }
  return entries;
}

describe('auditExportBytes', () => {
  it('writes every entry so that it reads back exactly and verifies, with the summary', () => {
    const entries = simpleChain(25);
    const bytes = auditExportBytes(entries, META, { fileName: '审计日志-2026-05-02-序号1至25.xlsx' });
    expect(readBack(bytes)).toEqual(entries);
    const check = verifyAuditExportFile(bytes, 'x.xlsx');
    expect(check).toEqual({ ok: true, count: 25, headHash: entries[24]?.hash, firstSeq: 1, lastSeq: 25, firstPrevHash: GENESIS_HASH, fromGenesis: true });
    const summary = auditExportSheets(entries, META, { fileName: '审计日志-2026-05-02-序号1至25.xlsx' })[0];
    expect(summary?.name).toBe(SUMMARY_SHEET);
    const byKey = new Map(summary?.rows.map((r) => [r[2], r[1]]));
    expect(byKey.get('headHash')).toBe(entries[24]?.hash);
    expect(byKey.get('count')).toBe(25);
    expect(byKey.get('exportedBy')).toBe('auditor');
    expect(byKey.get('verifyCommand')).toBe('npm run audit-trail -- verify 审计日志-2026-05-02-序号1至25.xlsx');
  });

  it('keeps formula payloads, an absent device, empty and odd text exact, and no cell is or starts like a formula', () => {
    const entries = chainOf(trickyContents());
    expect(verifyChain(entries)).toEqual({ ok: true, count: entries.length });
    const bytes = auditExportBytes(entries, { ...META, exportedBy: '=cmd|\' /C calc\'!A0' }, { view: { description: '@x', entries } });
    const back = readBack(bytes);
    expect(back).toEqual(entries);
    expect('device' in (back[FORMULA_PAYLOADS.length] ?? {})).toBe(false);
    expect(back[FORMULA_PAYLOADS.length + 2]?.device).toBe('');
    expect(verifyAuditExportFile(bytes, 'x.xlsx')).toMatchObject({ ok: true, count: entries.length });

    const cells = rawCells(bytes);
    expect(cells.filter((c) => c.cell.f !== undefined)).toEqual([]);
    const texts = cells.filter((c) => c.cell.t === 's').map((c) => String(c.cell.v));
    // Guarded text starts with the apostrophe; nothing starts with a character that begins a formula.
    expect(texts.filter((t) => /^[=+\-@\t\r＝＋－＠]/.test(t))).toEqual([]);
    for (const p of FORMULA_PAYLOADS) {
      expect(startsLikeFormula(p)).toBe(true);
      expect(texts).toContain(`'${p}`);
    }
  });

  it('splits JSON longer than one Excel cell over continuation columns and joins it back', () => {
    const long = { remarks: 'x'.repeat(40_000), escapes: '_x0041_'.repeat(6_000), emoji: '😀'.repeat(20_000) };
    const entries = chainOf([editContent(1, { after: long }), editContent(2)]);
    const sheets = auditExportSheets(entries, META);
    const chain = sheets.find((s) => s.name === CHAIN_SHEET);
    const afterColumns = chain?.header.filter((h) => h.includes('after')) ?? [];
    expect(afterColumns.length).toBeGreaterThanOrEqual(4);
    expect(afterColumns).toEqual(afterColumns.map((_, i) => `变更后 after${i === 0 ? '' : `#${i + 1}`}`));
    const bytes = auditExportBytes(entries, META);
    for (const c of rawCells(bytes)) if (c.cell.t === 's') expect(String(c.cell.v).length).toBeLessThanOrEqual(32_767);
    expect(readBack(bytes)).toEqual(entries);
    expect(verifyAuditExportFile(bytes, 'x.xlsx')).toMatchObject({ ok: true, count: 2 });
  });

  it('continues on 审计日志 2, 审计日志 3 past the rows of one sheet', () => {
    const entries = simpleChain(7);
    const names = auditExportSheets(entries, META, { rowsPerSheet: 3 }).map((s) => s.name);
    expect(names).toEqual([SUMMARY_SHEET, CHAIN_SHEET, `${CHAIN_SHEET} 2`, `${CHAIN_SHEET} 3`]);
    const bytes = auditExportBytes(entries, META, { rowsPerSheet: 3 });
    expect(verifyAuditExportFile(bytes, 'x.xlsx')).toMatchObject({ ok: true, count: 7, lastSeq: 7 });
  });

  it('exports a range that starts later, verified from its first seq', () => {
    const entries = simpleChain(10).slice(4);
    const check = verifyAuditExportFile(auditExportBytes(entries, META), 'x.xlsx');
    expect(check).toEqual({ ok: true, count: 6, headHash: entries[5]?.hash, firstSeq: 5, lastSeq: 10, firstPrevHash: entries[0]?.prevHash, fromGenesis: false });
  });

  it('exports an empty trail', () => {
    expect(verifyAuditExportFile(auditExportBytes([], META), 'x.xlsx')).toEqual({
      ok: true, count: 0, headHash: GENESIS_HASH, firstSeq: null, lastSeq: null, firstPrevHash: GENESIS_HASH, fromGenesis: true,
    });
  });

  it('exports a broken trail as it is, so the verifier names the break', () => {
    const entries = simpleChain(6);
    const forged = entries.map((e) => (e.seq === 4 ? { ...e, user: 'mallory' } : e));
    const check = verifyAuditExport(readWorkbookSheets(auditExportBytes(forged, META)));
    expect(check).toMatchObject({ ok: false, problem: { kind: 'entry', check: 'hash', sheet: CHAIN_SHEET, row: 5, seq: 4 } });
  });
});

function readWorkbookSheets(bytes: Uint8Array) {
  const wb = readWorkbook(bytes, 'x.xlsx');
  if (!wb.ok) throw new Error(wb.error.code);
  return wb.value.sheets;
}

describe('verifyChain after a given entry', () => {
  it('checks a range that starts later against the entry before it', () => {
    const chain = simpleChain(8);
    const before = chain[3]!;
    expect(verifyChain(chain.slice(4), before)).toEqual({ ok: true, count: 4 });
    expect(verifyChain(chain.slice(4), chain[2])).toEqual({ ok: false, seq: 5, reason: 'gap' });
    expect(verifyChain(chain.slice(4), { seq: 4, hash: 'f'.repeat(64) })).toEqual({ ok: false, seq: 5, reason: 'link' });
  });
});

describe('file name and verify command', () => {
  it('suggests a name with the date and the seq range', () => {
    expect(auditExportFileName('2026-05-02', simpleChain(3), 'zh-CN')).toBe('审计日志-2026-05-02-序号1至3.xlsx');
    expect(auditExportFileName('2026-05-02', simpleChain(3), 'en')).toBe('audit-trail-2026-05-02-seq1-3.xlsx');
    expect(auditExportFileName('2026-05-02', [], 'zh-CN')).toBe('审计日志-2026-05-02.xlsx');
  });

  it('quotes a file name a shell would split', () => {
    expect(verifyCommand('a b.xlsx')).toBe('npm run audit-trail -- verify "a b.xlsx"');
    expect(verifyCommand('审计日志（1）.xlsx')).toBe('npm run audit-trail -- verify 审计日志（1）.xlsx');
  });
});
