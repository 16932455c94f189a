// 发票代码 / 发票号码 / 校验码 structure (docs/invoice-rules.md#invoice-codes). Length and digit rules are certain and block
// saving; the meaning of individual digits comes from third-party code, so disagreements only warn.
import type { InvoiceKind, Issue } from './invoice';
import { issue } from './issue-codes';
import { normalizeDigits } from './normalize';
import { INVOICE_CODE_REGIONS } from './regions';

/** What a 10- or 12-digit 发票代码 says about itself. */
export interface InvoiceCodeInfo {
  readonly length: 10 | 12;
  /** Four-digit region code (province or 计划单列市). */
  readonly region: string;
  /** Chinese region name, or null when the region code is not known. */
  readonly regionName: string | null;
  /** Four-digit year the code was assigned (codes may predate the issue date). */
  readonly year: number;
  /** The digits that encode the kind: position 8 of a 10-digit code, positions 11-12 of a 12-digit one. */
  readonly kindDigits: string;
  /** The invoice kind those digits point to, or null when they name none of ours (e.g. 货运专票). */
  readonly kind: InvoiceKind | null;
  /** 12-digit codes starting with 1 are Shenzhen blockchain invoices, which do not follow the kind digits. */
  readonly isBlockchain: boolean;
}

const KIND_BY_DIGIT_10: Readonly<Record<string, InvoiceKind>> = {
  '1': 'vat_special', '5': 'vat_special', '3': 'vat_normal', '6': 'vat_normal',
};
const KIND_BY_DIGITS_12: Readonly<Record<string, InvoiceKind>> = {
  '11': 'e_normal', '12': 'toll', '13': 'e_special', '06': 'roll', '07': 'roll', '04': 'vat_normal', '05': 'vat_normal',
};

const DIGITAL_KINDS: ReadonlySet<InvoiceKind> = new Set(['digital_special', 'digital_normal']);

/** True for the 数电 kinds, which have no 发票代码 and a 20-digit number. */
export function isDigitalKind(kind: InvoiceKind): boolean {
  return DIGITAL_KINDS.has(kind);
}

/** Two-digit years: codes and numbers exist from 1994 on, so 90-99 are the 1990s. */
function fullYear(twoDigits: string): number {
  const yy = Number(twoDigits);
  return yy >= 90 ? 1900 + yy : 2000 + yy;
}

/** Splits a 10- or 12-digit 发票代码 into region, year and kind digits; null for anything else. */
export function describeInvoiceCode(code: string): InvoiceCodeInfo | null {
  const value = normalizeDigits(code);
  if (/^\d{10}$/.test(value)) {
    const region = value.slice(0, 4);
    const kindDigits = value.charAt(7);
    return {
      length: 10, region, regionName: INVOICE_CODE_REGIONS[region] ?? null, year: fullYear(value.slice(4, 6)),
      kindDigits, kind: KIND_BY_DIGIT_10[kindDigits] ?? null, isBlockchain: false,
    };
  }
  if (/^\d{12}$/.test(value)) {
    const region = value.slice(1, 5);
    const kindDigits = value.slice(10, 12);
    const isBlockchain = value.startsWith('1');
    return {
      length: 12, region, regionName: INVOICE_CODE_REGIONS[region] ?? null, year: fullYear(value.slice(5, 7)),
      kindDigits, kind: isBlockchain ? null : (KIND_BY_DIGITS_12[kindDigits] ?? null), isBlockchain,
    };
  }
  return null;
}

/** Code lengths each kind may have; 2018+ folded 普票 carry 12-digit codes. */
const CODE_LENGTHS: Readonly<Record<InvoiceKind, readonly number[]>> = {
  vat_special: [10], vat_normal: [10, 12], e_normal: [12], e_special: [12], roll: [12], toll: [12],
  vehicle: [10, 12], other: [10, 12], digital_special: [], digital_normal: [],
};

/** Kinds whose code may be left empty. */
const CODE_OPTIONAL: ReadonlySet<InvoiceKind> = new Set(['vehicle', 'other', 'digital_special', 'digital_normal']);

/** The year part of a YYYY-MM-DD date, or null when the date is not in that form. */
function yearOf(isoDate: string): number | null {
  const m = /^(\d{4})-\d{2}-\d{2}$/.exec(isoDate);
  return m ? Number(m[1]) : null;
}

