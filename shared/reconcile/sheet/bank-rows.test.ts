import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { directionFromText, readBankRows, splitCounterparty } from './bank-rows';
import { detectSheetKind } from './detect-kind';
import { problemMessage } from './problem-message';
import { readWorkbook } from './read-workbook';
import { encodeGbk, encodeUtf16, encodeUtf8, toCsv } from './test-files';
import type { Workbook } from './types';

function wbOf(bytes: Uint8Array, file: string): Workbook {
  const r = readWorkbook(bytes, file);
  if (!r.ok) throw new Error(r.error.code);
  return r.value;
}

function rowsOf(wb: Workbook) {
  const r = readBankRows(wb);
  if (!r.ok) throw new Error(`${r.error.code} ${JSON.stringify(r.error.params)}`);
  return r.value;
}

/** ICBC personal export (docs/invoice-rules.md#bank-statements): 5 preamble lines, cells padded with spaces + TAB, '-' placeholders, a 人民币合计 line. */
const ICBC = toCsv([
  ['明细查询文件下载'], ['卡号: 6222 0000 0000 0000 000'], ['子账户: 00000'], ['起始日期: 2024-01-01', '截止日期: 2024-01-31'], [''],
  ['交易日期', '摘要', '交易场所', '交易国家或地区简称', '钞/汇', '交易金额(收入)', '交易金额(支出)', '交易币种', '记账金额(收入)', '记账金额(支出)', '记账币种', '余额', '对方户名'],
  [' 2024-01-05\t', ' 消费\t', ' 某超市\t', ' CHN\t', ' 钞\t', ' -\t', ' 1,234.50\t', ' 人民币\t', ' -\t', ' 1,234.50\t', ' 人民币\t', ' 10,000.00\t', ' 上海某某有限公司\t'],
  [' 2024-01-06\t', ' 工资\t', ' \t', ' CHN\t', ' 钞\t', ' 8,000.00\t', ' -\t', ' 人民币\t', ' 8,000.00\t', ' -\t', ' 人民币\t', ' 18,000.00\t', ' 北京某某有限公司\t'],
  ['人民币合计', '', '', '', '', '8,000.00', '1,234.50', '', '8,000.00', '1,234.50', '', '', ''],
]);

describe('readBankRows: ICBC personal CSV', () => {
  it('skips the preamble, strips padding and placeholders, reads 支出/收入 columns, skips 人民币合计', () => {
    const wb = wbOf(encodeUtf8(ICBC, true), 'icbc.csv');
    expect(detectSheetKind(wb)).toBe('bank');
    const r = rowsOf(wb);
    expect(r.headerRow).toBe(6);
    expect(r.columns).toMatchObject({ date: '交易日期', out: '交易金额(支出)', in: '交易金额(收入)', counterparty: '对方户名', summary: '摘要' });
    expect(r.rows).toEqual([
      { row: 7, date: '2024-01-05', direction: 'out', amount: 123450, counterparty: '上海某某有限公司', counterpartyAccount: '', summary: '消费', serial: '' },
      { row: 8, date: '2024-01-06', direction: 'in', amount: 800000, counterparty: '北京某某有限公司', counterpartyAccount: '', summary: '工资', serial: '' },
    ]);
    expect(r.skipped).toEqual([{ row: 9, reason: 'total' }]);
    expect(r.rowProblems).toEqual([]);
  });
});

describe('readBankRows: CMB personal CSV in GBK with CRLF and one signed amount column', () => {
  const text = toCsv([
    ['# 招商银行交易记录'], ['# 导出时间: [ 2024-06-01 10:00:00 ]'],
    ['记账日期', '货币', '交易金额', '联机余额', '交易摘要', '对手信息', '客户摘要'],
    ['20240508', '人民币', '-1130.00', '8870.00', '网联付款交易', '上海某某供应链有限公司 6222021234567890', '货款'],
    ['20240509', '人民币', '500.00', '9370.00', '转账汇款', '北京某某科技有限公司', ''],
    ['20240509', '人民币', '500.00', '9370.00', '转账汇款', '北京某某科技有限公司', ''],
    ['# 合计: 支出 1130.00 收入 500.00'],
  ], '\r\n');

  it('reads GBK, splits name and account out of 对手信息, signs give the direction, the same line twice is a duplicate', () => {
    const r = rowsOf(wbOf(encodeGbk(text), 'cmb.csv'));
    expect(r.columns).toMatchObject({ date: '记账日期', amount: '交易金额', summary: '交易摘要', purpose: '客户摘要', counterparty: '对手信息' });
    expect(r.rows).toEqual([
      { row: 4, date: '2024-05-08', direction: 'out', amount: 113000, counterparty: '上海某某供应链有限公司', counterpartyAccount: '6222021234567890', summary: '网联付款交易 货款', serial: '' },
      { row: 5, date: '2024-05-09', direction: 'in', amount: 50000, counterparty: '北京某某科技有限公司', counterpartyAccount: '', summary: '转账汇款', serial: '' },
    ]);
    expect(r.skipped).toEqual([{ row: 6, reason: 'duplicate', duplicateOf: 5 }, { row: 7, reason: 'total' }]);
  });
});

