import { describe, expect, it } from 'vitest';
import type { InvoiceLine } from '../domain/invoice';
import { fen } from '../domain/money';
import { caseNotesForLines, CASE_NOTE_LINES } from './case-notes';
import { lineDigest } from './line-summary';
import { reconcile } from './match';
import { COMPANY, platformRow } from './match/test-builders';
import { describeFinding } from './report-messages';
import { reportSheets } from './report-sheets';
import type { PlatformRow } from './types';

const PERIOD = { from: '2024-05-01', to: '2024-05-31' };
const meal = (over: Partial<InvoiceLine> = {}): InvoiceLine => ({
  name: '*餐饮服务*餐费', spec: '', unit: '次', qty: '2', unitPrice: '100', amount: fen(20_000), taxRate: '0.06', tax: fen(1_200), ...over,
});
const MEALS: InvoiceLine[] = [meal(), meal({ qty: '1', amount: fen(10_000), tax: fen(600) }), meal({ name: '*餐饮服务*酒水', taxRate: 'exempt', tax: fen(0) })];

function missing(row: PlatformRow) {
  const out = reconcile({ list: [row], ledger: [], period: PERIOD, companyTaxId: COMPANY.taxId, direction: 'in' });
  const f = out.findings.find((x) => x.type === 'missingInLedger');
  if (!f) throw new Error('no finding');
  return f;
}

describe('what a missing invoice was for', () => {
  it('digests lines as the first named item and the count; none without lines', () => {
    expect(lineDigest(MEALS)).toEqual({ name: '*餐饮服务*餐费', count: 3 });
    expect(lineDigest([meal({ name: ' ' }), meal({ name: '*餐饮服务*酒水' })])).toEqual({ name: '*餐饮服务*酒水', count: 2 });
    expect(lineDigest([])).toBeNull();
    expect(lineDigest(undefined)).toBeNull();
  });

  it('puts the first item and the count in a missingInLedger finding’s detail and its sentence', () => {
    const f = missing(platformRow('24312000000000000001', { lines: MEALS }));
    expect(f.detail).toMatchObject({ lineName: '*餐饮服务*餐费', lineCount: 3 });
    expect(describeFinding(f, 'zh-CN')).toBe('平台清单有这张发票，台账中没有；项目：*餐饮服务*餐费 等 3 项');
    expect(describeFinding(f, 'en')).toBe('The platform lists this invoice; the ledger does not have it; items: *餐饮服务*餐费 and others (3 items)');
    const one = missing(platformRow('24312000000000000002', { lines: [meal()] }));
    expect(describeFinding(one, 'zh-CN')).toBe('平台清单有这张发票，台账中没有；项目：*餐饮服务*餐费');
  });

  it('says nothing about items when the export had no line sheet, or none for this invoice', () => {
    for (const lines of [undefined, []]) {
      const f = missing(platformRow('24312000000000000001', lines ? { lines } : {}));
      expect(f.detail).not.toHaveProperty('lineName');
      expect(f.detail).not.toHaveProperty('lineCount');
      expect(describeFinding(f, 'zh-CN')).toBe('平台清单有这张发票，台账中没有');
    }
  });

  it('shows the items in the .xlsx report’s explanation column', () => {
    const f = missing(platformRow('24312000000000000001', { lines: MEALS }));
    const [, sheet] = reportSheets({
      period: PERIOD, direction: 'in', sources: [], findings: [f], newKeys: new Set(), notes: new Map(), ranAt: '', ranBy: '',
      summary: { listRows: 1, ledgerRows: 0, missingInLedger: 1, missingOnList: 0, mismatched: 0, voidedButActive: 0, paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0, sequenceGaps: 0 },
    }, 'zh-CN');
    const explain = sheet?.header.indexOf('说明') ?? -1;
    expect(sheet?.rows[0]?.[explain]).toBe('平台清单有这张发票，台账中没有；项目：*餐饮服务*餐费 等 3 项');
  });
});

describe('caseNotesForLines', () => {
  it('starts with the summary, then one line per item with quantity, amount, rate and tax', () => {
    expect(caseNotesForLines(MEALS, 'zh-CN')).toBe([
      '平台清单所列项目：*餐饮服务*餐费 等 3 项',
      '1. *餐饮服务*餐费 2 次 金额 200.00 税率 6% 税额 12.00',
      '2. *餐饮服务*餐费 1 次 金额 100.00 税率 6% 税额 6.00',
      '3. *餐饮服务*酒水 2 次 金额 200.00 税率 免税 税额 0.00',
    ].join('\n'));
    expect(caseNotesForLines([meal({ spec: '大份', unit: '', taxRate: '' })], 'en')).toBe('Items on the platform list: *餐饮服务*餐费\n1. *餐饮服务*餐费 大份 2 amount 200.00 tax 12.00');
  });

  it('lists at most CASE_NOTE_LINES items and counts the rest; nothing without lines', () => {
    const many = Array.from({ length: CASE_NOTE_LINES + 3 }, () => meal());
    const notes = caseNotesForLines(many, 'zh-CN').split('\n');
    expect(notes).toHaveLength(CASE_NOTE_LINES + 2);
    expect(notes.at(-1)).toBe('另有 3 项未列出');
    expect(caseNotesForLines(undefined, 'zh-CN')).toBe('');
    expect(caseNotesForLines([], 'en')).toBe('');
  });
});
