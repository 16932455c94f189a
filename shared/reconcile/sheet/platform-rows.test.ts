import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { detectSheetKind } from './detect-kind';
import { readPlatformRows } from './platform-rows';
import { problemMessage } from './problem-message';
import { readWorkbook } from './read-workbook';
import type { Workbook } from './types';

/** An .xlsx written by SheetJS from arrays (strings stay text cells, numbers number cells, Dates date cells). */
function xlsx(sheets: Record<string, unknown[][]>): Uint8Array {
  const wb = XLSX.utils.book_new();
  for (const [name, rows] of Object.entries(sheets)) XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), name);
  return new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

function book(sheets: Record<string, unknown[][]>, file = '全量发票查询导出结果.xlsx'): Workbook {
  const r = readWorkbook(xlsx(sheets), file);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

/** 发票基础信息 in the platform's column order (docs/invoice-rules.md#platform-exports). */
const BASIC_HEADER = ['序号', '发票代码', '发票号码', '数电发票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '金额', '税额', '价税合计', '发票来源', '发票票种', '发票状态', '是否正数发票', '发票风险等级', '开票人', '备注'];
const LINES_HEADER = ['序号', '发票代码', '发票号码', '数电发票号码', '销方识别号', '销方名称', '购方识别号', '购买方名称', '开票日期', '税收分类编码', '特定业务类型', '货物或应税劳务名称', '规格型号', '单位', '数量', '单价', '金额', '税率', '税额', '价税合计', '发票来源', '发票票种', '发票状态', '是否正数发票', '发票风险等级', '开票人', '备注'];
const SELLER = ['91310000MA1FL0XX1X', '上海某某供应链有限公司'];
const BUYER = ['91110108MA01ABCDEF', '北京某某科技有限公司'];
const DIGITAL = '24312000000012345678';

const basicRows: unknown[][] = [
  BASIC_HEADER,
  [1, '', '', DIGITAL, ...SELLER, ...BUYER, '2024-05-08 10:11:12', '1,000.00', '130.00', '1,130.00', '电子发票服务平台', '数电发票（增值税专用发票）', '正常', '是', '正常', '王会计', ''],
  [2, '031002300111', '00012345', '', ...SELLER, ...BUYER, '2024/5/9', 500, 15, 515, '增值税发票管理系统', '增值税电子普通发票', '已作废', '是', '异常凭证', '王会计', ''],
  [3, '', '', '24312000000012345679', ...SELLER, ...BUYER, '2024年5月10日', '-1,000.00', '-130.00', '-1,130.00', '电子发票服务平台', '数电发票（普通发票）', '正常', '否', '疑点发票', '王会计', `被红冲蓝字数电发票号码：${DIGITAL}`],
  [4, '', '', '24312000000012345680', ...SELLER, ...BUYER, '20240511', '￥200.00', '***', '200.00', '电子发票服务平台', '数电发票（普通发票）', '已红冲-部分', '是', '正常', '王会计', '第一行\n第二行'],
  [],
  [5, '', '', DIGITAL, ...SELLER, ...BUYER, '2024-05-08 10:11:12', '1,000.00', '130.00', '1,130.00', '电子发票服务平台', '数电发票（增值税专用发票）', '正常', '是', '正常', '王会计', ''],
  [6, '', '', '24312000000012345681', ...SELLER, ...BUYER, '5月8号', '100.00', '13.00', '113.00', '电子发票服务平台', '数电发票（普通发票）', '正常', '是', '正常', '', ''],
  [7, '', '', '24312000000012345682', ...SELLER, ...BUYER, '2024-05-12', '一百元', '13.00', '113.00', '电子发票服务平台', '数电发票（普通发票）', '已红冲-全额', '是', '', '', ''],
  ['合计', '', '', '', '', '', '', '', '', '1,800.00', '158.00', '1,958.00'],
];

describe('readPlatformRows: the 全量发票查询 export', () => {
  const wb = book({
    信息汇总表: [LINES_HEADER, [1, '', '', DIGITAL, ...SELLER, ...BUYER, '2024-05-08', '3040302', '', '*信息技术服务*技术服务费', '', '项', 1, 1000, 1000, '13%', 130, 1130]],
    发票基础信息: basicRows,
  });

  it('prefers sheet 发票基础信息 (here not the first sheet) and finds columns by name', () => {
    const r = readPlatformRows(wb);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.sheet).toBe('发票基础信息');
    expect(r.value.headerRow).toBe(1);
    expect(r.value.columns).toMatchObject({ number: '发票号码', digitalNumber: '数电发票号码', sellerTaxId: '销方识别号', issueDate: '开票日期' });
    expect(detectSheetKind(wb)).toBe('platform');
  });

  it('reads each row: 数电 number, paper code + number with leading zeros, statuses, risks, red invoices, money in fen', () => {
    const r = readPlatformRows(wb);
    if (!r.ok) throw new Error(r.error.code);
    const [digital, paper, red, partial] = r.value.rows;
    expect(digital).toEqual({
      row: 2, code: '', number: DIGITAL, issueDate: '2024-05-08',
      seller: { taxId: SELLER[0], name: SELLER[1] }, buyer: { taxId: BUYER[0], name: BUYER[1] },
      amount: 100000, tax: 13000, total: 113000, kindText: '数电发票（增值税专用发票）', kind: 'digital_special',
      status: 'normal', statusText: '正常', risk: 'normal', isPositive: true, remarks: '',
      // The workbook's 信息汇总表 lists one line for it (platform-lines.test.ts covers the lines in full).
      lines: [{ name: '*信息技术服务*技术服务费', spec: '', unit: '项', qty: '1', unitPrice: '1000', amount: 100000, taxRate: '0.13', tax: 13000 }],
    });
    expect(paper?.lines).toEqual([]);
    expect(paper).toMatchObject({ row: 3, code: '031002300111', number: '00012345', issueDate: '2024-05-09', amount: 50000, tax: 1500, total: 51500, kind: 'e_normal', status: 'voided', risk: 'abnormal' });
    expect(red).toMatchObject({ row: 4, issueDate: '2024-05-10', amount: -100000, total: -113000, isPositive: false, kind: 'digital_normal', risk: 'suspect' });
    expect(partial).toMatchObject({ row: 5, issueDate: '2024-05-11', amount: 20000, tax: 0, total: 20000, status: 'reversedPartial', remarks: '第一行\n第二行' });
    expect(r.value.rows).toHaveLength(4);
  });

  it('accounts for every other row: blank, duplicate, total, and row problems with their column', () => {
    const r = readPlatformRows(wb);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.skipped).toEqual([{ row: 6, reason: 'blank' }, { row: 7, reason: 'duplicate', duplicateOf: 2 }, { row: 10, reason: 'total' }]);
    expect(r.value.rowProblems).toEqual([
      { row: 8, field: 'issueDate', code: 'date', params: { header: '开票日期', value: '5月8号' } },
      { row: 9, field: 'amount', code: 'amount', params: { header: '金额', value: '一百元' } },
    ]);
    expect(problemMessage(r.value.rowProblems[0]!, 'zh-CN')).toBe('第 8 行“开票日期”的日期“5月8号”无法识别，应为 2024-05-08、2024/5/8 或 2024年5月8日 这样的日期。');
    expect(problemMessage(r.value.rowProblems[1]!, 'en')).toContain('Row 9: “一百元” in “金额” is not an amount');
  });

  it('reads the old header 全电发票号码 and a number typed as a date cell', () => {
    const header = BASIC_HEADER.map((h) => (h === '数电发票号码' ? '全电发票号码' : h));
    const r = readPlatformRows(book({ Sheet1: [header, [1, '', '', DIGITAL, ...SELLER, ...BUYER, new Date(Date.UTC(2023, 11, 31)), 10, 1.3, 11.3, '', '数电发票（普通发票）', '正常', '是', '正常', '', '']] }));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.columns.digitalNumber).toBe('全电发票号码');
    expect(r.value.rows[0]).toMatchObject({ number: DIGITAL, issueDate: '2023-12-31', amount: 1000, tax: 130, total: 1130 });
  });

  it('flags a 20-digit number stored as a number cell (its last digits are already lost) instead of guessing', () => {
    const r = readPlatformRows(book({ S: [BASIC_HEADER, [1, '', '', Number(DIGITAL), ...SELLER, ...BUYER, '2024-05-08', 10, 1.3, 11.3]] }));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.rows).toEqual([]);
    expect(r.value.rowProblems).toEqual([{ row: 2, field: 'digitalNumber', code: 'lossyNumber', params: { header: '数电发票号码', value: '24312000000012345000' } }]);
  });
});

