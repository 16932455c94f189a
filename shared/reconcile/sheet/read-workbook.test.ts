import { zipSync, strToU8 } from 'fflate';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { readOoxml } from './ooxml-read';
import { checkSheetSize, readWorkbook } from './read-workbook';
import { encodeGbk, encodeUtf16, encodeUtf8 } from './test-files';
import { MAX_SHEET_BYTES, type Workbook } from './types';
import { readWithSheetJs } from './xlsx-io';
import { writeWorkbook } from './write-workbook';

/** A workbook written by SheetJS from cell objects (what other programs write, not our writer). */
function sheetJsBook(sheets: Record<string, { cells: XLSX.CellObject[][]; merges?: XLSX.Range[] }>, bookType: XLSX.BookType = 'xlsx', bookSST = true): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, s] of Object.entries(sheets)) {
    const ws: XLSX.WorkSheet = {};
    s.cells.forEach((row, r) => {
      row.forEach((cell, c) => {
        ws[XLSX.utils.encode_cell({ r, c })] = cell;
      });
    });
    const width = Math.max(...s.cells.map((r) => r.length));
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: s.cells.length - 1, c: width - 1 } });
    if (s.merges) ws['!merges'] = s.merges;
    XLSX.utils.book_append_sheet(wb, ws, name);
  }
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType, bookSST }) as ArrayBuffer);
}

/** The slice of SheetJS's compound-file writer the tests use (SheetJS types CFB as any). */
interface CfbApi {
  readonly utils: { cfb_new(): unknown; cfb_add(container: unknown, name: string, data: Uint8Array): void };
  write(container: unknown, options: { type: 'array' }): ArrayLike<number>;
  read(data: Uint8Array, options: { type: 'array' }): unknown;
  find(container: unknown, path: string): { content: Uint8Array } | null;
}
const CFB = XLSX.CFB as CfbApi;

/** A compound file holding the given streams. */
function compoundFile(streams: Record<string, Uint8Array>): Uint8Array {
  const container = CFB.utils.cfb_new();
  for (const [name, data] of Object.entries(streams)) CFB.utils.cfb_add(container, name, data);
  return new Uint8Array(CFB.write(container, { type: 'array' }));
}

const str = (v: string): XLSX.CellObject => ({ t: 's', v });
const num = (v: number, z?: string): XLSX.CellObject => (z ? { t: 'n', v, z } : { t: 'n', v });

const MIXED: XLSX.CellObject[][] = [
  [str('开票日期'), str('发票号码'), str('金额'), str('备注'), str('是否'), str('编号')],
  [num(45420, 'yyyy-mm-dd'), str('00012345'), num(1234.5, '#,##0.00'), str('两行\n备注 & <x> "q"'), { t: 'b', v: true }, num(12345, '00000000')],
  [num(45421.5, 'yyyy/m/d h:mm'), str('25924000000001260164'), num(-8, '#,##0.00_);(#,##0.00)'), str('tab\there'), { t: 'b', v: false }, num(7, 'General')],
];

const rowsOf = (wb: Workbook, sheet = 0) => wb.sheets[sheet]?.rows;