/** Structure warnings for a well-formed code: unknown region, code year after the issue year, kind disagreement. */
function structureIssues(info: InvoiceCodeInfo, kind: InvoiceKind, issueDate: string): Issue[] {
  const issues: Issue[] = [];
  if (info.regionName === null) issues.push(issue('code', 'warning', 'code.region', { region: info.region }));
  const issueYear = yearOf(issueDate);
  // A code may be used in later years (code year 17 issued 2020), never before it was assigned.
  if (issueYear !== null && info.year > issueYear) {
    issues.push(issue('code', 'warning', 'code.year', { year: info.year }));
  }
  if (info.kind !== null && info.kind !== kind && kind !== 'other' && kind !== 'vehicle') {
    issues.push(issue('code', 'warning', 'code.kindMismatch'));
  }
  return issues;
}

/** Validates a 发票代码 against the invoice kind (10/12 digits, empty for 数电) and, softly, its inner structure. */
export function validateCode(code: string, kind: InvoiceKind, issueDate: string): Issue[] {
  const value = normalizeDigits(code);
  if (value === '') return CODE_OPTIONAL.has(kind) ? [] : [issue('code', 'error', 'required')];
  if (isDigitalKind(kind)) return [issue('code', 'warning', 'code.unexpected')];
  if (!/^\d+$/.test(value)) return [issue('code', 'error', 'code.digits')];
  const lengths = CODE_LENGTHS[kind];
  if (!lengths.includes(value.length)) {
    return [issue('code', 'error', 'code.length', { expected: lengths.join('/'), actual: value.length })];
  }
  const info = describeInvoiceCode(value);
  return info === null ? [] : structureIssues(info, kind, issueDate);
}

/** Validates a 发票号码: 20 digits for 数电 (year digits checked softly), 8 for the older VAT kinds. */
export function validateNumber(number: string, kind: InvoiceKind, issueDate = ''): Issue[] {
  const value = normalizeDigits(number);
  if (value === '') return [issue('number', 'error', 'required')];
  if (!/^\d+$/.test(value)) return [issue('number', 'error', 'number.digits')];
  const digital = isDigitalKind(kind);
  if (!digital && value.length === 20 && kind !== 'vehicle' && kind !== 'other') {
    return [issue('number', 'error', 'number.digitalKind')];
  }
  // 机动车 and "other" invoices exist both as old 8-digit and as 数电 20-digit numbers.
  const expected = digital ? [20] : kind === 'vehicle' || kind === 'other' ? [8, 20] : [8];
  if (!expected.includes(value.length)) {
    return [issue('number', 'error', 'number.length', { expected: expected.join('/'), actual: value.length })];
  }
  const issueYear = yearOf(issueDate);
  if (value.length === 20 && issueYear !== null && value.slice(0, 2) !== String(issueYear % 100).padStart(2, '0')) {
    return [issue('number', 'warning', 'number.year', { year: fullYear(value.slice(0, 2)) })];
  }
  return [];
}

/** Kinds that print a 校验码. */
const CHECK_CODE_KINDS: ReadonlySet<InvoiceKind> = new Set(['e_normal', 'vat_normal', 'e_special', 'roll', 'toll']);
/** Kinds that never carry one (paper 专票, 数电). */
const NO_CHECK_CODE_KINDS: ReadonlySet<InvoiceKind> = new Set(['vat_special', 'digital_special', 'digital_normal']);

/** Validates a 校验码: 20 digits when present, expected on 普票/电子票, absent on paper 专票 and 数电. */
export function validateCheckCode(checkCode: string, kind: InvoiceKind): Issue[] {
  const value = normalizeDigits(checkCode);
  if (value === '') return CHECK_CODE_KINDS.has(kind) ? [issue('checkCode', 'warning', 'checkCode.missing')] : [];
  if (NO_CHECK_CODE_KINDS.has(kind)) return [issue('checkCode', 'warning', 'checkCode.unexpected')];
  if (!/^\d{20}$/.test(value)) return [issue('checkCode', 'error', 'checkCode.format', { actual: value.length })];
  return [];
}
