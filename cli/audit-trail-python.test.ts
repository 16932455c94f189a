// docs/audit-verify.py, the standard-library Python check docs/audit.md offers auditors without Node: it must
// agree with `npm run audit-trail -- verify` on good and tampered exports. Skipped where python3 is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditExportBytes } from '../shared/audit/audit-export';
import { chainOf, editContent, simpleChain, trickyContents } from '../shared/audit/test-chain';
import { ledgerExportSheet, writeWorkbook } from '../shared/reconcile/sheet';

const SCRIPT = fileURLToPath(new URL('../docs/audit-verify.py', import.meta.url));
const hasPython = spawnSync('python3', ['--version']).status === 0;
const META = { exportedBy: 'auditor', exportedAt: '2026-05-02T09:00:00.000Z', device: 'PC-审计' };
let dir = '';

beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'fapiao-audit-py-')); });
afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

function python(name: string, bytes: Uint8Array) {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  const r = spawnSync('python3', [SCRIPT, path], { encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, out: r.stdout.trim(), err: r.stderr.trim() };
}

describe.skipIf(!hasPython)('docs/audit-verify.py (needs python3)', () => {
  it('verifies exports the app writes: formula payloads, odd text, long JSON, a later range, continuation sheets', () => {
    const tricky = chainOf(trickyContents());
    expect(python('tricky.xlsx', auditExportBytes(tricky, META))).toMatchObject({ status: 0, out: `OK: ${tricky.length} entries, seq 1-${tricky.length}, head hash ${tricky[tricky.length - 1]?.hash ?? ''}` });
    const long = chainOf([editContent(1, { after: { remarks: 'x'.repeat(40_000), escapes: '_x0041_'.repeat(6_000) } }), editContent(2)]);
    expect(python('long.xlsx', auditExportBytes(long, META))).toMatchObject({ status: 0 });
    expect(python('range.xlsx', auditExportBytes(simpleChain(10).slice(4), META))).toMatchObject({ status: 0, out: expect.stringContaining('OK: 6 entries, seq 5-10') as unknown });
    expect(python('sheets.xlsx', auditExportBytes(simpleChain(7), META, { rowsPerSheet: 3 }))).toMatchObject({ status: 0, out: expect.stringContaining('OK: 7 entries') as unknown });
  });

  it('names the row of a changed cell, and refuses what is not an export', () => {
    const wb = XLSX.read(auditExportBytes(simpleChain(6), META), { type: 'array' });
    wb.Sheets['审计日志']!.C5 = { t: 's', v: 'mallory' };
    const tampered = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    expect(python('tampered.xlsx', tampered)).toMatchObject({ status: 1, err: 'sheet 审计日志 row 5 (seq 4): hash, the row does not match its hash' });
    expect(python('ledger.xlsx', writeWorkbook([ledgerExportSheet([])]))).toMatchObject({ status: 3 });
    expect(python('notes.txt', new TextEncoder().encode('hello'))).toMatchObject({ status: 3 });
  });
});