describe('readWorkbook: formats', () => {
  it('reads an .xlsx: dates as text, identifiers as text, numbers as numbers, booleans, escapes', () => {
    const r = readWorkbook(sheetJsBook({ 数据: { cells: MIXED } }), 'a.xlsx');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.sheets.map((s) => s.name)).toEqual(['数据']);
    expect(rowsOf(r.value)).toEqual([
      ['开票日期', '发票号码', '金额', '备注', '是否', '编号'],
      ['2024-05-08', '00012345', 1234.5, '两行\n备注 & <x> "q"', 'TRUE', '00012345'],
      ['2024-05-09', '25924000000001260164', -8, 'tab\there', 'FALSE', 7],
    ]);
  });

  it('the fast .xlsx reader and SheetJS agree, with shared or inline strings', () => {
    for (const sst of [true, false]) {
      const bytes = sheetJsBook({ A: { cells: MIXED, merges: [{ s: { r: 1, c: 3 }, e: { r: 2, c: 3 } }] }, B: { cells: [[str('x')]] } }, 'xlsx', sst);
      const slow = readWithSheetJs(bytes);
      if (!slow.ok) throw new Error(slow.failure);
      expect(readOoxml(bytes)).toEqual(slow.sheets);
      expect(slow.sheets[0]?.rows[1]?.[0]).toBe('2024-05-08');
    }
  });

  it('reads a legacy .xls (BIFF8) through SheetJS', () => {
    const r = readWorkbook(sheetJsBook({ 明细: { cells: MIXED.map((row) => row.slice(0, 3)) } }, 'biff8'), 'old.xls');
    if (!r.ok) throw new Error(r.error.code);
    expect(rowsOf(r.value)).toEqual([['开票日期', '发票号码', '金额'], ['2024-05-08', '00012345', 1234.5], ['2024-05-09', '25924000000001260164', -8]]);
  });

  it('fills merged ranges with the top-left value (fast reader and SheetJS path alike)', () => {
    const cells = [[str('交易日期'), str('交易金额'), null], [null, str('收入'), str('支出')], [str('2024-05-08'), num(1), null], [null, null, num(2)]].map((r) => r.map((c): XLSX.CellObject => c ?? { t: 'z' }));
    const merges = [{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }, { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }];
    const expected = [['交易日期', '交易金额', '交易金额'], ['交易日期', '收入', '支出'], ['2024-05-08', 1], ['2024-05-08', null, 2]];
    for (const type of ['xlsx', 'biff8'] as const) {
      const r = readWorkbook(sheetJsBook({ S: { cells, merges } }, type), `m.${type}`);
      if (!r.ok) throw new Error(r.error.code);
      expect(rowsOf(r.value)).toEqual(expected);
    }
  });

  it('keeps sheet positions: row i of the result is spreadsheet row i + 1', () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([]);
    XLSX.utils.sheet_add_aoa(ws, [['late']], { origin: 'C4' });
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const r = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'p.xlsx');
    if (!r.ok) throw new Error(r.error.code);
    expect(rowsOf(r.value)).toEqual([[], [], [], [null, null, 'late']]);
  });

  it('reads 1904-date workbooks', () => {
    const wb = XLSX.utils.book_new();
    wb.Workbook = { WBProps: { date1904: true } };
    XLSX.utils.book_append_sheet(wb, { A1: num(45420 - 1462, 'yyyy-mm-dd'), '!ref': 'A1' }, 'S');
    const bytes = new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
    const r = readWorkbook(bytes, 'mac.xlsx');
    if (!r.ok) throw new Error(r.error.code);
    expect(rowsOf(r.value)).toEqual([['2024-05-08']]);
  });

  it('reads CSV in UTF-8, UTF-8 with BOM, GBK and UTF-16LE tab text, every cell as text', () => {
    const text = '日期,发票号码,金额\r\n2024/5/8,00012345,"1,234.50"\r\n';
    const expected = [['日期', '发票号码', '金额'], ['2024/5/8', '00012345', '1,234.50']];
    for (const bytes of [encodeUtf8(text), encodeUtf8(text, true), encodeGbk(text)]) {
      const r = readWorkbook(bytes, '流水.csv');
      if (!r.ok) throw new Error(r.error.code);
      expect(r.value.sheets).toEqual([{ name: '流水', rows: expected }]);
    }
    const tsv = readWorkbook(encodeUtf16('日期\t发票号码\t金额\r\n2024/5/8\t00012345\t1,234.50\r\n'), 'unicode.txt');
    if (!tsv.ok) throw new Error(tsv.error.code);
    expect(rowsOf(tsv.value)).toEqual(expected);
  });

  it('reads an HTML table saved as .xls (common for bank downloads) without turning digits into numbers', () => {
    const html = '<html><body><table><tr><td>交易日期</td><td>流水号</td><td>金额</td></tr><tr><td>2024-05-08</td><td>000123</td><td>1,234.50</td></tr></table></body></html>';
    const r = readWorkbook(encodeUtf8(html), 'bank.xls');
    if (!r.ok) throw new Error(r.error.code);
    expect(rowsOf(r.value)).toEqual([['交易日期', '流水号', '金额'], ['2024-05-08', '000123', '1,234.50']]);
  });

  it('reads back what writeWorkbook wrote, guard apostrophes included (stripped by the row readers)', () => {
    const bytes = writeWorkbook([{ name: 'a/b:c', header: ['h'], rows: [['=1+1'], [12.5], [null], ['00012'], ['_x000D_ and _x005F_']] }, { name: 'a/b:c', header: ['x'], rows: [] }]);
    const r = readWorkbook(bytes, 'w.xlsx');
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.sheets.map((s) => s.name)).toEqual(['a_b_c', 'a_b_c (2)']);
    expect(rowsOf(r.value)).toEqual([['h'], ["'=1+1"], [12.5], [], ['00012'], ['_x000D_ and _x005F_']]);
  });
});

