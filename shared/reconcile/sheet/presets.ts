/*
 * Header presets: for each kind of file, the fields a reader needs and the header texts each may carry, best
 * first. Headers are compared after normaliseHeader (full-width forms, spaces, line breaks, `*` and brackets
 * removed), so 交易金额（支出） and 交易金额(支出) and "交易\n金额 支出" are one header. Column order never matters.
 * Sources: docs/invoice-rules.md#platform-exports and #bank-statements (platform exports as several independent importers read
 * them, ICBC/CMB/corporate statements) plus the headings hand-kept Excel ledgers commonly use.
 */
import type { SheetKind } from '../types';

/** One field of a preset: required fields must all be found; synonyms are tried in order. */
export interface PresetField {
  readonly field: string;
  readonly required: boolean;
  readonly synonyms: readonly string[];
}

/** A preset: its fields plus what helps pick the right sheet and tell similar files apart. */
export interface Preset {
  readonly fields: readonly PresetField[];
  /** At least one field of each group must be found (e.g. 借方/贷方 columns or one signed amount). */
  readonly needs?: readonly (readonly string[])[];
  /** Sheet names to prefer, best first (a workbook may hold the same header on several sheets). */
  readonly sheets?: readonly string[];
  /** Headers only this kind of file has; they decide between presets that both match. */
  readonly signature?: readonly string[];
  /** Headers that mark the wrong sheet (line items instead of invoices). */
  readonly avoid?: readonly string[];
}

const f = (field: string, required: boolean, ...synonyms: string[]): PresetField => ({ field, required, synonyms });

/** Invoice columns shared by the 全量发票查询 export and the 勾选 export (same field names, so one mapping fits both). */
const INVOICE_LIST_FIELDS: readonly PresetField[] = [
  f('code', false, '发票代码'),
  f('number', false, '发票号码'),
  // Exports up to 2024 may title it 全电发票号码.
  f('digitalNumber', false, '数电发票号码', '全电发票号码', '数电票号码', '全电票号码'),
  f('issueDate', true, '开票日期', '开票时间', '开具日期'),
  f('sellerTaxId', false, '销方识别号', '销售方纳税人识别号', '销方纳税人识别号', '销售方识别号', '销方税号', '销售方税号'),
  f('sellerName', true, '销方名称', '销售方纳税人名称', '销售方名称', '销方纳税人名称'),
  f('buyerTaxId', false, '购方识别号', '购买方纳税人识别号', '购方纳税人识别号', '购买方识别号', '购方税号', '购买方税号'),
  f('buyerName', false, '购买方名称', '购方名称', '购买方纳税人名称', '购方纳税人名称'),
  f('amount', true, '金额', '合计金额', '不含税金额'),
  f('tax', true, '税额', '合计税额'),
  f('total', false, '价税合计', '价税合计金额'),
  f('kindText', false, '发票票种', '票种', '发票种类', '发票类型'),
  f('status', false, '发票状态'),
  f('isPositive', false, '是否正数发票'),
  f('risk', false, '发票风险等级', '风险等级'),
  f('remarks', false, '备注'),
];

/** The sheet of a 全量发票查询 export that holds one row per line item (docs/invoice-rules.md#platform-exports). */
export const PLATFORM_LINES_SHEET = '信息汇总表';

/**
 * The line items of a 全量发票查询 export (sheet 信息汇总表): the invoice's identity as on 发票基础信息, then the
 * item. Not a SheetKind: it is read only from that sheet, beside the invoice list, never as a file of its own.
 */
export const PLATFORM_LINES_PRESET: Preset = {
  fields: [
    ...INVOICE_LIST_FIELDS.filter((x) => x.field === 'code' || x.field === 'number' || x.field === 'digitalNumber'),
    f('name', true, '货物或应税劳务名称', '货物或应税劳务、服务名称', '项目名称', '商品名称', '货物名称'),
    f('spec', false, '规格型号', '规格'),
    f('unit', false, '单位', '计量单位'),
    f('qty', false, '数量'),
    f('unitPrice', false, '单价'),
    f('amount', true, '金额'),
    f('taxRate', false, '税率', '征收率', '税率/征收率'),
    f('tax', false, '税额'),
  ],
  needs: [['number', 'digitalNumber']],
  sheets: [PLATFORM_LINES_SHEET],
};

