import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from 'xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readWorkbook } from '../shared/reconcile/sheet';
import { bankCsvGbk, platformXlsx, writeFixtureFiles, type FixtureFiles } from '../test/fixtures/reconcile/files';
import { SMALL_SPEC } from '../test/fixtures/reconcile/generate';
import { runReconcile, type ReconcileIo } from './reconcile-run';

const SUMMARY_FIELDS = ['listRows', 'ledgerRows', 'missingInLedger', 'missingOnList', 'mismatched', 'voidedButActive', 'paymentsWithoutInvoice', 'invoicesWithoutPayment', 'sequenceGaps'];

let dir = '';
let files: FixtureFiles;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'fapiao-reconcile-cli-'));
  files = writeFixtureFiles(dir, SMALL_SPEC);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function run(argv: string[], fileSize?: (path: string) => number) {
  const out: string[] = [];
  const err: string[] = [];
  const io: ReconcileIo = {
    fileSize: fileSize ?? ((p) => statSync(p).size),
    readFile: (p) => new Uint8Array(readFileSync(p)),
    writeFile: (p, bytes) => { writeFileSync(p, bytes); },
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  };
  const status = runReconcile(argv, io, { now: () => new Date('2024-06-03T08:00:00Z'), user: 'tester', timings: false });
  const json = status === 0 && !argv.includes('--help');
  const summary = json && out[0] !== undefined ? JSON.parse(out[0]) as Record<string, unknown> : {};
  const findings = json ? out.slice(1).map((l) => JSON.parse(l) as { type: string; key: string; detail: Record<string, unknown> }) : [];
  return { status, out, err, summary, findings, stderr: err.join('\n') };
}

