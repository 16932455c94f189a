/*
 * Reconciliation's data shapes (issue #11; docs/architecture.md#reconciliation-and-cases): rows read from the tax platform's exports and from bank
 * statements, the ledger as reconciliation sees it, and the findings a run produces. Pure types shared by the
 * spreadsheet readers (shared/reconcile/sheet), the matching (shared/reconcile/match), the app and the CLI.
 */
import type { Fen } from '../domain/money';
import type { InvoiceContent, InvoiceKind, InvoiceLine, InvoiceStatus } from '../domain/invoice';

/** Which kind of file a sheet holds; each has presets of header synonyms. */
export type SheetKind = 'platform' | 'check' | 'bank' | 'ledger';

/** Status of an invoice on the tax platform (发票状态). */
export type PlatformStatus = 'normal' | 'voided' | 'reversed' | 'reversedPartial' | 'other';

/** Risk level on the tax platform (发票风险等级): '' when the column is absent or empty. */
export type PlatformRisk = 'normal' | 'abnormal' | 'suspect' | '';

/**
 * What both sides of a reconciliation say about an invoice, in the ledger's own terms: 发票代码 ('' for 数电
 * invoices), 发票号码 (for 数电 invoices the 20-digit 数电发票号码), date YYYY-MM-DD, parties, and money in fen.
 */
export type InvoiceFacts = Pick<InvoiceContent, 'code' | 'number' | 'issueDate' | 'seller' | 'buyer' | 'amount' | 'tax' | 'total'>;

/** One invoice row of a 全量发票查询 or 勾选 export ('' for a date whose cell was empty). */
export interface PlatformRow extends InvoiceFacts {
  /** Row number as Excel shows it (1-based), for messages and links. */
  readonly row: number;
  /** 发票票种 as printed (e.g. 数电发票（增值税专用发票）), and our kind when it is recognised. */
  readonly kindText: string;
  readonly kind: InvoiceKind | null;
  readonly status: PlatformStatus;
  readonly statusText: string;
  readonly risk: PlatformRisk;
  /** 是否正数发票 (false = a red invoice). */
  readonly isPositive: boolean;
  readonly remarks: string;
  /**
   * The invoice's line items from the export's 信息汇总表 sheet (empty when that sheet lists none for it); absent
   * when the file has no such sheet (a 勾选 export, or a 全量发票查询 export saved without it).
   */
  readonly lines?: readonly InvoiceLine[];
}

/** One transaction of a bank statement. `amount` is positive; `direction` says which way the money went. */
export interface BankRow {
  readonly row: number;
  /** 交易日期 or 记账日期, YYYY-MM-DD. */
  readonly date: string;
  /** out = paid by the company (借方/支出), in = received (贷方/收入). */
  readonly direction: 'out' | 'in';
  readonly amount: Fen;
  /** 对方户名 (counterparty name), '' when the statement has none. */
  readonly counterparty: string;
  readonly counterpartyAccount: string;
  /** 摘要 / 用途 / 附言, joined. */
  readonly summary: string;
  /** 交易流水号 when present ('' otherwise). */
  readonly serial: string;
}

/** An invoice as reconciliation sees it: from the app's ledger, or read from a ledger spreadsheet (id = "row-N"). */
export interface LedgerInvoice extends InvoiceFacts {
  readonly id: string;
  readonly kind: InvoiceKind;
  readonly status: InvoiceStatus;
  readonly deleted: boolean;
}

/** Finding types. The first eight are counted in the CLI summary; riskFlagged is reported beside them. */
export const FINDING_TYPES = [
  'missingInLedger', // on the platform list, not in the ledger: the core "missing invoice" finding
  'missingOnList', // in the ledger for the period and direction, not on the list
  'mismatched', // the same invoice with a different amount, tax, total, date or seller
  'voidedButActive', // 已作废 / 已红冲 on the platform, active in the ledger
  'riskFlagged', // 异常凭证 / 疑点发票 on the platform
  'paymentWithoutInvoice', // a bank payment no invoice explains
  'invoiceWithoutPayment', // an invoice no bank payment settles
  'sequenceGap', // numbers missing in a regular supplier's paper invoice sequence
] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** A value shown in a finding's detail: text, a number (fen for money fields), or absent. */
export type DetailValue = string | number | boolean | null;

/** A suggested bank match: the invoices that may explain a payment, with a score (0..1) and its reasons. */
export interface MatchSuggestion {
  readonly invoiceIds: readonly string[];
  /** The payment this suggestion pairs with the invoices (its paymentKey); set on every bank suggestion. */
  readonly paymentKey?: string;
  readonly score: number;
  /** Reason codes with parameters, translated at the edge (e.g. {code: 'amountExact'}). */
  readonly reasons: readonly { readonly code: string; readonly params?: Readonly<Record<string, string | number>> }[];
}

/**
 * One finding. `key` is stable across runs (built from the invoice's identity, never from row numbers), so a
 * finding marked handled stays handled, and a new run can tell what is new.
 */
export interface Finding {
  readonly type: FindingType;
  readonly key: string;
  readonly detail: Readonly<Record<string, DetailValue>>;
  /** The ledger invoice(s) concerned. */
  readonly invoiceIds?: readonly string[];
  /** The platform row concerned (row number). */
  readonly listRow?: number;
  /** The bank row concerned (row number). */
  readonly bankRow?: number;
  /** For paymentWithoutInvoice / invoiceWithoutPayment: candidates, best first. Never applied automatically. */
  readonly suggestions?: readonly MatchSuggestion[];
}

/** The counts the CLI prints (its JSON contract) and the report header shows. */
export interface ReconcileSummary {
  readonly listRows: number;
  readonly ledgerRows: number;
  readonly missingInLedger: number;
  readonly missingOnList: number;
  readonly mismatched: number;
  readonly voidedButActive: number;
  readonly paymentsWithoutInvoice: number;
  readonly invoicesWithoutPayment: number;
  readonly sequenceGaps: number;
}

/** A period, both ends inclusive, YYYY-MM-DD. */
export interface Period {
  readonly from: string;
  readonly to: string;
}
