// 纳税人识别号 checks (docs/invoice-rules.md#tax-ids). The USCC check character (GB 32100-2015) is certain, so a wrong one
// blocks saving; everything else about older or personal IDs is a guess, so it only warns.
import type { FieldName, InvoiceKind, Issue } from './invoice';
import { issue } from './issue-codes';
import { normalizeDigits } from './normalize';

/** The 31 symbols of GB 32100-2015 (no I, O, Z, S, V), in value order. */
export const USCC_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const USCC_PATTERN = /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CARD_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const ID_CARD_CHECKS = '10X98765432';

/** Kinds that require the buyer's tax ID (专票). */
const SPECIAL_KINDS: ReadonlySet<InvoiceKind> = new Set(['vat_special', 'e_special', 'digital_special']);

/** GB 32100-2015 check character for the first 17 characters, or null if a character is outside the charset. */
export function usccCheckChar(id: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const value = USCC_CHARSET.indexOf(id.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_CHARSET.charAt((31 - (sum % 31)) % 31);
}

/** GB 11714 organisation-code check character for its first 8 characters, or null if one is not alphanumeric. */
export function orgCodeCheckChar(code: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i += 1) {
    const value = Number.parseInt(code.charAt(i), 36);
    if (Number.isNaN(value)) return null;
    sum += value * (ORG_CODE_WEIGHTS[i] ?? 0);
  }
  const c = (11 - (sum % 11)) % 11;
  return c === 10 ? 'X' : String(c);
}

/** GB 11643 (居民身份证) MOD 11-2 check character for the first 17 digits, or null if they are not digits. */
export function idCardCheckChar(id: string): string | null {
  if (!/^\d{17}/.test(id)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(id.charAt(i)) * (ID_CARD_WEIGHTS[i] ?? 0);
  return ID_CARD_CHECKS.charAt(sum % 11);
}

/** True when characters 7-14 read as a real birth date from 1900 on, i.e. the ID is shaped like a 身份证号. */
function hasBirthDate(id: string): boolean {
  const m = /^\d{6}(19|20)(\d{2})(\d{2})(\d{2})/.exec(id);
  if (!m) return false;
  const year = Number(`${m[1] ?? ''}${m[2] ?? ''}`);
  const month = Number(m[3]);
  const day = Number(m[4]);
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Checks an 18-character ID, which is either a USCC or (for individuals) a 身份证号. */
function validate18(id: string, field: FieldName): Issue[] {
  const forbidden = [...new Set(id.replace(/[^IOZSV]/g, ''))];
  if (forbidden.length > 0) return [issue(field, 'error', 'taxId.badChars', { chars: forbidden.join(', ') })];
  const usccExpected = usccCheckChar(id);
  const looksLikeIdCard = /^\d{17}[\dX]$/.test(id) && hasBirthDate(id);
  const idCardExpected = looksLikeIdCard ? idCardCheckChar(id) : null;
  if (usccExpected === id.charAt(17)) {
    const inner = orgCodeCheckChar(id.slice(8, 16));
    const isFine = inner === id.charAt(16) || idCardExpected === id.charAt(17);
    return isFine ? [] : [issue(field, 'warning', 'taxId.orgCheck')];
  }
  if (idCardExpected !== null) {
    return idCardExpected === id.charAt(17)
      ? []
      : [issue(field, 'warning', 'taxId.idCardCheck', { expected: idCardExpected })];
  }
  if (USCC_PATTERN.test(id) && usccExpected !== null) {
    return [issue(field, 'error', 'taxId.checkChar', { expected: usccExpected })];
  }
  return [issue(field, 'warning', 'taxId.format')];
}

/** What validateTaxId needs to know about the invoice. */
export interface TaxIdContext {
  readonly kind: InvoiceKind;
}

/** Validates a buyer or seller 纳税人识别号 (USCC check character, allowed lengths, 专票 buyer rule). */
export function validateTaxId(id: string, role: 'buyer' | 'seller', ctx: TaxIdContext): Issue[] {
  const field: FieldName = role === 'buyer' ? 'buyerTaxId' : 'sellerTaxId';
  const value = normalizeDigits(id);
  if (value === '') {
    if (role === 'seller') return [issue(field, 'error', 'required')];
    // Individuals (个人) on 普票 have no tax ID; a 专票 must name the buyer's.
    return SPECIAL_KINDS.has(ctx.kind) ? [issue(field, 'warning', 'taxId.buyerMissingSpecial')] : [];
  }
  const nonAlphanumeric = [...new Set(value.replace(/[0-9A-Z]/g, ''))];
  if (nonAlphanumeric.length > 0) {
    return [issue(field, 'error', 'taxId.badChars', { chars: nonAlphanumeric.join(', ') })];
  }
  if (value.length === 18) return validate18(value, field);
  // 15 (region + org code, incl. 代开 "DK"), 17 and 20 (身份证号 + sequence) are only checked for format.
  if (value.length === 15 || value.length === 17 || value.length === 20) return [];
  return [issue(field, 'warning', 'taxId.length', { actual: value.length })];
}