const base = () => ['--list', files.list, '--ledger', files.ledger];
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('npm run reconcile', () => {
  it('prints the exact counts for the generated list, ledger and bank statement, the contract fields first', () => {
    const r = run([...base(), '--bank', files.bank]);
    expect(r.status).toBe(0);
    expect(Object.keys(r.summary).slice(0, 9)).toEqual(SUMMARY_FIELDS);
    expect(r.out[0]?.startsWith(JSON.stringify(files.fixture.expected).slice(0, -1))).toBe(true);
    expect(r.summary).toMatchObject({
      listRows: 45, ledgerRows: 44, missingInLedger: 4, missingOnList: 3, mismatched: 4, voidedButActive: 2,
      paymentsWithoutInvoice: 10, invoicesWithoutPayment: 38, sequenceGaps: 2,
      riskFlagged: 2, from: '2024-05-01', to: '2024-05-31', direction: 'in', company: files.fixture.company.taxId,
      rowsLeftOut: { list: 0, ledger: 0, bank: 0 },
    });
    expect(r.stderr).toBe('');
  });

  it('prints one line per finding with type, key and detail, matching the counts', () => {
    const r = run([...base(), '--bank', files.bank]);
    const byType = (t: string) => r.findings.filter((f) => f.type === t);
    expect(byType('missingInLedger')).toHaveLength(4);
    expect(byType('sequenceGap').map((f) => f.key)).toEqual([
      expect.stringMatching(/^gap:\w+:1100241130:03000103-03000104$/), expect.stringMatching(/^gap:\w+:1100241130:03000107-03000108$/),
    ]);
    expect(byType('mismatched').map((f) => f.detail.fields).sort()).toEqual(['amount,total', 'amount,total', 'issueDate', 'platformStatus']);
    for (const f of r.findings) expect(Object.keys(f).slice(0, 3)).toEqual(['type', 'key', 'detail']);
    const combined = byType('paymentWithoutInvoice').filter((f) => f.detail.summary === '合并支付货款');
    expect(combined).toHaveLength(2);
    for (const f of combined) expect((f as { suggestions?: { reasons: { code: string }[] }[] }).suggestions?.[0]?.reasons[0]?.code).toBe('amountSum');
  });

  it('leaves the bank counts at zero without a statement', () => {
    const r = run(base());
    expect(r.status).toBe(0);
    expect(r.summary).toMatchObject({ ...files.fixture.expected, paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0 });
  });

  it('writes the .xlsx report with a summary sheet and one sheet per finding type', () => {
    const out = join(dir, 'report.xlsx');
    expect(run([...base(), '--bank', files.bank, '--out', out]).status).toBe(0);
    const wb = readWorkbook(new Uint8Array(readFileSync(out)), 'report.xlsx');
    if (!wb.ok) throw new Error(wb.error.code);
    expect(wb.value.sheets[0]?.name).toBe('汇总');
    expect(wb.value.sheets.slice(1).map((s) => [s.name, s.rows.length])).toEqual([
      ['平台有台账无', 5], ['台账有平台无', 4], ['信息不一致', 5], ['已作废_红冲但台账正常', 3],
      ['风险发票', 3], ['付款无发票', 11], ['发票无付款', 39], ['号码断号', 3],
    ]);
    expect(wb.value.sheets[1]?.rows[0]?.[0]).toBe('类型');
  });

  it('follows --from/--to, --company and --direction', () => {
    const june = run([...base(), '--from', '2024-06-01', '--to', '2024-06-30']);
    const listed = new Set(files.fixture.list.map((r) => r.number));
    const juneOnly = files.fixture.ledger.filter((i) => i.issueDate.startsWith('2024-06') && !listed.has(i.number)).length;
    expect(june.summary).toMatchObject({ missingInLedger: 0, missingOnList: juneOnly, mismatched: 1, sequenceGaps: 0, from: '2024-06-01', to: '2024-06-30' });
    const out = run([...base(), '--direction', 'out', '--company', files.fixture.company.taxId]);
    expect(out.summary).toMatchObject({ missingInLedger: SMALL_SPEC.outgoing, missingOnList: 0, mismatched: 0, voidedButActive: 0, direction: 'out' });
    expect(run([...base(), '--company', '91110000000000000X']).summary).toMatchObject({ missingInLedger: 0, missingOnList: 0, mismatched: 0 });
  });

  it('marks what is new since an earlier run given with --previous', () => {
    const april = run(base());
    // The earlier run knew every finding but the first two; a line it never had is simply not in the file.
    const earlier = file('earlier.jsonl', [april.out[0], ...april.out.slice(3)].join('\n'));
    const r = run([...base(), '--previous', earlier, '--out', join(dir, 'marked.xlsx')]);
    expect(r.status).toBe(0);
    expect(r.summary.newSincePrevious).toBe(2);
    expect(r.findings.filter((f) => (f as { new?: boolean }).new).map((f) => f.key)).toEqual(april.findings.slice(0, 2).map((f) => f.key));
    expect(r.findings.every((f) => typeof (f as { new?: boolean }).new === 'boolean')).toBe(true);
    const wb = readWorkbook(new Uint8Array(readFileSync(join(dir, 'marked.xlsx'))), 'marked.xlsx');
    if (!wb.ok) throw new Error(wb.error.code);
    expect(wb.value.sheets[1]?.rows.slice(1).map((row) => row[1])).toEqual(['是', '是', null, null]);
    expect(run(base()).findings.some((f) => 'new' in f)).toBe(false);
  });

  it('exits 1 when --previous is not an earlier output', () => {
    const r = run([...base(), '--previous', files.bank]);
    expect(r.status).toBe(1);
    expect(r.err[0]).toContain('上次结果（--previous');
    expect(r.err[1]).toContain('Line 1 of “银行流水.csv” is not a JSON line');
    expect(run([...base(), '--previous', join(dir, 'missing.jsonl')]).status).toBe(1);
  });

  it('gives the same keys when the list comes in another order', () => {
    const reversed = file('reversed.xlsx', platformXlsx([...files.fixture.list].reverse()));
    const keys = (argv: string[]) => run(argv).findings.map((f) => f.key);
    expect(keys(['--list', reversed, '--ledger', files.ledger])).toEqual(keys(base()));
  });

  it('reports rows it cannot read and reconciles the rest', () => {
    const rows = files.fixture.list.map((r, i) => (i === 3 ? { ...r, issueDate: '2024-13-45' } : r));
    const list = platformXlsx(rows);
    // platformXlsx writes the date text as given: the reader must refuse row 5 and keep the others.
    const r = run(['--list', file('bad-row.xlsx', list), '--ledger', files.ledger]);
    expect(r.status).toBe(0);
    expect(r.summary).toMatchObject({ listRows: 44, rowsLeftOut: { list: 1, ledger: 0, bank: 0 } });
    expect(r.stderr).toContain('第 5 行');
    expect(r.stderr).toContain('Row 5');
  });
});

