// End-to-end tests of `npm run extract`: the CLI runs as a child process on the shared sample invoices
// (truth as printed, also in bench/fixtures/samples-truth.json) and on bad inputs generated into a temp dir.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const SAMPLES = fileURLToPath(new URL('../../shared/samples', import.meta.url));
const TSX = join(REPO, 'node_modules', '.bin', 'tsx');
const CLI = join(REPO, 'cli', 'extract.ts');

interface Line {
  file: string;
  ok: boolean;
  invoice?: Record<string, string>;
  fields?: Record<string, { source: string; confidence: number }>;
  warnings: { code: string; message: string; field?: string }[];
  error?: string;
  errorCode?: string;
}

interface Run { status: number | null; lines: Line[]; stderr: string }

function runCli(args: readonly string[], prefix: readonly string[] = []): Run {
  const [cmd = TSX, ...rest] = [...prefix, TSX, CLI, ...args];
  const r = spawnSync(cmd, rest, { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 280_000 });
  const lines = r.stdout.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l) as Line);
  return { status: r.status, lines, stderr: r.stderr };
}

const byName = (run: Run, name: string): Line => {
  const line = run.lines.find((l) => basename(l.file) === name);
  if (!line) throw new Error(`no line for ${name}`);
  return line;
};

beforeAll(() => {
  execFileSync(process.execPath, [join(REPO, 'scripts', 'prepare-assets.mjs'), '--quiet']);
}, 60_000);

