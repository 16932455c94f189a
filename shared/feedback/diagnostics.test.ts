import { describe, expect, it } from 'vitest';
import { buildDiagnostics, scrubMessage, type DiagnosticsInput } from './diagnostics';

const invoice = { code: '044031900111', number: '12345678', seller: { name: '深圳某某科技有限公司', taxId: '91440300MA5F00000X' }, total: 10600 };
const base: DiagnosticsInput = {
  includeDiagnostics: true,
  includeInvoiceContent: false,
  appVersion: '1.4.0',
  locale: 'zh-CN',
  screen: 'invoice',
  errors: [{ at: '2026-03-01T08:00:00.000Z', message: 'TypeError: x is undefined\n    at save (app.js:1:2)' }],
  sync: { pending: 3, rejected: 1, conflicts: 0, lastSuccess: '2026-03-01T07:00:00.000Z', lastErrorKind: 'offline' },
  backup: { lastBackup: '2026-02-28T18:00:00.000Z', lastVerified: '' },
  invoice,
};

describe('buildDiagnostics', () => {
  it('holds version, locale, screen, errors, sync and backup state, and no invoice field unless the second box is ticked', () => {
    const d = buildDiagnostics(base);
    expect(d).toMatchObject({ appVersion: '1.4.0', locale: 'zh-CN', screen: 'invoice', sync: { pending: 3, lastErrorKind: 'offline' }, backup: { lastBackup: '2026-02-28T18:00:00.000Z' } });
    const text = JSON.stringify(d);
    expect(d).not.toHaveProperty('invoice');
    for (const v of ['044031900111', '12345678', '深圳某某科技有限公司', '91440300MA5F00000X']) expect(text).not.toContain(v);
  });

  it('is null when neither box is ticked, even on an invoice screen', () => {
    expect(buildDiagnostics({ ...base, includeDiagnostics: false })).toBeNull();
  });

  it('adds the invoice on screen only when 附带当前发票内容 is ticked', () => {
    expect(buildDiagnostics({ ...base, includeInvoiceContent: true })?.invoice).toEqual(invoice);
    expect(buildDiagnostics({ ...base, includeDiagnostics: false, includeInvoiceContent: true })).toEqual({ invoice });
    expect(buildDiagnostics({ ...base, includeInvoiceContent: true, invoice: undefined })).not.toHaveProperty('invoice');
  });

  it('keeps only the first line of error messages (no stack) and masks numbers that may be invoice data', () => {
    const d = buildDiagnostics({ ...base, errors: [{ at: 't', message: 'duplicate 12345678 from 91440300MA5F00000X' }] });
    expect(d?.errors).toEqual([{ at: 't', message: 'duplicate … from …' }]);
    expect(buildDiagnostics(base)?.errors?.[0]?.message).toBe('TypeError: x is undefined');
    expect(scrubMessage('x'.repeat(500))).toHaveLength(300);
  });

  it('keeps the last 20 errors', () => {
    const errors = Array.from({ length: 25 }, (_, i) => ({ at: String(i), message: 'e' }));
    expect(buildDiagnostics({ ...base, errors })?.errors?.map((e) => e.at)).toEqual(errors.slice(5).map((e) => e.at));
  });
});
