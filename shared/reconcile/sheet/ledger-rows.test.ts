import fc from 'fast-check';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { draftFromContent, emptyDraft } from '../../domain/draft';
import { INVOICE_KINDS, INVOICE_STATUSES, type Invoice, type InvoiceContent, type InvoiceDraft, type InvoiceId, type InvoiceStatus } from '../../domain/invoice';
import { fen, MAX_ABS_FEN } from '../../domain/money';
import { normalizeMultilineText, normalizeName } from '../../domain/normalize';
import { validateDraft } from '../../domain/validate';
import { detectSheetKind } from './detect-kind';
import { ledgerExportSheet } from './ledger-export';
import { readLedgerRows } from './ledger-rows';
import { readWorkbook } from './read-workbook';
import type { LedgerSheetRow, Workbook } from './types';
import { writeWorkbook } from './write-workbook';

const TODAY = { today: '2025-10-01' };

function invoiceOf(content: InvoiceContent, status: InvoiceStatus = 'entered', n = 1): Invoice {
  return {
    ...content, id: `0190${String(n).padStart(4, '0')}-0000-7000-8000-000000000000` as InvoiceId, status, statusHistory: [], tags: [],
    attachments: [], source: 'manual', fieldSources: {}, warnings: [], createdBy: 'u', createdAt: '2024-06-01T00:00:00.000Z',
    updatedBy: 'u', updatedAt: '2024-06-01T00:00:00.000Z', version: 0, deleted: false, deletedAt: null,
  };
}

/** Export → .xlsx bytes → read back: the whole trip a clerk's file makes. */
function roundTrip(invoices: readonly Invoice[]): LedgerSheetRow[] {
  const wb = readWorkbook(writeWorkbook([ledgerExportSheet(invoices)]), '台账.xlsx');
  if (!wb.ok) throw new Error(wb.error.code);
  const r = readLedgerRows(wb.value);
  if (!r.ok) throw new Error(r.error.code);
  expect(r.value.rowProblems).toEqual([]);
  return [...r.value.rows];
}

function validContent(draft: InvoiceDraft): InvoiceContent {
  const { content, issues } = validateDraft(draft, TODAY);
  if (!content) throw new Error(JSON.stringify(issues));
  return content;
}

/** 北京 数电专票 and 浙江 电子普票 (the domain tests' real invoices), one red, one exempt. */
const BEIJING = validContent({
  ...emptyDraft('digital_special'), number: '24112000000048542163', issueDate: '2024年05月28日',
  sellerName: '北京某某科技有限公司', sellerTaxId: '91110108690017781B', buyerName: '北京某某咨询有限公司', buyerTaxId: '91110108339805094M',
  amount: '4197.17', tax: '251.83', total: '4449.00', taxRate: '6%', remarks: '=开户行：某银行\n账号：0012 3456',
  lines: [{ name: '*信息技术服务*技术服务费', spec: '', unit: '项', qty: '1', unitPrice: '4197.16981132075', amount: '4197.17', taxRate: '6%', tax: '251.83' }],
});
const ZHEJIANG = validContent({
  ...emptyDraft('e_normal'), code: '033002000211', number: '03089647', issueDate: '2020-07-23', checkCode: '16197 83356 74145 07415',
  sellerName: '某某个体工商户', sellerTaxId: '92330781MA2EDMFU50', buyerName: '个人', buyerTaxId: '', amount: '-510.68', tax: '0', total: '-510.68',
  taxRate: '免税', isRed: true,
});