describe('readPlatformRows: the 勾选 export', () => {
  const header = ['序号', '勾选状态', '发票来源', '转内销证明编号', '数电发票号码', '发票代码', '发票号码', '开票日期', '销售方纳税人识别号', '销售方纳税人名称', '金额', '税额', '有效抵扣税额', '票种', '票种标签', '发票状态', '勾选时间', '发票风险等级', '风险状态'];
  const wb = book({
    说明: [['本文件由电子发票服务平台导出']],
    发票: [
      ['纳税人识别号：91110108MA01ABCDEF'],
      ['纳税人名称', '北京某某科技有限公司'],
      ['税款所属期：202405'],
      [],
      header,
      [1, '已勾选', '电子发票服务平台', '', DIGITAL, '', '', '2024-05-08', ...SELLER, '1000.00', '130.00', '130.00', '数电票（增值税专用发票）', '', '正常', '2024-06-01 09:00:00', '正常', ''],
      [2, '已勾选', '增值税发票管理系统', '', '', '3100231130', '00000001', '2024-05-09', ...SELLER, 100, 13, 13, '增值税专用发票', '', '正常', '', '', ''],
    ],
  }, '勾选.xlsx');

  it('finds the header below the metadata rows on sheet 发票 and takes the buyer from the metadata', () => {
    expect(detectSheetKind(wb)).toBe('check');
    const r = readPlatformRows(wb);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value).toMatchObject({ sheet: '发票', headerRow: 5, rowProblems: [], skipped: [] });
    expect(r.value.rows.map((x) => [x.row, x.code, x.number, x.kind, x.total])).toEqual([
      [6, '', DIGITAL, 'digital_special', 113000],
      [7, '3100231130', '00000001', 'vat_special', 11300],
    ]);
    expect(r.value.rows[0]?.buyer).toEqual({ taxId: '91110108MA01ABCDEF', name: '北京某某科技有限公司' });
    expect(r.value.rows[0]?.seller).toEqual({ taxId: SELLER[0], name: SELLER[1] });
  });
});

