// `npm run audit-trail -- verify`: in-process on files written by the app's export, and once through npm as an
// auditor runs it, on a file edited with SheetJS as a spreadsheet program would save it.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditExportBytes } from '../shared/audit/audit-export';
import { chainOf, simpleChain, trickyContents } from '../shared/audit/test-chain';
import { ledgerExportSheet, writeWorkbook } from '../shared/reconcile/sheet';
import { runAuditTrail } from './audit-trail-run';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const META = { exportedBy: 'auditor', exportedAt: '2026-05-02T09:00:00.000Z', device: 'PC-审计' };
const ENTRIES = simpleChain(6);
const HEAD = ENTRIES[5]?.hash ?? '';
let dir = '';

/** The export with the user of seq 4 (sheet row 5) changed, saved again by SheetJS. */
function tampered(): Uint8Array {
  const wb = XLSX.read(auditExportBytes(ENTRIES, META), { type: 'array' });
  const ws = wb.Sheets['审计日志']!;
  ws.C5 = { t: 's', v: 'mallory' };
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fapiao-audit-trail-'));
  writeFileSync(join(dir, 'good.xlsx'), auditExportBytes(ENTRIES, META));
  writeFileSync(join(dir, 'tricky.xlsx'), auditExportBytes(chainOf(trickyContents()), { ...META, exportedBy: '=cmd|\' /C calc\'!A0' }));
  writeFileSync(join(dir, 'tampered.xlsx'), tampered());
  writeFileSync(join(dir, 'ledger.xlsx'), writeWorkbook([ledgerExportSheet([])]));
  writeFileSync(join(dir, 'notes.txt'), 'not a spreadsheet at all\n');
  writeFileSync(join(dir, 'scan.pdf'), new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31]));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function run(argv: string[], lang = 'en_US.UTF-8') {
  const out: string[] = [];
  const err: string[] = [];
  const status = await runAuditTrail(argv, {
    fileSize: (p) => statSync(p).size, readFile: (p) => new Uint8Array(readFileSync(p)), out: (l) => out.push(l), err: (l) => err.push(l),
  }, { LANG: lang });
  return { status, out: out.join('\n'), err: err.join('\n') };
}

const path = (name: string) => join(dir, name);

describe('npm run audit-trail -- verify', () => {
  it('says OK with the count and head hash and exits 0, in the language LANG or --lang asks for', async () => {
    expect(await run(['verify', path('good.xlsx')])).toEqual({ status: 0, out: `Audit trail verified: 6 entries, seq 1–6, head hash ${HEAD}.`, err: '' });
    expect((await run(['verify', path('good.xlsx')], 'zh_CN.UTF-8')).out).toBe(`审计日志校验通过：共 6 条，序号 1–6，链头哈希 ${HEAD}。`);
    expect((await run(['verify', '--lang', 'zh-CN', path('good.xlsx')])).out).toContain('审计日志校验通过');
  });

  it('verifies an export full of formula payloads', async () => {
    expect(await run(['verify', path('tricky.xlsx')])).toMatchObject({ status: 0, out: expect.stringContaining(`${trickyContents().length} entries`) as unknown });
  });

  it('names the row and seq of a changed cell and exits 1', async () => {
    expect(await run(['verify', path('tampered.xlsx')])).toEqual({
      status: 1, out: '', err: 'audit-trail: Sheet “审计日志” row 5 (seq 4): the row does not match its hash: this row was changed.',
    });
  });

  it('checks the head hash given with --head', async () => {
    expect(await run(['verify', path('good.xlsx'), '--head', HEAD.toUpperCase()])).toMatchObject({ status: 0, out: expect.stringContaining('matches --head') as unknown });
    expect(await run(['verify', path('good.xlsx'), `--head=${'a'.repeat(64)}`])).toMatchObject({ status: 1, err: expect.stringContaining(`its head hash is ${HEAD}, not ${'a'.repeat(64)}`) as unknown });
  });

  it('exits 3 with its own message for a missing file or one that is not an export', async () => {
    expect(await run(['verify', path('missing.xlsx')])).toMatchObject({ status: 3, err: expect.stringContaining('does not exist') as unknown });
    expect(await run(['verify', path('ledger.xlsx')])).toMatchObject({ status: 3, err: 'audit-trail: The file “ledger.xlsx” is not an audit trail export: it has no sheet “审计日志”.' });
    expect(await run(['verify', path('notes.txt')])).toMatchObject({ status: 3, err: expect.stringContaining('not an audit trail export') as unknown });
    expect(await run(['verify', path('scan.pdf')])).toMatchObject({ status: 3 });
  });

  it('exits 3 for a file too large to be an export, without reading it', async () => {
    const r = await runAuditTrail(['verify', 'huge.xlsx'], {
      fileSize: () => 200 * 1024 * 1024, readFile: () => { throw new Error('must not read'); }, out: () => undefined, err: () => undefined,
    }, { LANG: 'en' });
    expect(r).toBe(3);
  });

  it('exits 2 on bad arguments, printing the usage with the exit statuses', async () => {
    for (const argv of [[], ['check', 'x.xlsx'], ['verify'], ['verify', 'a.xlsx', 'b.xlsx'], ['verify', 'a.xlsx', '--head', 'xyz'], ['verify', 'a.xlsx', '--lang', 'fr'], ['verify', 'a.xlsx', '--quiet']]) {
      const r = await run(argv);
      expect(r.status, argv.join(' ')).toBe(2);
      expect(r.err).toContain('exit status: 0 verified; 1 an entry or the summary does not verify');
    }
    expect(await run(['--help'])).toMatchObject({ status: 0, out: expect.stringContaining('usage: npm run audit-trail -- verify EXPORT.xlsx') as unknown });
  });

  it('runs through npm as an auditor types it', () => {
    const r = spawnSync('npm', ['run', '--silent', 'audit-trail', '--', 'verify', path('tampered.xlsx')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'zh_CN.UTF-8' }, timeout: 120_000 });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('audit-trail: 工作表“审计日志”第 5 行（序号 4）：该行内容与它的哈希不符——这一行被改动过。');
    const ok = spawnSync('npm', ['run', '--silent', 'audit-trail', '--', 'verify', path('good.xlsx')], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8' }, timeout: 120_000 });
    expect(ok.status).toBe(0);
    expect(ok.stdout.trim()).toBe(`Audit trail verified: 6 entries, seq 1–6, head hash ${HEAD}.`);
  }, 240_000);
});
