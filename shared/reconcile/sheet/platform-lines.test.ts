import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { problemMessage } from './problem-message';
import { readPlatformRows } from './platform-rows';
import { readWorkbook } from './read-workbook';
import type { PlatformRead, Workbook } from './types';

/** 发票基础信息 and 信息汇总表 columns in the platform's order (docs/invoice-rules.md#platform-exports). */
const BASIC_HEADER = ['序号', '发票代码', '发票号码', '数电发票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '金额', '税额', '价税合计', '发票来源', '发票票种', '发票状态', '是否正数发票', '发票风险等级', '开票人', '备注'];
const LINES_HEADER = ['序号', '发票代码', '发票号码', '数电发票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '税收分类编码', '特定业务类型', '货物或应税劳务名称', '规格型号', '单位', '数量', '单价', '金额', '税率', '税额', '价税合计', '发票来源', '发票票种', '发票状态', '是否正数发票', '发票风险等级', '开票人', '备注'];
const SELLER = ['91310000MA1FL0XX1X', '上海某某餐饮管理有限公司'];
const BUYER = ['91110108MA01ABCDEF', '北京某某科技有限公司'];
const MEAL = '24312000000012345678';
const NO_LINES = '24312000000012345679';
const PAPER = ['031002300111', '00012345'] as const;

function book(sheets: Record<string, unknown[][]>, file = '全量发票查询导出结果.xlsx'): Workbook {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  const r = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), file);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** An invoice row of 发票基础信息. */
const invoice = (n: number, code: string, number: string, digital: string, amount: number, tax: number, kind: string) => [
  n, code, number, digital, ...SELLER, ...BUYER, '2024-05-08 12:00:00', amount, tax, amount + tax, '电子发票服务平台', kind, '正常', '是', '正常', '王会计', '',
];
/** A line row of 信息汇总表: identity, item, money; the invoice-level columns after it as the platform repeats them. */
const line = (n: number, code: string, number: string, digital: string, item: { name: string; spec?: string; unit?: string; qty?: unknown; price?: unknown; amount: unknown; rate: unknown; tax: unknown }) => [
  n, code, number, digital, ...SELLER, ...BUYER, '2024-05-08', '3070401000000000000', '', item.name, item.spec ?? '', item.unit ?? '', item.qty ?? '', item.price ?? '',
  item.amount, item.rate, item.tax, '', '电子发票服务平台', '数电发票（普通发票）', '正常', '是', '正常', '王会计', '',
];

const invoices = [
  BASIC_HEADER,
  invoice(1, '', '', MEAL, 300, 18, '数电发票（普通发票）'),
  invoice(2, ...PAPER, '', 50, 0, '增值税电子普通发票'),
  invoice(3, '', '', NO_LINES, 100, 6, '数电发票（普通发票）'),
];
const lines = [
  LINES_HEADER,
  line(1, '', '', MEAL, { name: '*餐饮服务*餐费', unit: '次', qty: 2, price: 100, amount: 200, rate: '6%', tax: 12 }),
  line(2, '', '', MEAL, { name: '*餐饮服务*餐费', unit: '次', qty: '1', price: '100.00', amount: '100.00', rate: 0.06, tax: '6.00' }),
  line(3, '', '', MEAL, { name: '*餐饮服务*餐费', amount: 0, rate: '6', tax: 0 }),
  line(4, ...PAPER, '', { name: '*蔬菜*白菜', spec: '一级', unit: '千克', qty: '1,000', price: '0.05', amount: '50.00', rate: '', tax: '***' }),
  line(5, '', '', MEAL, { name: '*餐饮服务*酒水', amount: '20.00', rate: '13percent', tax: '2.60' }),
  line(6, '', '', MEAL, { name: '*餐饮服务*酒水', qty: '两瓶', amount: '20.00', rate: '13%', tax: '2.60' }),
  line(7, '', '', MEAL, { name: '*餐饮服务*酒水', amount: '二十元', rate: '13%', tax: '2.60' }),
  line(8, '', '', '24312000000099999999', { name: '*办公用品*纸', amount: 10, rate: '不征税', tax: 0 }),
  [],
  ['合计', '', '', '', '', '', '', '', '', '', '', '', '', '', '', '', 390, '', 20.6],
];

function read(wb: Workbook): PlatformRead {
  const r = readPlatformRows(wb);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

describe('readPlatformRows: the 信息汇总表 line items', () => {
  const result = read(book({ 发票基础信息: invoices, 信息汇总表: lines }));
  const byNumber = new Map(result.rows.map((r) => [r.number, r]));

  it('attaches each invoice its lines in sheet order, with money in fen, rates normalised and qty/price as decimal text', () => {
    expect(result.sheet).toBe('发票基础信息');
    expect(byNumber.get(MEAL)?.lines).toEqual([
      { name: '*餐饮服务*餐费', spec: '', unit: '次', qty: '2', unitPrice: '100', amount: 20_000, taxRate: '0.06', tax: 1_200 },
      { name: '*餐饮服务*餐费', spec: '', unit: '次', qty: '1', unitPrice: '100.00', amount: 10_000, taxRate: '0.06', tax: 600 },
      { name: '*餐饮服务*餐费', spec: '', unit: '', qty: '', unitPrice: '', amount: 0, taxRate: '0.06', tax: 0 },
    ]);
  });

  it('finds a paper invoice’s lines by code and number; *** tax with no rate is exempt, as the printed invoice means', () => {
    expect(byNumber.get(PAPER[1])?.code).toBe(PAPER[0]);
    expect(byNumber.get(PAPER[1])?.lines).toEqual([
      { name: '*蔬菜*白菜', spec: '一级', unit: '千克', qty: '1000', unitPrice: '0.05', amount: 5_000, taxRate: 'exempt', tax: 0 },
    ]);
  });

  it('gives an invoice the sheet lists no line for an empty list (the sheet was there)', () => {
    expect(byNumber.get(NO_LINES)?.lines).toEqual([]);
  });

  it('reports bad line rows as row problems of 信息汇总表, and accounts for every line row', () => {
    expect(result.lineSheet).toEqual({
      ok: true,
      value: expect.objectContaining({ sheet: '信息汇总表', headerRow: 1, lines: 4, withoutInvoice: 1, skipped: [{ row: 10, reason: 'blank' }, { row: 11, reason: 'total' }] }) as unknown,
    });
    if (!result.lineSheet?.ok) throw new Error('no line sheet');
    const problems = result.lineSheet.value.rowProblems;
    expect(problems).toEqual([
      { row: 6, field: 'taxRate', code: 'taxRate', params: { header: '税率', value: '13percent' } },
      { row: 7, field: 'qty', code: 'decimal', params: { header: '数量', value: '两瓶' } },
      { row: 8, field: 'amount', code: 'amount', params: { header: '金额', value: '二十元' } },
    ]);
    // 9 data rows below the header: 4 attached + 1 naming an unlisted invoice + 3 problems + 0 dropped.
    const { lines: attached, withoutInvoice, rowProblems, skipped } = result.lineSheet.value;
    expect(attached + withoutInvoice + new Set(rowProblems.map((p) => p.row)).size + skipped.length).toBe(lines.length - 1);
    expect(problemMessage(problems[0]!, 'zh-CN')).toBe('第 6 行“税率”的税率“13percent”无法识别，应为 13%、0.13、免税 或 不征税 这样的税率。');
    expect(problemMessage(problems[1]!, 'en')).toBe('Row 7: “两瓶” in “数量” is not a number.');
  });

  it('leaves the invoice rows themselves as they read without the line sheet', () => {
    const plain = read(book({ 发票基础信息: invoices }));
    const withoutLines = result.rows.map((row) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== 'lines')));
    expect(withoutLines).toEqual(plain.rows);
    expect(result.rowProblems).toEqual([]);
  });
});

describe('readPlatformRows: without 信息汇总表', () => {
  it('reads the invoices and gives no row a `lines` field, and no lineSheet', () => {
    const r = read(book({ 发票基础信息: invoices }));
    expect(r.rows).toHaveLength(3);
    for (const row of r.rows) expect('lines' in row).toBe(false);
    expect('lineSheet' in r).toBe(false);
  });

  it('a 信息汇总表 whose header is not recognised: invoices read, no lines, and the sheet’s problem is told', () => {
    const r = read(book({ 发票基础信息: invoices, 信息汇总表: [['说明'], ['本表为空']] }));
    expect(r.rows).toHaveLength(3);
    for (const row of r.rows) expect(row.lines).toBeUndefined();
    expect(r.lineSheet).toMatchObject({ ok: false, error: { code: 'noColumns' } });
  });

  it('a workbook whose only invoice-like sheet is 信息汇总表 is not read twice as its own lines', () => {
    const r = read(book({ 信息汇总表: [BASIC_HEADER, invoice(1, '', '', MEAL, 300, 18, '数电发票（普通发票）')] }));
    expect(r.sheet).toBe('信息汇总表');
    expect(r.lineSheet).toBeUndefined();
  });
});
