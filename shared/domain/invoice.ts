import type { Fen } from './money';

/** Client-made UUIDv7 of an invoice. */
export type InvoiceId = string & { readonly __brand: 'InvoiceId' };

/** Invoice kinds (docs/invoice-rules.md#invoice-codes). Values are stable storage keys; labels live in i18n. */
export const INVOICE_KINDS = [
  'vat_special', // 增值税专用发票 (paper)
  'vat_normal', // 增值税普通发票 (paper)
  'e_normal', // 增值税电子普通发票
  'e_special', // 增值税电子专用发票
  'digital_special', // 数电票（增值税专用发票）
  'digital_normal', // 数电票（普通发票）
  'roll', // 卷票
  'toll', // 通行费电子普通发票
  'vehicle', // 机动车销售统一发票
  'other',
] as const;
export type InvoiceKind = (typeof INVOICE_KINDS)[number];

/** Ledger statuses (docs/invoice-rules.md#statuses). Values are stable storage keys; labels live in i18n. */
export const INVOICE_STATUSES = [
  'entered', // 已录入
  'verified', // 已核对
  'booked', // 已入账
  'reimbursed', // 已报销
  'voided', // 已作废
  'reversed', // 已红冲
  'lost', // 遗失
  'replacing', // 补办中
  'replaced', // 已补办
] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];

/** Where a field value came from. */
export type FieldSource = 'manual' | 'ocr' | 'qr' | 'ofd' | 'xml' | 'pdf-text' | 'import';

/** One line item (货物或应税劳务). qty and unitPrice keep their decimal text; money is fen. */
export interface InvoiceLine {
  readonly name: string;
  readonly spec: string;
  readonly unit: string;
  readonly qty: string;
  readonly unitPrice: string;
  readonly amount: Fen;
  /** Rate as text normalised to a decimal string ("0.13"), or "exempt" / "nontaxable". */
  readonly taxRate: string;
  readonly tax: Fen;
}

/** A party on the invoice. */
export interface Party {
  readonly name: string;
  readonly taxId: string;
}

/** One entry of an invoice's status history. */
export interface StatusChange {
  readonly from: InvoiceStatus | null;
  readonly to: InvoiceStatus;
  readonly at: string;
  readonly by: string;
  readonly reason: string;
}

/** Which field a validation issue is about: a header field or a line field ("lines.0.tax"). */
export type FieldName =
  | 'kind' | 'code' | 'number' | 'issueDate' | 'buyerName' | 'buyerTaxId' | 'sellerName' | 'sellerTaxId'
  | 'amount' | 'tax' | 'total' | 'taxRate' | 'checkCode' | 'remarks' | 'isRed' | `lines.${number}.${keyof InvoiceLine}`;

/** A validation finding. Errors block saving; warnings are saved with the record. Messages come from i18n by `code`. */
export interface Issue {
  readonly field: FieldName;
  readonly severity: 'error' | 'warning';
  readonly code: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The business content of an invoice, as validated (no bookkeeping fields). */
export interface InvoiceContent {
  readonly kind: InvoiceKind;
  readonly code: string;
  readonly number: string;
  readonly issueDate: string;
  readonly seller: Party;
  readonly buyer: Party;
  readonly lines: readonly InvoiceLine[];
  readonly amount: Fen;
  readonly tax: Fen;
  readonly total: Fen;
  /** Header-level rate for single-rate invoices typed without lines ("0.13", "exempt", or "" when unknown). */
  readonly taxRate: string;
  readonly checkCode: string;
  readonly remarks: string;
  /** 红字发票: negative amounts are expected. */
  readonly isRed: boolean;
}

/** A stored invoice: content plus ledger bookkeeping. */
export interface Invoice extends InvoiceContent {
  readonly id: InvoiceId;
  readonly status: InvoiceStatus;
  readonly statusHistory: readonly StatusChange[];
  readonly tags: readonly string[];
  /** SHA-256 hex of attached original files. */
  readonly attachments: readonly string[];
  readonly source: FieldSource;
  readonly fieldSources: Readonly<Partial<Record<FieldName, { readonly source: FieldSource; readonly confidence: number }>>>;
  readonly warnings: readonly Issue[];
  readonly createdBy: string;
  readonly createdAt: string;
  readonly updatedBy: string;
  readonly updatedAt: string;
  /** Last server version seen (0 = never synced). */
  readonly version: number;
  readonly deleted: boolean;
  readonly deletedAt: string | null;
}

/** What the entry form holds: every field as typed text, so a failed save loses nothing. */
export interface InvoiceDraft {
  kind: InvoiceKind;
  code: string;
  number: string;
  issueDate: string;
  buyerName: string;
  buyerTaxId: string;
  sellerName: string;
  sellerTaxId: string;
  amount: string;
  tax: string;
  total: string;
  taxRate: string;
  checkCode: string;
  remarks: string;
  isRed: boolean;
  lines: LineDraft[];
}

/** A line item as typed. */
export interface LineDraft {
  name: string;
  spec: string;
  unit: string;
  qty: string;
  unitPrice: string;
  amount: string;
  taxRate: string;
  tax: string;
}