describe('readWorkbook: bad input', () => {
  const problem = (bytes: Uint8Array, name = 'f.xlsx') => {
    const r = readWorkbook(bytes, name);
    return r.ok ? null : r.error;
  };

  it('an empty file, a whitespace-only file and a workbook without cells are empty', () => {
    expect(problem(new Uint8Array(0), 'e.csv')).toEqual({ code: 'empty', params: { file: 'e.csv' } });
    expect(problem(encodeUtf8(' \r\n\r\n'), 'e.csv')).toEqual({ code: 'empty', params: { file: 'e.csv' } });
    expect(problem(encodeUtf8(',,,\n,,\n'), 'e.csv')?.code).toBe('empty');
    expect(problem(writeWorkbook([{ name: 'S', header: [], rows: [] }]))?.code).toBe('empty');
  });

  it('a file over the limit is refused before parsing, from its size alone', () => {
    expect(checkSheetSize(MAX_SHEET_BYTES, 'ok.xlsx').ok).toBe(true);
    expect(checkSheetSize(200 * 1024 * 1024, 'big.xlsx')).toEqual({ ok: false, error: { code: 'tooLarge', params: { file: 'big.xlsx', size: 200, max: 100 } } });
    // Bytes that claim 200 MB (nothing that large is allocated): refused without being read.
    const fake = new Uint8Array(8);
    Object.defineProperty(fake, 'length', { value: 200 * 1024 * 1024 });
    expect(problem(fake, 'big.xlsx')?.code).toBe('tooLarge');
  });

  it('a password-protected workbook (an encrypted package in a compound file) is named as such', () => {
    const bytes = compoundFile({ '/EncryptionInfo': new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]), '/EncryptedPackage': new Uint8Array(64).fill(0x5a) });
    expect(problem(bytes, 'secret.xlsx')).toEqual({ code: 'passwordProtected', params: { file: 'secret.xlsx' } });
  });

  it('a legacy .xls with an open password (a FilePass record after BOF) is named as such', () => {
    const xls = sheetJsBook({ S: { cells: [[str('a')]] } }, 'biff8');
    const container = CFB.read(xls, { type: 'array' });
    const entry = CFB.find(container, 'Workbook');
    if (!entry) throw new Error('no Workbook stream');
    const stream = Uint8Array.from(entry.content);
    // BOF is the first record: 2 bytes type, 2 bytes length, then its body.
    const bofEnd = 4 + ((stream[2] ?? 0) | ((stream[3] ?? 0) << 8));
    const filePass = [0x2f, 0x00, 0x06, 0x00, 0x00, 0x00, 0x34, 0x12, 0x78, 0x56];
    entry.content = Uint8Array.from([...stream.subarray(0, bofEnd), ...filePass, ...stream.subarray(bofEnd)]);
    const locked = new Uint8Array(CFB.write(container, { type: 'array' }));
    expect(problem(locked, 'old.xls')).toEqual({ code: 'passwordProtected', params: { file: 'old.xls' } });
  });

  it('a compound file that is no workbook (a .doc) is not a spreadsheet; a damaged one is unreadable', () => {
    const doc = compoundFile({ '/WordDocument': new Uint8Array(64) });
    expect(problem(doc, 'x.doc')?.code).toBe('notSpreadsheet');
    const broken = new Uint8Array(600);
    broken.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(problem(broken, 'x.xls')?.code).toBe('unreadable');
  });

  it('PNG, PDF, JPEG, random binary and a zip of other things are not spreadsheets', () => {
    expect(problem(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'scan.xlsx')?.code).toBe('notSpreadsheet');
    expect(problem(encodeUtf8('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'invoice.csv')?.code).toBe('notSpreadsheet');
    expect(problem(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16]), 'photo.xls')?.code).toBe('notSpreadsheet');
    let seed = 42;
    const random = new Uint8Array(2048).map(() => (seed = (seed * 16807) % 2147483647) & 0xff);
    expect(problem(random, 'junk.csv')?.code).toBe('notSpreadsheet');
    expect(problem(zipSync({ 'Doc.xml': strToU8('<ofd/>') }), 'invoice.ofd')?.code).toBe('notSpreadsheet');
    expect(problem(zipSync({ 'word/document.xml': strToU8('<w:document/>') }), 'letter.docx')?.code).toBe('notSpreadsheet');
    expect(problem(encodeUtf8('<?xml version="1.0"?><svg/>'), 'x.xml')?.code).toBe('notSpreadsheet');
  });

  it('a truncated .xlsx is unreadable', () => {
    const bytes = sheetJsBook({ S: { cells: MIXED } });
    expect(problem(bytes.subarray(0, Math.floor(bytes.length / 2)), 'cut.xlsx')?.code).toBe('unreadable');
  });
});