describe('npm run reconcile with input it cannot use', () => {
  // What Excel's "Encrypt with password" writes: a compound file holding an encrypted package (MS-OFFCRYPTO).
  const encrypted = () => {
    const CFB = XLSX.CFB as {
      utils: { cfb_new(): object; cfb_add(cfb: object, name: string, content: Uint8Array): void };
      write(cfb: object, options: { type: 'array' }): ArrayLike<number>;
    };
    const cfb = CFB.utils.cfb_new();
    CFB.utils.cfb_add(cfb, '/EncryptionInfo', new Uint8Array(64));
    CFB.utils.cfb_add(cfb, '/EncryptedPackage', new Uint8Array(512));
    return new Uint8Array(CFB.write(cfb, { type: 'array' }));
  };
  const headersOnly = () => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['序号', '数电发票号码', '销方识别号', '销方名称', '购方识别号', '开票日期', '金额', '税额', '价税合计']]), '发票基础信息');
    return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  };

  it.each([
    ['a missing file', () => join(dir, 'nope.xlsx'), ['找不到文件', 'does not exist']],
    ['an empty file', () => file('empty.xlsx', ''), ['是空的', 'is empty']],
    ['a file that is not a spreadsheet', () => file('scan.xlsx', new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37, 10])), ['不是表格文件', 'not a spreadsheet']],
    ['a password-protected workbook', () => file('locked.xlsx', encrypted()), ['密码', 'password']],
    ['headers without rows', () => file('headers.xlsx', headersOnly()), ['只有表头', 'only a header']],
    ['a bank statement given as the list', () => file('bank-as-list.csv', bankCsvGbk(files.fixture.bank, files.fixture.company)), ['找不到需要的列', 'lacks the columns needed']],
    ['a directory', () => dir, ['无法读取文件', 'cannot be read']],
  ])('exits 1 on %s as --list, naming the file and the input expected', (_, path, [zh, en]) => {
    const p = path();
    const r = run(['--list', p, '--ledger', files.ledger]);
    expect(r.status).toBe(1);
    expect(r.out).toEqual([]);
    expect(r.err[0]).toContain('发票清单（--list');
    expect(r.err[0]).toContain(zh);
    expect(r.err[1]).toContain('platform list (--list');
    expect(r.err[1]).toContain(en);
    expect(r.stderr).toContain(p.split('/').pop());
  });

  it('exits 1 on a 200 MB file without reading it', () => {
    const r = run(base(), (p) => (p === files.ledger ? 200 * 1024 * 1024 : statSync(p).size));
    expect(r.status).toBe(1);
    expect(r.err[0]).toContain('台账（--ledger');
    expect(r.err[0]).toContain('200 MB');
    expect(r.err[1]).toContain('发票台账.xlsx');
  });

  it('exits 1 on an unusable ledger or bank statement, naming which', () => {
    const pdf = file('ledger.pdf', new Uint8Array([0x25, 0x50, 0x44, 0x46, 10]));
    expect(run(['--list', files.list, '--ledger', pdf]).err[1]).toMatch(/^reconcile: ledger \(--ledger.*ledger\.pdf/);
    const r = run([...base(), '--bank', files.list]);
    expect(r.status).toBe(1);
    expect(r.err[1]).toMatch(/^reconcile: bank statement \(--bank.*lacks the columns needed/);
  });

  it('exits 1 when the report cannot be written', () => {
    const r = run([...base(), '--out', join(dir, 'no-such-dir', 'r.xlsx')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('无法写入报告');
  });

  it('exits 2 with the usage on bad usage, 0 with it on --help', () => {
    for (const argv of [[], ['--list', files.list], [...base(), '--fast']]) {
      const r = run(argv);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('usage: npm run reconcile');
    }
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.out.join('\n')).toContain('--direction');
  });
});