describe('extract on the sample invoices', () => {
  let run: Run;
  beforeAll(() => {
    run = runCli([join(SAMPLES, 'ofd'), join(SAMPLES, 'pdf'), join(SAMPLES, 'images')]);
  }, 300_000);

  it('prints one line per file, in directory order, and exits 0', () => {
    expect(run.status).toBe(0);
    // The sample set grows (more real photos and scans arrive): every file gets exactly one line, folder by folder
    // in name order, and the files the tests below read are among them.
    const names = run.lines.map((l) => basename(l.file));
    const expected = ['ofd', 'pdf', 'images'].flatMap((dir) => readdirSync(join(SAMPLES, dir)).sort());
    expect(names).toEqual(expected);
    expect(names).toEqual(expect.arrayContaining([
      'beijing-e-putong-test-env.ofd', 'chongqing-test-3-lines.ofd', 'qingdao-shudian-zhuan.ofd', 'test-100-lines.ofd', 'zhejiang-e-putong.ofd',
      'sichuan-shudian-zhuan-rendered.pdf', 'demo-zhuanpiao-scan.jpg', 'tianjin-e-putong.png',
    ]));
  });

  it('reads the 浙江 OFD from its original_invoice.xml', () => {
    const l = byName(run, 'zhejiang-e-putong.ofd');
    expect(l.ok).toBe(true);
    expect(l.invoice).toEqual({
      kind: 'e_normal', code: '033002000211', number: '83089647', issueDate: '2020-07-23', checkCode: '16197833567414507415',
      buyerName: '江苏京利华新材料有限公司', buyerTaxId: '91320115MA202UKD7X', sellerName: '兰溪市悦济舫餐厅', sellerTaxId: '92330781MA2EDMFU50',
      amount: '510.68', tax: '15.32', total: '526.00',
    });
    expect(l.fields?.['number']).toEqual({ source: 'xml', confidence: expect.any(Number) as number });
  });

  it('reads the 100-line OFD; the buyer 个人 has no tax id, so the field is absent', () => {
    const l = byName(run, 'test-100-lines.ofd');
    expect(l.invoice).toMatchObject({ code: '050001700111', number: '12235358', issueDate: '2020-08-05', buyerName: '个人', amount: '10000.00', tax: '600.00', total: '10600.00' });
    expect(l.invoice).not.toHaveProperty('buyerTaxId');
  });

  it('reads the 重庆 vendor test OFD and warns about its fake tax ids', () => {
    const l = byName(run, 'chongqing-test-3-lines.ofd');
    expect(l.invoice).toMatchObject({ code: '050001700111', number: '99999951', issueDate: '2020-10-10', checkCode: '14754822929856772523', amount: '300.00', tax: '18.00', total: '318.00' });
    expect(l.warnings.some((w) => w.code.startsWith('taxId.') && w.message !== '')).toBe(true);
  });

  it('reads the 北京 test-environment OFD', () => {
    const l = byName(run, 'beijing-e-putong-test-env.ofd');
    expect(l.invoice).toMatchObject({
      code: '011002680026', number: '71500013', issueDate: '2020-02-20', checkCode: '03272875819686271285',
      buyerName: '百望股份有限公司', buyerTaxId: '91110108339805094M', sellerName: 'ukey测试', sellerTaxId: '91110101202001201',
      amount: '9709.00', tax: '291.00', total: '10000.00',
    });
  });

  it('reads the 青岛 数电专票 OFD from CustomData/CustomTag (no invoice code)', () => {
    const l = byName(run, 'qingdao-shudian-zhuan.ofd');
    expect(l.invoice).toMatchObject({
      kind: 'digital_special', number: '25924000000001260164', issueDate: '2025-04-01',
      buyerName: '威高集团有限公司', buyerTaxId: '913710007062495888', sellerName: '青岛嘉仕汇酒店管理有限公司', sellerTaxId: '91370203MA3N3AR685',
      amount: '357.55', tax: '21.45', total: '379.00',
    });
    expect(l.invoice).not.toHaveProperty('code');
  });

  it('reads the 四川 数电专票 PDF from its text layer', () => {
    const l = byName(run, 'sichuan-shudian-zhuan-rendered.pdf');
    expect(l.invoice).toMatchObject({
      number: '23512000000005197325', issueDate: '2023-01-30',
      buyerName: '中国移动通信集团四川有限公司成都分公司', buyerTaxId: '91510000765055994P',
      sellerName: '郫都区星讯通讯设备经营部', sellerTaxId: '92510124MA6B1BBY1G', amount: '2129.34', tax: '21.29', total: '2150.63',
    });
    expect(l.fields?.['number']?.source).toBe('pdf-text');
  });

  it('reads the 天津 PNG through its QR code, and the buyer 个人 and the tax from its cells', () => {
    const l = byName(run, 'tianjin-e-putong.png');
    expect(l.ok).toBe(true);
    expect(l.invoice).toMatchObject({ code: '012001800311', number: '33207675', issueDate: '2019-05-08', checkCode: '76939056883466677916', amount: '46.62' });
    expect(l.fields?.['number']?.source).toBe('qr');
    // The text engine adds what the QR lacks, each value read where the invoice prints it: the buyer 个人 right of
    // 名称 in the buyer block, the seller below 价税合计, the tax on the 合计 row.
    expect(l.invoice).toMatchObject({ sellerName: '天津瑞佳讯贸易有限公司', sellerTaxId: '91120222079642398Y', buyerName: '个人', tax: '6.08', total: '52.70' });
    expect(l.invoice?.buyerTaxId).toBeUndefined();
    for (const k of ['buyerName', 'tax', 'total']) expect(l.fields?.[k]?.source, k).toBe('ocr');
    // Names have no second reading: they are shown for checking; the seller's id has a right check character.
    expect(l.fields?.['buyerName']?.confidence).toBeLessThan(0.8);
    expect(l.fields?.['sellerTaxId']?.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('reads the paper 专票 scan (no QR) cell by cell', () => {
    const l = byName(run, 'demo-zhuanpiao-scan.jpg');
    expect(l.ok).toBe(true);
    expect(l.invoice).toMatchObject({
      code: '1100094140', number: '87654321', issueDate: '2010-11-18', buyerName: '测试购方企业', amount: '5999.00', tax: '1019.83', total: '7018.83',
    });
    expect(l.invoice?.['sellerName']).toBe('测试销方企业');
    // Everything came from OCR. The figures add up (and the total in capitals agrees): certain. The names and the
    // date, read once, are flagged for checking.
    expect(Object.values(l.fields ?? {}).every((f) => f.source === 'ocr')).toBe(true);
    for (const k of ['amount', 'tax', 'total']) expect(l.fields?.[k]?.confidence, k).toBeGreaterThanOrEqual(0.8);
    for (const k of ['buyerName', 'sellerName', 'issueDate']) expect(l.fields?.[k]?.confidence, k).toBeLessThan(0.8);
  });

  it('prints no empty strings and money with two decimals', () => {
    for (const l of run.lines.filter((x) => x.ok)) {
      for (const v of Object.values(l.invoice ?? {})) expect(v).not.toBe('');
      for (const k of ['amount', 'tax', 'total']) {
        const v = l.invoice?.[k];
        if (v !== undefined) expect(v).toMatch(/^-?\d+\.\d{2}$/);
      }
    }
  });
});

/** A hand-written PDF; `extra` goes into the trailer (e.g. /Encrypt). */
function tinyPdf(pageText: string, extraObjects: string[] = [], trailerExtra = ''): Uint8Array {
  const content = `BT /F1 24 Tf 72 720 Td (${pageText}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    ...extraObjects,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => { offsets.push(out.length); out += `${i + 1} 0 obj\n${body}\nendobj\n`; });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return strToU8(out);
}

/** 50 MB of zeros whose headers declare 100 bytes: the reader must stop at the declared size, not inflate it all. */
function lyingZipBomb(): Uint8Array {
  const ofd = strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>');
  const b = Buffer.from(zipSync({ 'OFD.xml': ofd, 'Doc_0/Document.xml': new Uint8Array(50_000_000) }, { level: 9 }));
  for (let i = 0; i + 30 < b.length; i++) {
    const sig = b.readUInt32LE(i);
    if (sig === 0x04034b50 && b.readUInt32LE(i + 22) > 1000) b.writeUInt32LE(100, i + 22);
    if (sig === 0x02014b50 && b.readUInt32LE(i + 24) > 1000) b.writeUInt32LE(100, i + 24);
  }
  return b;
}

describe('extract on bad inputs', { timeout: 60_000 }, () => {
  let dir: string;
  let run: Run;
  const hex = (n: number, seed: number) => Array.from({ length: n }, (_, i) => ((i * 37 + seed) & 255).toString(16).padStart(2, '0')).join('');

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'extract-bad-'));
    const png = readFileSync(join(SAMPLES, 'images', 'tianjin-e-putong.png'));
    const pdf = readFileSync(join(SAMPLES, 'pdf', 'sichuan-shudian-zhuan-rendered.pdf'));
    const ihdr = (w: number, h: number) => {
      const b = Buffer.alloc(33);
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(b, 0);
      b.writeUInt32BE(13, 8); b.write('IHDR', 12, 'latin1'); b.writeUInt32BE(w, 16); b.writeUInt32BE(h, 20);
      b[24] = 8; b[25] = 2;
      return b;
    };
    const files: Record<string, Uint8Array> = {
      '01-empty.pdf': new Uint8Array(0),
      '02-truncated.png': png.subarray(0, 5000),
      '03-truncated.pdf': pdf.subarray(0, 3000),
      '04-garbage.pdf': strToU8('%PDF-1.7\nthis is not really a pdf\n'),
      // Standard security handler with O/U that match no password, so even the empty user password fails.
      '05-encrypted.pdf': tinyPdf('secret', [`<< /Filter /Standard /V 1 /R 2 /Length 40 /P -44 /O <${hex(32, 1)}> /U <${hex(32, 2)}> >>`], `/Encrypt 6 0 R /ID [<${hex(16, 3)}> <${hex(16, 3)}>]`),
      // 30 MB of zeros in one entry: ~30 KB on disk, above the reader's per-entry limit.
      '06-zip-bomb.ofd': zipSync({ 'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'), 'Doc_0/bomb.xml': new Uint8Array(30_000_000) }, { level: 9 }),
      '07-huge.png': ihdr(15000, 15000),
      '08-malformed.ofd': zipSync({ 'OFD.xml': strToU8('<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><unclosed') }),
      '09-notes.txt': strToU8('这不是发票 — just some notes\n'),
      '10-hello.pdf': tinyPdf('Hello, this is a letter, not an invoice'),
      '11-random.ofd': Uint8Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) & 255),
      '12-lying-zip-bomb.ofd': lyingZipBomb(),
    };
    for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
    run = runCli([dir]);
  }, 120_000);

  afterAll(() => { rmSync(dir, { recursive: true, force: true }); });

  it('gives one ok:false line with a clear message per bad file and exits 0', () => {
    expect(run.status).toBe(0);
    expect(run.lines).toHaveLength(12);
    for (const l of run.lines) {
      expect(l.ok, l.file).toBe(false);
      expect(l.error?.length ?? 0, l.file).toBeGreaterThan(5);
      expect(l).not.toHaveProperty('invoice');
    }
  });

  it.each([
    ['01-empty.pdf', 'emptyFile'],
    ['02-truncated.png', 'corruptFile'],
    ['04-garbage.pdf', 'corruptFile'],
    ['05-encrypted.pdf', 'pdfPassword'],
    ['06-zip-bomb.ofd', 'ofdTooLarge'],
    ['07-huge.png', 'imageTooLarge'],
    ['08-malformed.ofd', 'ofdMalformedXml'],
    ['09-notes.txt', 'unsupportedType'],
    ['10-hello.pdf', 'notInvoice'],
    ['11-random.ofd', 'unsupportedType'],
  ])('%s → %s', (name, code) => {
    expect(byName(run, name).errorCode).toBe(code);
  });

  it('a truncated PDF is refused without a crash', () => {
    expect(['corruptFile', 'notInvoice']).toContain(byName(run, '03-truncated.pdf').errorCode);
  });

  it('says it in English with --lang en', () => {
    const en = runCli(['--lang', 'en', join(dir, '05-encrypted.pdf'), join(dir, '07-huge.png')]);
    expect(en.lines[0]?.error).toMatch(/password-protected/);
    expect(en.lines[1]?.error).toMatch(/too large \(225 megapixels/);
  });

  it('a missing file gets an ok:false line, the batch goes on, and the exit status is 1', () => {
    const r = runCli([join(dir, 'no-such-file.pdf'), join(dir, '01-empty.pdf')]);
    expect(r.status).toBe(1);
    expect(r.lines.map((l) => l.errorCode)).toEqual(['notFound', 'emptyFile']);
    expect(r.lines[0]?.error).toContain('no-such-file.pdf');
  });

  it('usage errors exit 2 and print no lines', () => {
    for (const args of [[], ['--bogus', join(dir, '01-empty.pdf')], ['--lang', 'fr', join(dir, '01-empty.pdf')]]) {
      const r = runCli(args);
      expect(r.status).toBe(2);
      expect(r.lines).toEqual([]);
      expect(r.stderr).toMatch(/usage: npm run extract/);
    }
  });
});

const unshare = spawnSync('unshare', ['-n', 'true']);
const canUnshare = unshare.status === 0;

// Proves nothing is fetched at run time: with no network interface at all the results are identical.
describe.skipIf(!canUnshare)('extract without a network (unshare -n)', () => {
  it('gives the same lines for an OFD and an image (QR + OCR)', () => {
    const files = [join(SAMPLES, 'ofd', 'zhejiang-e-putong.ofd'), join(SAMPLES, 'images', 'tianjin-e-putong.png')];
    const offline = runCli(files, ['unshare', '-n']);
    const online = runCli(files);
    expect(offline.status).toBe(0);
    expect(offline.lines).toEqual(online.lines);
    expect(offline.lines.every((l) => l.ok)).toBe(true);
  }, 300_000);
});
