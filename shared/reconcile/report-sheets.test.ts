import { describe, expect, it } from 'vitest';
import { fen } from '../domain/money';
import type { InvoiceCase } from '../cases/types';
import { reconcile } from './match';
import { bankRow, COMPANY, ledgerInvoice, platformRow, SUPPLIER } from './match/test-builders';
import { describeFinding, suggestionReasons } from './report-messages';
import { caseListSheet, reportSheets, type ReportForExport } from './report-sheets';
import type { Finding } from './types';

const PERIOD = { from: '2024-05-01', to: '2024-05-31' };

/** A run with one missing invoice, one amount mismatch, one voided-but-active and one payment nobody explains. */
function run(): ReportForExport {
  const out = reconcile({
    list: [
      platformRow('24312000000000000001', { row: 3 }),
      platformRow('24312000000000000002', { row: 4, total: fen(11_400), tax: fen(1_400) }),
      platformRow('24312000000000000003', { row: 5, status: 'voided', statusText: '已作废' }),
    ],
    ledger: [ledgerInvoice('24312000000000000002'), ledgerInvoice('24312000000000000003')],
    bank: [bankRow({ row: 7, amount: fen(99_900), counterparty: '某某物业管理有限公司', date: '2024-05-20' })],
    period: PERIOD, companyTaxId: COMPANY.taxId, direction: 'in',
  });
  const missing = out.findings.find((f) => f.type === 'missingInLedger');
  return {
    period: PERIOD, direction: 'in', summary: out.summary, findings: out.findings,
    sources: [{ kind: 'platform', name: '全量发票查询.xlsx', sha256: 'ab'.repeat(32), rows: 3 }],
    newKeys: new Set(missing ? [missing.key] : []),
    notes: new Map(missing ? [[missing.key, { handled: true, note: '已联系供应商', caseId: 'case-1' }]] : []),
    ranAt: '2024-06-02 09:30', ranBy: 'clerk',
  };
}

describe('reportSheets', () => {
  it('writes a summary with the period, the sources and the CLI counts', () => {
    const [summary] = reportSheets(run(), 'zh-CN');
    const rows = new Map(summary?.rows.map((r) => [r[0], r[1]]));
    expect(summary?.name).toBe('汇总');
    expect(rows.get('期间')).toBe('2024-05-01 至 2024-05-31');
    expect(rows.get('方向')).toBe('进项');
    expect(String(rows.get('来源文件'))).toContain('全量发票查询.xlsx（3 行');
    expect(rows.get('清单行数')).toBe(3);
    expect(rows.get('平台有台账无')).toBe(1);
    expect(rows.get('信息不一致')).toBe(1);
    expect(rows.get('已作废/红冲但台账正常')).toBe(1);
    expect(rows.get('付款无发票')).toBe(1);
    expect(rows.get('本次新增')).toBe(1);
    expect(rows.get('已处理')).toBe(1);
  });

  it('writes one findings row per finding with money in yuan, the explanation and the clerk’s note', () => {
    const r = run();
    const [, findings] = reportSheets(r, 'zh-CN');
    expect(findings?.rows).toHaveLength(r.findings.length);
    const header = findings?.header ?? [];
    const col = (name: string) => header.indexOf(name);
    const missing = findings?.rows.find((row) => row[col('类型')] === '平台有台账无');
    expect(missing?.[col('发票号码')]).toBe('24312000000000000001');
    expect(missing?.[col('金额（元）')]).toBe(113);
    expect(missing?.[col('本次新增')]).toBe('是');
    expect(missing?.[col('已处理')]).toBe('是');
    expect(missing?.[col('处理说明')]).toBe('已联系供应商');
    expect(missing?.[col('补办案件')]).toBe('case-1');
    expect(missing?.[col('清单行号')]).toBe(3);
    expect(missing?.[col('对方名称')]).toBe(SUPPLIER.name);
    const mismatch = findings?.rows.find((row) => row[col('类型')] === '信息不一致');
    expect(mismatch?.[col('说明')]).toBe('税额：平台 14.00，台账 13.00；价税合计：平台 114.00，台账 113.00');
    const payment = findings?.rows.find((row) => row[col('类型')] === '付款无发票');
    expect(payment?.[col('流水行号')]).toBe(7);
    expect(payment?.[col('金额（元）')]).toBe(999);
    expect(payment?.[col('说明')]).toBe('2024-05-20 付款 999.00 给 某某物业管理有限公司，没有对应的发票');
  });

  it('speaks English when asked', () => {
    const [summary, findings] = reportSheets(run(), 'en');
    expect(summary?.name).toBe('Summary');
    expect(findings?.header[0]).toBe('Type');
    expect(findings?.rows.some((row) => row[0] === 'On the list, not in the ledger')).toBe(true);
  });
});

describe('describeFinding and suggestionReasons', () => {
  it('names a voided invoice’s two statuses and a gap’s numbers', () => {
    const voided = run().findings.find((f) => f.type === 'voidedButActive');
    expect(voided && describeFinding(voided, 'zh-CN')).toBe('平台状态“已作废”，台账状态“已录入”');
    const gap: Finding = { type: 'sequenceGap', key: 'gap:x', detail: { sellerName: '某厂', code: '1100231130', from: '00000012', to: '00000013', count: 2 } };
    expect(describeFinding(gap, 'zh-CN')).toBe('某厂 发票代码 1100231130：缺少号码 00000012–00000013（2 张）');
  });

  it('explains a suggestion’s score in words, payments before the invoice included', () => {
    const reasons = suggestionReasons({ invoiceIds: ['a', 'b'], score: 0.8, reasons: [{ code: 'amountSum', params: { count: 2 } }, { code: 'nameSimilar', params: { percent: 80 } }, { code: 'dateDays', params: { days: -3 } }] }, 'zh-CN');
    expect(reasons).toEqual(['2 张发票合计等于付款金额', '户名相近（80%）', '开票前 3 天付款']);
  });
});

describe('caseListSheet', () => {
  const base: InvoiceCase = {
    id: 'c1', title: '缺失：24312000000000000001', state: 'contacted', stateHistory: [], origin: 'report',
    ref: { kind: 'digital_special', code: '', number: '24312000000000000001', issueDate: '2024-05-10', seller: SUPPLIER, total: fen(11_300) },
    invoiceId: null, replacementId: null, findingKey: 'missingInLedger:n:24312000000000000001', checklist: {}, attachments: [],
    closeReason: '', notes: '', createdBy: 'clerk', createdAt: '2024-06-02T01:00:00Z', updatedBy: 'clerk', updatedAt: '2024-06-02T01:00:00Z', version: 0, deleted: false,
  };

  it('lists live cases with their state, invoice and total in yuan', () => {
    const sheet = caseListSheet([base, { ...base, id: 'c2', deleted: true }], 'zh-CN');
    expect(sheet.rows).toHaveLength(1);
    const row = sheet.rows[0] ?? [];
    const col = (name: string) => sheet.header.indexOf(name);
    expect(row[col('状态')]).toBe('已联系开票方');
    expect(row[col('发票号码')]).toBe('24312000000000000001');
    expect(row[col('价税合计（元）')]).toBe(113);
    expect(row[col('来源')]).toBe('对账报告');
  });
});
