import { describe, expect, it } from 'vitest';
import { INVOICE_KINDS, INVOICE_STATUSES, type FieldName } from '../domain/invoice';
import { ISSUE_CODES } from '../domain/issue-codes';
import { DOMAIN_MESSAGES, fieldLabel, issueMessage, kindLabel, statusErrorMessage, statusLabel } from './domain-messages';
import { LOCALES } from './translate';

const HEADER_FIELDS: readonly FieldName[] = [
  'kind', 'code', 'number', 'issueDate', 'buyerName', 'buyerTaxId', 'sellerName', 'sellerTaxId',
  'amount', 'tax', 'total', 'taxRate', 'checkCode', 'remarks', 'isRed',
];
const LINE_KEYS = ['name', 'spec', 'unit', 'qty', 'unitPrice', 'amount', 'taxRate', 'tax'] as const;
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('DOMAIN_MESSAGES', () => {
  it.each(ISSUE_CODES)('has issue.%s in both languages with the same placeholders', (code) => {
    const entry = DOMAIN_MESSAGES[`issue.${code}`];
    expect(entry, code).toBeDefined();
    for (const locale of LOCALES) expect(entry?.[locale].trim(), `${code} ${locale}`).not.toBe('');
    expect(placeholders(entry?.en ?? ''), code).toEqual(placeholders(entry?.['zh-CN'] ?? ''));
  });

  it('has no issue message without a code (stale keys)', () => {
    const known = new Set(ISSUE_CODES.map((c) => `issue.${c}`));
    expect(Object.keys(DOMAIN_MESSAGES).filter((k) => k.startsWith('issue.') && !known.has(k))).toEqual([]);
  });

  it('labels every field, kind and status in both languages', () => {
    const keys = [
      ...HEADER_FIELDS.map((f) => `field.${f}`), ...LINE_KEYS.map((k) => `field.line.${k}`),
      ...INVOICE_KINDS.map((k) => `kind.${k}`), ...INVOICE_STATUSES.map((s) => `status.${s}`),
    ];
    for (const key of keys) {
      for (const locale of LOCALES) expect(DOMAIN_MESSAGES[key]?.[locale], `${key} ${locale}`).toBeTruthy();
    }
  });

  it('uses the standard Chinese names', () => {
    expect(fieldLabel('sellerTaxId', 'zh-CN')).toBe('销售方纳税人识别号');
    expect(fieldLabel('total', 'zh-CN')).toBe('价税合计');
    expect(kindLabel('digital_special', 'zh-CN')).toBe('数电票（增值税专用发票）');
    expect(statusLabel('replacing', 'zh-CN')).toBe('补办中');
  });
});

describe('message helpers', () => {
  it('fills the field label and params into an issue message', () => {
    const issue = { field: 'sellerTaxId', severity: 'error', code: 'taxId.checkChar', params: { expected: '6' } } as const;
    expect(issueMessage(issue, 'zh-CN')).toBe('销售方纳税人识别号校验位不符，应为 6，请逐位核对');
    expect(issueMessage(issue, 'en')).toBe('Seller tax ID check character is wrong (expected 6); check each character');
  });

  it('labels line fields with their row number counted from 1', () => {
    expect(fieldLabel('lines.1.tax', 'zh-CN')).toBe('第2行税额');
    expect(fieldLabel('lines.0.unitPrice', 'en')).toBe('Line 1 unit price');
    expect(issueMessage({ field: 'lines.0.name', severity: 'warning', code: 'line.nameMissing' }, 'zh-CN')).toBe('第1行项目名称为空，请填写');
  });

  it('names both statuses in a refused status change', () => {
    const error = { code: 'status.illegal', params: { from: 'voided', to: 'entered' } } as const;
    expect(statusErrorMessage(error, 'zh-CN')).toBe('不能从“已作废”改为“已录入”');
    expect(statusErrorMessage({ code: 'status.reasonRequired', params: { from: 'booked', to: 'reversed' } }, 'en'))
      .toBe('Changing the status to “Reversed (red invoice issued)” needs a reason');
  });
});