describe('readBankRows: corporate statements', () => {
  const header = ['交易时间', '凭证号', '借方发生额', '贷方发生额', '余额', '对方户名', '对方账号', '对方开户机构', '摘要', '用途', '交易流水号'];
  function corporate(rows: unknown[][]): Workbook {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([['某某银行对公账户交易明细'], ['账号：11001234567890', '', '户名：北京某某科技有限公司'], header, ...rows]), '明细');
    return wbOf(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'corp.xlsx');
  }

  it('借方 is money out and 贷方 money in; serials tell repeated lines from fees that share one', () => {
    const r = rowsOf(corporate([
      ['2024-05-08 14:22:01', '', 1130, '', 98870, '上海某某供应链有限公司', '31001234 5678', '某银行上海分行', '货款', '支付5月货款', 'SN001'],
      ['2024-05-08 14:22:01', '', 2.5, '', 98867.5, '', '', '', '手续费', '', 'SN001'],
      ['2024-05-09 09:00:00', '', '', '20,000.00', 118867.5, '某客户有限公司', '11223344', '', '收款', '', 'SN002'],
      ['2024-05-09 09:00:00', '', '', '20,000.00', 118867.5, '某客户有限公司', '11223344', '', '收款', '', 'SN002'],
      ['2024-05-10', '', -100, '', 118967.5, '上海某某供应链有限公司', '', '', '冲正', '', 'SN003'],
      ['2024-05-11', '', 10, 10, 0, '', '', '', '', '', 'SN004'],
      ['2024-05-12', '', 'abc', '', 0, '', '', '', '', '', 'SN005'],
      ['', '', 99, '', 0, '', '', '', '', '', 'SN006'],
      ['本页小计', '', 1232.5, 20000],
      ['以下空白'],
    ]));
    expect(r.rows.map((x) => [x.row, x.date, x.direction, x.amount, x.counterpartyAccount, x.summary, x.serial])).toEqual([
      [4, '2024-05-08', 'out', 113000, '310012345678', '货款 支付5月货款', 'SN001'],
      [5, '2024-05-08', 'out', 250, '', '手续费', 'SN001'],
      [6, '2024-05-09', 'in', 2000000, '11223344', '收款', 'SN002'],
      [8, '2024-05-10', 'in', 10000, '', '冲正', 'SN003'],
    ]);
    expect(r.skipped).toEqual([{ row: 7, reason: 'duplicate', duplicateOf: 6 }, { row: 12, reason: 'total' }, { row: 13, reason: 'note' }]);
    expect(r.rowProblems.map((p) => [p.row, p.field, p.code])).toEqual([[9, 'out', 'amountBoth'], [10, 'out', 'amount'], [11, 'date', 'dateMissing']]);
    expect(problemMessage(r.rowProblems[0]!, 'zh-CN')).toBe('第 9 行的借方和贷方（支出和收入）都有金额，无法判断资金方向。');
  });

  it('reads a header split over two merged rows (交易金额 over 收入 | 支出) and merged date cells', () => {
    const wb = XLSX.utils.book_new();
    const ws = XLSX.utils.aoa_to_sheet([
      ['交易日期', '交易金额', '', '对方户名'],
      ['', '收入', '支出', ''],
      ['2024-05-08', '', '100.00', '甲公司'],
      ['', '50.00', '', '乙公司'],
    ]);
    ws['!merges'] = [{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }, { s: { r: 0, c: 1 }, e: { r: 0, c: 2 } }, { s: { r: 0, c: 3 }, e: { r: 1, c: 3 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }];
    XLSX.utils.book_append_sheet(wb, ws, 'S');
    const r = rowsOf(wbOf(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), 'merged.xlsx'));
    expect(r.headerRow).toBe(2);
    expect(r.columns).toMatchObject({ date: '交易日期', in: '收入', out: '支出', counterparty: '对方户名' });
    expect(r.rows.map((x) => [x.date, x.direction, x.amount, x.counterparty])).toEqual([['2024-05-08', 'out', 10000, '甲公司'], ['2024-05-08', 'in', 5000, '乙公司']]);
  });

  it('reads one amount column with a 借贷标志 column', () => {
    const text = toCsv([['交易日期', '借贷标志', '金额', '对方名称'], ['2024-05-08', '借', '1,130.00', '甲'], ['2024-05-09', '贷', '20.00', '乙'], ['2024-05-10', '?', '1.00', '丙']]);
    const r = rowsOf(wbOf(encodeUtf8(text), 'dc.csv'));
    expect(r.rows.map((x) => [x.direction, x.amount])).toEqual([['out', 113000], ['in', 2000]]);
    expect(r.rowProblems).toEqual([{ row: 4, field: 'direction', code: 'direction', params: { header: '借贷标志', value: '?' } }]);
  });
});

