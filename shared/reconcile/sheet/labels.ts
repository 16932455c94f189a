/*
 * Text labels in exports and ledgers → our keys: invoice kinds (发票票种 as the platform prints it, our own kind
 * labels, or the stored key), platform status and risk level, ledger statuses, and yes/no cells. One table for
 * platform rows and ledger rows alike, so both read a label the same way.
 */
import { INVOICE_KINDS, INVOICE_STATUSES, type InvoiceKind, type InvoiceStatus } from '../../domain/invoice';
import { kindLabel, statusLabel } from '../../i18n/domain-messages';
import { LOCALES } from '../../i18n/translate';
import type { PlatformRisk, PlatformStatus } from '../types';

/** Normalises a label: NFKC (full-width brackets and dashes to ASCII), no whitespace, lower case. */
const norm = (text: string): string => text.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Remembers a label reader's answers: a 50,000-row export repeats a handful of labels. */
function memo<T>(read: (text: string) => T): (text: string) => T {
  const seen = new Map<string, T>();
  return (text) => {
    if (seen.has(text)) return seen.get(text) as T;
    const value = read(text);
    if (seen.size < 1000) seen.set(text, value);
    return value;
  };
}

/** Every kind by its key and by its label in each UI language. */
const KIND_BY_LABEL: ReadonlyMap<string, InvoiceKind> = new Map(
  INVOICE_KINDS.flatMap((k) => [[norm(k), k] as const, ...LOCALES.map((l) => [norm(kindLabel(k, l)), k] as const)]),
);

/**
 * The kind a 发票票种 text names: 数电发票（增值税专用发票） → digital_special, 电子发票（普通发票） (the name 数电
 * invoices carry since 2024) → digital_normal, 增值税电子专用发票 → e_special, 通行费 → toll, …; null when unknown.
 */
export const kindFromText = memo((text: string): InvoiceKind | null => {
  const t = norm(text);
  if (t === '') return null;
  const known = KIND_BY_LABEL.get(t);
  if (known) return known;
  if (/^(数电|全电|电子发票\()/.test(t)) {
    if (t.includes('专用')) return 'digital_special';
    if (t.includes('普通')) return 'digital_normal';
    return t.includes('机动车') ? 'vehicle' : 'other';
  }
  if (t.includes('通行费')) return 'toll';
  if (t.includes('机动车')) return 'vehicle';
  if (t.includes('卷')) return 'roll';
  if (t.includes('电子专用')) return 'e_special';
  if (t.includes('电子普通')) return 'e_normal';
  if (t.includes('专用')) return 'vat_special';
  if (t.includes('普通')) return 'vat_normal';
  return null;
});

/** 发票状态 of the platform → PlatformStatus ('' reads as normal: the 勾选 export lists valid invoices). */
export const platformStatusFromText = memo((text: string): PlatformStatus => {
  const t = norm(text);
  if (t === '' || t === '正常' || t === 'normal') return 'normal';
  if (t.includes('部分')) return 'reversedPartial';
  if (t.includes('红冲')) return 'reversed';
  if (t.includes('作废')) return 'voided';
  return 'other';
});

/** 发票风险等级 → PlatformRisk ('' when empty or unknown). */
export const riskFromText = memo((text: string): PlatformRisk => {
  const t = norm(text);
  if (t === '正常') return 'normal';
  if (t.includes('异常')) return 'abnormal';
  if (t.includes('疑点')) return 'suspect';
  return '';
});

const YES = new Set(['是', 'y', 'yes', 'true', '1', '√', '红字', '红票', '负数']);
const NO = new Set(['否', 'n', 'no', 'false', '0', '蓝字', '蓝票', '正数']);

/** A yes/no cell: true, false, or null when empty or unrecognised. */
export const yesNo = memo((text: string): boolean | null => {
  const t = norm(text);
  if (YES.has(t)) return true;
  if (NO.has(t)) return false;
  return null;
});

/** Ledger statuses by key and label in each language, plus the platform's own words for the same states. */
const STATUS_BY_LABEL: ReadonlyMap<string, InvoiceStatus> = new Map([
  ...INVOICE_STATUSES.flatMap((s) => [[norm(s), s] as const, ...LOCALES.map((l) => [norm(statusLabel(s, l)), s] as const)]),
  ['作废', 'voided'], ['红冲', 'reversed'], ['已红冲-全额', 'reversed'], ['全额红冲', 'reversed'],
]);

/** A ledger status cell: the status, null when empty (or the platform's 正常), undefined when unrecognised. */
export const ledgerStatusFromText = memo((text: string): InvoiceStatus | null | undefined => {
  const t = norm(text);
  if (t === '' || t === '正常') return null;
  return STATUS_BY_LABEL.get(t);
});