describe('ledgerExportSheet + readLedgerRows', () => {
  it('round-trips real invoices to the same content through the entry form validation', () => {
    const rows = roundTrip([invoiceOf(BEIJING, 'booked'), invoiceOf(ZHEJIANG, 'lost', 2)]);
    expect(rows.map((r) => [r.row, r.status])).toEqual([[2, 'booked'], [3, 'lost']]);
    expect(rows.map((r) => validateDraft(r.draft, TODAY).content)).toEqual([BEIJING, ZHEJIANG]);
    expect(ZHEJIANG.taxRate).toBe('exempt');
  });

  it('is recognised as a ledger and neutralises formula-like text in the file', () => {
    const bytes = writeWorkbook([ledgerExportSheet([invoiceOf(BEIJING)])]);
    const wb = readWorkbook(bytes, '台账.xlsx');
    if (!wb.ok) throw new Error(wb.error.code);
    expect(detectSheetKind(wb.value)).toBe('ledger');
    const remarks = wb.value.sheets[0]?.rows[1]?.[13];
    expect(remarks).toBe("'=开户行:某银行\n账号:0012 3456");
  });

  it('carries line items longer than one Excel cell over to 明细2, 明细3', () => {
    const line = { name: `*物流辅助服务*${'很长的货物名称'.repeat(40)}`, spec: '规格', unit: '件', qty: '1', unitPrice: '1', amount: fen(100), taxRate: '0.06', tax: fen(6) };
    const many: InvoiceContent = { ...BEIJING, lines: Array.from({ length: 300 }, () => line), amount: fen(30000), tax: fen(1800), total: fen(31800) };
    const sheet = ledgerExportSheet([invoiceOf(many)]);
    expect(sheet.header.slice(16)).toEqual(['明细', '明细2', '明细3', '明细4']);
    const [row] = roundTrip([invoiceOf(many)]);
    expect(row?.draft.lines).toEqual(draftFromContent(many).lines);
  });

  it('loses nothing of line items at a continuation boundary: spaces at the ends of a piece, OOXML escape look-alikes', () => {
    const line = { name: '', spec: '', unit: '件', qty: '1', unitPrice: '1', amount: fen(100), taxRate: '0.06', tax: fen(6) };
    // The 明细 JSON starts with [[" so the first piece ends in spaces and the second starts with them; the other
    // name is longer than a cell once its _x0041_ look-alikes are escaped.
    for (const name of [`${'很'.repeat(31_994)} \u3000 \u3000x`, 'n_x0041_'.repeat(5_000)]) {
      const content: InvoiceContent = { ...BEIJING, lines: [{ ...line, name }], amount: fen(100), tax: fen(6), total: fen(106) };
      const pieces = ledgerExportSheet([invoiceOf(content)]).rows[0]?.slice(16) ?? [];
      expect(pieces.length).toBeGreaterThan(1);
      const [row] = roundTrip([invoiceOf(content)]);
      expect(row?.draft.lines[0]?.name).toBe(name);
    }
  });

  // Identifiers as clerks' ledgers hold them: digits and capitals, leading zeros, up to 20 digits.
  const ident = (max: number) => fc.string({ unit: fc.constantFrom(...Array.from('0123456789ABCDEFGHJKLMNPQRTUWXY')), maxLength: max });
  // Free text with the characters that trip spreadsheets: formula starts, quotes, apostrophes, line breaks, CJK.
  const text = fc.string({ unit: fc.constantFrom('=', '+', '-', '@', "'", '"', '\n', '_', 'x', '0', 'D', '&', '<', ' ', '公', '司', '（', '）', 'a'), maxLength: 30 });
  const money = fc.integer({ min: -MAX_ABS_FEN, max: MAX_ABS_FEN }).map(fen);
  const rate = fc.constantFrom('', '0.13', '0.09', '0.06', '0.03', '0.015', '0', 'exempt', 'nontaxable');
  const lineArb = fc.record({ name: text, spec: text, unit: text, qty: fc.constantFrom('', '1', '0.5', '12.3456'), unitPrice: fc.constantFrom('', '100', '4197.16981132075'), amount: money, taxRate: rate, tax: money });
  const contentArb: fc.Arbitrary<InvoiceContent> = fc.record({
    kind: fc.constantFrom(...INVOICE_KINDS), code: ident(12), number: ident(20), issueDate: fc.constantFrom('2024-05-08', '1999-12-31', '2025-01-01'),
    seller: fc.record({ name: text.map(normalizeName), taxId: ident(20) }), buyer: fc.record({ name: text.map(normalizeName), taxId: ident(20) }),
    lines: fc.array(lineArb, { maxLength: 3 }).map((ls) => ls.map((l) => ({ ...l, name: l.name.trim(), spec: l.spec.trim(), unit: l.unit.trim() }))),
    amount: money, tax: money, total: money, taxRate: rate, checkCode: ident(20), remarks: text.map(normalizeMultilineText), isRed: fc.boolean(),
  });

  it('loses nothing: every content field and the status come back as the entry form would show them', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(contentArb, fc.constantFrom(...INVOICE_STATUSES)), { minLength: 1, maxLength: 5 }), (items) => {
        const invoices = items.map(([c, s], i) => invoiceOf(c, s, i));
        const rows = roundTrip(invoices);
        expect(rows.map((r) => r.status)).toEqual(items.map(([, s]) => s));
        expect(rows.map((r) => r.draft)).toEqual(invoices.map(draftFromContent));
      }),
      { numRuns: 60 },
    );
  });
});