describe('readBankRows: encodings and bad input', () => {
  it('reads Excel "Unicode text" (UTF-16LE, tab-separated)', () => {
    const text = '交易日期\t借方发生额\t贷方发生额\t对方户名\r\n2024/5/8\t1,234.56\t\t甲公司\r\n';
    const r = rowsOf(wbOf(encodeUtf16(text), 'statement.txt'));
    expect(r.rows).toEqual([{ row: 2, date: '2024-05-08', direction: 'out', amount: 123456, counterparty: '甲公司', counterpartyAccount: '', summary: '', serial: '' }]);
  });

  it('a GBK statement with a preamble and a total line', () => {
    const text = toCsv([['中国某某银行账户明细'], ['账号', '1100 1234 5678'], ['记账日期', '借方发生额', '贷方发生额', '余额', '交易摘要'], ['2024年5月8日', '', '3,000.00', '3,000.00', '货款'], ['合计', '0.00', '3,000.00', '', '']], '\r\n');
    const r = rowsOf(wbOf(encodeGbk(text), '对账单.csv'));
    expect(r.rows).toEqual([{ row: 4, date: '2024-05-08', direction: 'in', amount: 300000, counterparty: '', counterpartyAccount: '', summary: '货款', serial: '' }]);
    expect(r.skipped).toEqual([{ row: 5, reason: 'total' }]);
  });

  it('no amount columns: says which were expected and which were found', () => {
    const r = readBankRows(wbOf(encodeUtf8('交易日期,对方户名\n2024-05-08,甲\n'), 'b.csv'));
    expect(r).toEqual({ ok: false, error: { code: 'noColumns', params: { file: 'b.csv', expected: '借方发生额/贷方发生额/交易金额', found: '交易日期、对方户名' } } });
    expect(problemMessage(r.ok ? { code: 'empty', params: {} } : r.error, 'en')).toBe(
      'The file “b.csv” lacks the columns needed: 借方发生额/贷方发生额/交易金额. The columns found in the file are: 交易日期、对方户名. Check that this is the right file, or map these columns by hand.',
    );
  });

  it('a statement with a preamble and a header no preset knows: "found" lists the header row, not the title line', () => {
    const text = toCsv([
      ['中国工商银行企业网上银行 账户明细'],
      ['户名：北京示例科技有限公司', '账号：0200 0012 0900 1234 567'],
      ['币种：人民币', '查询日期：2024-06-03'],
      ['时间', '说明', '付出', '存进', '结余', '户名', '对方行号', '编号'],
      ['2024/05/03', '货款', '11,300.00', '', '988,700.00', '上海供应商贸易有限公司', '6222021234567890', 'SN2024050301'],
      ['2024/05/04', '服务费', '', '1,000.00', '989,700.00', '某某物业管理有限公司', '6222021234567891', 'SN2024050401'],
    ], '\r\n');
    const r = readBankRows(wbOf(encodeGbk(text), '工行流水.csv'));
    if (r.ok) throw new Error('read');
    expect(r.error).toEqual({
      code: 'noColumns',
      params: { file: '工行流水.csv', expected: '交易日期、借方发生额/贷方发生额/交易金额', found: '时间、说明、付出、存进、结余、户名、对方行号、编号' },
    });
  });

  it('"found" never counts numbers, dates, amounts or long notes as header cells', () => {
    const wb: Workbook = { fileName: 'x.xlsx', sheets: [{ name: 'S', rows: [
      ['本表由网上银行系统自动生成，仅供参考，请以银行盖章的对账单为准', '打印时间：2024-06-03 10:00'],
      ['2024-05-03', '11,300.00', 988700, '2024/05/04', '-1.00', '(200.00)'],
      ['时间', '用途'],
    ] }] };
    const r = readBankRows(wb);
    expect(r.ok ? null : r.error.params.found).toBe('时间、用途');
  });

  it('headers only', () => {
    expect(readBankRows(wbOf(encodeUtf8('交易日期,交易金额\n\n合计,0\n'), 'h.csv'))).toEqual({ ok: false, error: { code: 'headersOnly', params: { file: 'h.csv', sheet: 'h', row: 1 } } });
  });
});

describe('bank helpers', () => {
  it('splitCounterparty takes the trailing account off a combined cell', () => {
    expect(splitCounterparty('上海某某有限公司 6222021234567890')).toEqual({ name: '上海某某有限公司', account: '6222021234567890' });
    expect(splitCounterparty('支付宝（中国）网络技术有限公司/2155****0917')).toEqual({ name: '支付宝（中国）网络技术有限公司', account: '2155****0917' });
    expect(splitCounterparty('某某有限公司')).toEqual({ name: '某某有限公司', account: '' });
    expect(splitCounterparty('3M中国有限公司')).toEqual({ name: '3M中国有限公司', account: '' });
  });

  it('directionFromText reads 借/贷, 支/收, D/C', () => {
    expect(['借', '支出', 'D', 'DR', '付'].map(directionFromText)).toEqual(['out', 'out', 'out', 'out', 'out']);
    expect(['贷', '收入', 'C', 'CR', '存入'].map(directionFromText)).toEqual(['in', 'in', 'in', 'in', 'in']);
    expect(directionFromText('?')).toBeNull();
  });
});