describe('readPlatformRows: bad input', () => {
  it('headers only', () => {
    const r = readPlatformRows(book({ 发票基础信息: [BASIC_HEADER, [], ['合计', '', '', '', '', '', '', '', '', 0, 0, 0]] }, 'h.xlsx'));
    expect(r).toEqual({ ok: false, error: { code: 'headersOnly', params: { file: 'h.xlsx', sheet: '发票基础信息', row: 1 } } });
  });

  it('no recognisable columns: the message lists what was expected and what was found', () => {
    const r = readPlatformRows(book({ S: [['日期', '名称', '数量'], ['2024-05-08', 'x', 1]] }, 'wrong.xlsx'));
    if (r.ok) throw new Error('read');
    expect(r.error).toEqual({ code: 'noColumns', params: { file: 'wrong.xlsx', expected: '开票日期、销方名称、金额、税额、发票号码/数电发票号码', found: '日期、名称、数量' } });
    expect(problemMessage(r.error, 'zh-CN')).toBe('文件“wrong.xlsx”中找不到需要的列：开票日期、销方名称、金额、税额、发票号码/数电发票号码。文件中找到的列有：日期、名称、数量。请检查文件是否选对，或在“列对应”中指定这些列。');
  });

  it('a partial header names only the missing columns', () => {
    const r = readPlatformRows(book({ S: [['发票号码', '开票日期', '销方名称', '金额'], ['1', '2024-05-08', 'x', 1]] }, 'p.xlsx'));
    expect(r.ok ? null : r.error.params).toEqual({ file: 'p.xlsx', expected: '税额', found: '发票号码、开票日期、销方名称、金额' });
  });

  it('a clerk mapping reads unusual headers, and a mapping naming a missing sheet says which sheets exist', () => {
    const wb = book({ 导出: [['票号', '日子', '卖方', '不含税', '税'], ['00000009', '2024-05-08', '某公司', '10', '1.3']] }, 'm.xlsx');
    const mapping = { columns: { number: '票号', issueDate: '日子', sellerName: '卖方', amount: '不含税', tax: '税' } };
    const r = readPlatformRows(wb, mapping);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.rows[0]).toMatchObject({ number: '00000009', issueDate: '2024-05-08', seller: { name: '某公司', taxId: '' }, amount: 1000, tax: 130, total: 1130 });
    expect(r.value.columns).toEqual(mapping.columns);
    expect(readPlatformRows(wb, { ...mapping, sheet: '发票基础信息' })).toEqual({ ok: false, error: { code: 'noSheet', params: { file: 'm.xlsx', sheet: '发票基础信息', found: '导出' } } });
  });
});