describe('readLedgerRows: hand-kept Excel ledgers', () => {
  function book(rows: unknown[][], file = '台账.xlsx'): Workbook {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), '2024年');
    const r = readWorkbook(new Uint8Array(XLSX.write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer), file);
    if (!r.ok) throw new Error(r.error.code);
    return r.value;
  }

  it('reads synonyms, date serials, money numbers; infers the kind; leaves validation and repeats to the import preview', () => {
    const wb = book([
      ['2024年进项发票登记表'],
      ['日期', '供应商', '发票代码', '发票号码', '金额(不含税)', '税额', '含税金额', '税率', '备注'],
      [new Date(Date.UTC(2024, 4, 8)), '上海某某有限公司', '', '24312000000012345678', 1000, 130, 1130, 0.13, ''],
      ['2024年5月9日', '某某商店', '3100231130', '00000001', '500.00', '15.00', '515.00', '3%', '办公用品'],
      ['2024/5/9', '某某商店', '3100231130', '00000001', '500.00', '15.00', '515.00', '3%', '办公用品'],
      ['2024-05-10', '', '', '', '', '', '', '', ''],
      [],
      ['合计', '', '', '', 2000, 160, 2160],
    ]);
    expect(detectSheetKind(wb)).toBe('ledger');
    const r = readLedgerRows(wb);
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.headerRow).toBe(2);
    expect(r.value.columns).toMatchObject({ issueDate: '日期', sellerName: '供应商', amount: '金额(不含税)', total: '含税金额' });
    expect(r.value.rows.map((x) => [x.row, x.draft.kind, x.draft.issueDate, x.draft.number, x.draft.amount, x.draft.total, x.draft.taxRate, x.status])).toEqual([
      [3, 'digital_normal', '2024-05-08', '24312000000012345678', '1000.00', '1130.00', '0.13', null],
      [4, 'vat_special', '2024年5月9日', '00000001', '500.00', '515.00', '3%', null],
      [5, 'vat_special', '2024/5/9', '00000001', '500.00', '515.00', '3%', null],
    ]);
    expect(r.value.skipped).toEqual([{ row: 6, reason: 'note' }, { row: 7, reason: 'blank' }, { row: 8, reason: 'total' }]);
    // The entry form's rules apply in the preview: this ledger has no buyer or seller tax id columns.
    expect(validateDraft(r.value.rows[0]!.draft, TODAY).issues.filter((i) => i.severity === 'error').map((i) => `${i.field}:${i.code}`)).toEqual(['buyerName:required', 'sellerTaxId:required']);
  });

  it('gives paper invoice numbers and codes typed as numbers their leading zeros back', () => {
    const r = readLedgerRows(book([['发票代码', '发票号码', '开票日期', '价税合计'], [31002300111, 12345, '2024-05-08', 10]]));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.rows.map((x) => [x.draft.code, x.draft.number, x.draft.kind])).toEqual([['031002300111', '00012345', 'e_normal']]);
  });

  it('a kind, status or red flag it cannot read is a row problem naming the column', () => {
    const r = readLedgerRows(book([
      ['发票类型', '发票号码', '开票日期', '价税合计', '状态', '红字发票'],
      ['火车票', '12345678', '2024-05-08', 10, '', ''],
      ['增值税专用发票', '12345679', '2024-05-08', 10, '丢了', ''],
      ['增值税专用发票', '12345670', '2024-05-08', 10, '已入账', '也许'],
      ['数电票（普通发票）', '24312000000012345678', '2024-05-08', 10, '遗失', '否'],
    ]));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.rowProblems).toEqual([
      { row: 2, field: 'kind', code: 'kind', params: { header: '发票类型', value: '火车票' } },
      { row: 3, field: 'status', code: 'status', params: { header: '状态', value: '丢了' } },
      { row: 4, field: 'isRed', code: 'yesNo', params: { header: '红字发票', value: '也许' } },
    ]);
    expect(r.value.rows.map((x) => [x.row, x.draft.kind, x.status])).toEqual([[5, 'digital_normal', 'lost']]);
  });

  it('reads 明细 as arrays or objects and names a cell that is neither', () => {
    const r = readLedgerRows(book([
      ['发票号码', '开票日期', '价税合计', '明细'],
      ['00000001', '2024-05-08', 10, '[{"name":"笔","qty":2,"amount":"10.00"}]'],
      ['00000002', '2024-05-08', 10, '笔 两支'],
      ['00000003', '2024-05-08', 10, '[["笔",{"x":1}]]'],
    ]));
    if (!r.ok) throw new Error(r.error.code);
    expect(r.value.rows.map((x) => x.draft.lines)).toEqual([[{ name: '笔', spec: '', unit: '', qty: '2', unitPrice: '', amount: '10.00', taxRate: '', tax: '' }]]);
    expect(r.value.rowProblems.map((p) => [p.row, p.field, p.code])).toEqual([[3, 'lines', 'lines'], [4, 'lines', 'lines']]);
  });

  it('refuses a sheet without invoice numbers or amounts, naming both', () => {
    expect(readLedgerRows(book([['日期', '摘要'], ['2024-05-08', 'x']], 'notes.xlsx'))).toEqual({
      ok: false, error: { code: 'noColumns', params: { file: 'notes.xlsx', expected: '发票号码、金额/价税合计', found: '日期、摘要' } },
    });
  });
});