/** Every preset the readers know. */
export const PRESETS: Readonly<Record<SheetKind, Preset>> = {
  platform: {
    fields: INVOICE_LIST_FIELDS,
    needs: [['number', 'digitalNumber']],
    sheets: ['发票基础信息'],
    signature: ['是否正数发票', '销方识别号', '销方名称', '购方识别号', '开票人'],
    avoid: ['货物或应税劳务名称', '货物或应税劳务、服务名称', '税收分类编码', '项目名称', '规格型号'],
  },
  check: {
    fields: INVOICE_LIST_FIELDS,
    needs: [['number', 'digitalNumber']],
    sheets: ['发票'],
    signature: ['勾选状态', '有效抵扣税额', '勾选时间', '票种标签', '是否勾选', '转内销证明编号'],
  },
  bank: {
    fields: [
      f('date', true, '交易日期', '交易时间', '记账日期', '入账日期', '记账时间', '交易日', '日期'),
      f('out', false, '借方发生额', '借方金额', '支出金额', '支出', '交易金额(支出)', '记账金额(支出)', '借方发生额(支出)', '付款金额', '借方'),
      f('in', false, '贷方发生额', '贷方金额', '收入金额', '收入', '交易金额(收入)', '记账金额(收入)', '贷方发生额(收入)', '收款金额', '存入金额', '贷方'),
      f('amount', false, '交易金额', '发生额', '金额', '交易金额(元)', '记账金额', '入账金额'),
      f('direction', false, '借贷标志', '借贷方向', '收支标志', '收支方向', '收/支', '借贷', '方向'),
      f('counterparty', false, '对方户名', '对方名称', '对方账户名称', '对方账户名', '对方单位名称', '对方单位', '收(付)款人名称', '对手信息', '交易对方', '对方信息'),
      f('counterpartyAccount', false, '对方账号', '对方账户', '对方卡号', '收(付)款人账号'),
      f('summary', false, '摘要', '交易摘要', '摘要说明', '交易类型'),
      f('purpose', false, '用途', '附言', '交易附言', '客户摘要', '备注', '交易用途', '附加信息'),
      f('serial', false, '交易流水号', '银行流水号', '流水号', '交易流水', '交易参考号', '流水'),
    ],
    needs: [['out', 'in', 'amount']],
  },
  ledger: {
    fields: [
      f('kind', false, '发票类型', '发票种类', '发票票种', '票种', '类型'),
      f('code', false, '发票代码'),
      f('number', true, '发票号码', '数电发票号码', '全电发票号码', '发票号', '票号'),
      f('issueDate', true, '开票日期', '日期', '发票日期', '开具日期', '开票时间'),
      f('checkCode', false, '校验码'),
      f('buyerName', false, '购买方名称', '购方名称', '购买方', '购货单位', '受票方名称'),
      f('buyerTaxId', false, '购买方纳税人识别号', '购买方税号', '购方税号', '购方识别号', '购买方识别号', '购方纳税人识别号'),
      f('sellerName', false, '销售方名称', '销方名称', '销售方', '供应商', '供应商名称', '开票单位', '开票方', '销货单位', '销售方纳税人名称'),
      f('sellerTaxId', false, '销售方纳税人识别号', '销售方税号', '销方税号', '销方识别号', '销售方识别号', '供应商税号'),
      f('amount', false, '金额', '金额(不含税)', '不含税金额', '合计金额'),
      f('tax', false, '税额', '合计税额'),
      f('total', false, '价税合计', '含税金额', '总金额', '价税合计金额', '金额(含税)'),
      f('taxRate', false, '税率', '征收率', '税率/征收率'),
      f('remarks', false, '备注'),
      f('isRed', false, '红字发票', '是否红字', '红字'),
      f('status', false, '状态', '发票状态'),
      f('lines', false, '明细'),
    ],
    needs: [['amount', 'total']],
    signature: ['校验码', '红字发票', '明细'],
  },
};

/** Normalises a header for comparison: NFKC, no whitespace, `*`, brackets or colons, lower case. */
export function normalizeHeader(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000*()[\]{}【】〔〕<>《》:：]/g, '')
    .toLowerCase();
}
