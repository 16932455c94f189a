/*
 * The ledger as a spreadsheet that re-imports with no loss through readLedgerRows: identifiers and dates as text
 * (leading zeros and 20-digit 数电 numbers survive), money as numbers with two decimals (exact in fen when read
 * back), rates and kinds as the entry form shows them, line items as JSON in 明细 (ledger-lines.ts).
 */
import { draftFromContent } from '../../domain/draft';
import type { Invoice } from '../../domain/invoice';
import { kindLabel, statusLabel } from '../../i18n/domain-messages';
import { LINES_HEADER, linesToJson } from './ledger-lines';
import type { SheetOut } from './types';
import { splitForCells } from './write-workbook';

/** The export's columns; each is a synonym the ledger preset reads. */
export const LEDGER_EXPORT_HEADER = [
  '发票类型', '发票代码', '发票号码', '开票日期', '校验码', '购买方名称', '购买方纳税人识别号', '销售方名称',
  '销售方纳税人识别号', '金额', '税额', '价税合计', '税率', '备注', '红字发票', '状态',
] as const;

const MONEY_FORMAT = '#,##0.00';
const WIDTHS = [22, 14, 24, 12, 24, 30, 22, 30, 22, 14, 12, 14, 8, 30, 8, 8];

/** The ledger (or the current filter of it) as one sheet; `name` is the sheet's name. */
export function ledgerExportSheet(invoices: readonly Invoice[], name = '发票台账'): SheetOut {
  const chunks = invoices.map((inv) => splitForCells(linesToJson(draftFromContent(inv).lines)));
  const lineColumns = Math.max(1, ...chunks.map((c) => c.length));
  const header = [...LEDGER_EXPORT_HEADER, LINES_HEADER, ...Array.from({ length: lineColumns - 1 }, (_, i) => `${LINES_HEADER}${i + 2}`)];
  const rows = invoices.map((inv, i) => {
    const d = draftFromContent(inv);
    return [
      kindLabel(inv.kind, 'zh-CN'), inv.code, inv.number, inv.issueDate, inv.checkCode,
      inv.buyer.name, inv.buyer.taxId, inv.seller.name, inv.seller.taxId,
      inv.amount / 100, inv.tax / 100, inv.total / 100, d.taxRate, inv.remarks,
      inv.isRed ? '是' : '否', statusLabel(inv.status, 'zh-CN'),
      ...Array.from({ length: lineColumns }, (_, c) => chunks[i]?.[c] ?? ''),
    ];
  });
  const formats = header.map((_, c) => (c >= 9 && c <= 11 ? MONEY_FORMAT : null));
  return { name, header, rows, formats, widths: [...WIDTHS, ...Array.from({ length: lineColumns }, () => 40)] };
}
