import { describe, expect, it } from 'vitest';
import type { InvoiceDraft } from '../domain/invoice';
import { emptyDraft } from '../domain/draft';
import { hardKey, softKey } from '../domain/duplicates';
import { validateDraft } from '../domain/validate';
import { issueMessage } from '../i18n/domain-messages';
import { outcomeMessages, previewLedgerImport, type ExistingKeys } from './ledger-import';
import type { LedgerSheetRow } from './sheet';

const CTX = { today: '2025-10-01' };
const NONE: ExistingKeys = { hard: new Map(), soft: new Map() };

/** A valid 数电普票 (no lines) whose number ends in `n`; `over` changes fields. */
function draft(n: number, over: Partial<InvoiceDraft> = {}): InvoiceDraft {
  return {
    ...emptyDraft('digital_normal'),
    number: `2411200000004854${String(n).padStart(4, '0')}`, issueDate: '2024-05-28',
    sellerName: '北京某某科技有限公司', sellerTaxId: '91110108690017781B',
    buyerName: '北京某某咨询有限公司', buyerTaxId: '91110108339805094M',
    amount: '100.00', tax: '6.00', total: '106.00', taxRate: '6%',
    ...over,
  };
}
const row = (r: number, d: InvoiceDraft): LedgerSheetRow => ({ row: r, draft: d, status: null });
const inFile = { sameNumber: (first: number) => `same as row ${String(first)}`, sameSoftKey: (first: number) => `like row ${String(first)}` };

describe('previewLedgerImport', () => {
  it('imports valid new rows and keeps their warnings', () => {
    const p = previewLedgerImport([row(2, draft(1)), row(3, draft(2, { tax: '9.00', total: '109.00' }))], NONE, CTX);
    expect(p.counts).toMatchObject({ rows: 2, new: 2, errors: 0, withWarnings: 1, duplicateInLedger: 0, duplicateInFile: 0 });
    expect(p.items.map((i) => i.row)).toEqual([2, 3]);
    expect(p.items[1]?.warnings.map((w) => w.code)).toEqual(['tax.rateMismatch']);
    expect(p.items[0]?.content.total).toBe(10600);
  });

  it('refuses a row the entry form refuses, with the form’s own message and the row number', () => {
    const bad = draft(3, { total: '107.00' });
    const p = previewLedgerImport([row(2, draft(1)), row(7, bad)], NONE, CTX);
    expect(p.counts).toMatchObject({ new: 1, errors: 1 });
    expect(p.items.map((i) => i.row)).toEqual([2]);
    const error = p.outcomes.find((o) => o.kind === 'error');
    expect(error?.row).toBe(7);
    const formMessages = validateDraft(bad, CTX).issues.filter((i) => i.severity === 'error').map((i) => issueMessage(i, 'zh-CN'));
    expect(formMessages.length).toBeGreaterThan(0);
    expect(outcomeMessages(error ?? p.outcomes[0]!, 'zh-CN', inFile).slice(0, formMessages.length)).toEqual(formMessages);
  });

  it('lists errors before warnings on a refused row', () => {
    const p = previewLedgerImport([row(4, draft(1, { tax: '9.00', total: '100.00' }))], NONE, CTX);
    const o = p.outcomes[0];
    expect(o?.kind).toBe('error');
    if (o?.kind !== 'error') return;
    expect(o.issues.map((i) => i.severity)).toEqual(['error', 'warning']);
  });

  it('links a row the ledger already holds to that invoice and does not import it', () => {
    const content = validateDraft(draft(1), CTX).content;
    if (!content) throw new Error('fixture');
    const existing: ExistingKeys = { hard: new Map([[hardKey(content), 'inv-1']]), soft: new Map() };
    const p = previewLedgerImport([row(2, draft(1)), row(3, draft(2))], existing, CTX);
    expect(p.outcomes[0]).toMatchObject({ kind: 'duplicateInLedger', row: 2, existingId: 'inv-1' });
    expect(p.counts).toMatchObject({ new: 1, duplicateInLedger: 1 });
    expect(outcomeMessages(p.outcomes[0]!, 'en', inFile)).toEqual([issueMessage({ field: 'number', severity: 'error', code: 'duplicate.hard' }, 'en')]);
  });

  it('names the earlier row of a number repeated in the file and imports only the first', () => {
    const p = previewLedgerImport([row(2, draft(1)), row(3, draft(2)), row(9, draft(1, { remarks: 'again' }))], NONE, CTX);
    expect(p.outcomes[2]).toMatchObject({ kind: 'duplicateInFile', row: 9, firstRow: 2 });
    expect(p.items.map((i) => i.row)).toEqual([2, 3]);
    expect(outcomeMessages(p.outcomes[2]!, 'en', inFile)).toEqual(['same as row 2']);
  });

  it('lets a later valid row in when the first row with that number was refused', () => {
    const p = previewLedgerImport([row(2, draft(1, { total: '1.00' })), row(3, draft(1))], NONE, CTX);
    expect(p.outcomes.map((o) => o.kind)).toEqual(['error', 'new']);
  });

  it('warns of a possible duplicate (same seller, date and total) in the ledger or the file, and still imports it', () => {
    const content = validateDraft(draft(5), CTX).content;
    if (!content) throw new Error('fixture');
    const existing: ExistingKeys = { hard: new Map(), soft: new Map([[softKey(content), 'inv-5']]) };
    const p = previewLedgerImport([row(2, draft(1)), row(3, draft(2, { total: '200.00', amount: '188.68', tax: '11.32' })), row(4, draft(3, { total: '200.00', amount: '188.68', tax: '11.32' }))], existing, CTX);
    expect(p.outcomes.map((o) => (o.kind === 'new' ? o.softDuplicateOf : o.kind))).toEqual([{ invoiceId: 'inv-5' }, null, { row: 3 }]);
    expect(p.counts).toMatchObject({ new: 3, softDuplicates: 2, withWarnings: 2 });
    // The record keeps the same warning the entry form keeps on a record saved despite a possible duplicate.
    expect(p.items[0]?.warnings).toContainEqual({ field: 'number', severity: 'warning', code: 'duplicate.soft' });
    expect(outcomeMessages(p.outcomes[0]!, 'zh-CN', inFile)).toEqual([issueMessage({ field: 'number', severity: 'warning', code: 'duplicate.soft' }, 'zh-CN')]);
    expect(outcomeMessages(p.outcomes[2]!, 'zh-CN', inFile)).toEqual(['like row 3']);
  });

  it('refuses rows the reader could not read, in row order among the others', () => {
    const problem = { row: 3, field: 'issueDate', code: 'badDate', params: { header: '开票日期', value: '五月' } };
    const p = previewLedgerImport([row(2, draft(1)), row(4, draft(2))], NONE, CTX, [problem]);
    expect(p.outcomes.map((o) => `${String(o.row)}:${o.kind}`)).toEqual(['2:new', '3:unreadable', '4:new']);
    expect(p.counts).toMatchObject({ rows: 3, new: 2, errors: 1 });
    expect(p.items.map((i) => i.row)).toEqual([2, 4]);
  });

  it('keeps the status a row carries', () => {
    const p = previewLedgerImport([{ row: 2, draft: draft(1), status: 'booked' }], NONE, CTX);
    expect(p.items[0]?.status).toBe('booked');
  });

  it('counts nothing for an empty file', () => {
    expect(previewLedgerImport([], NONE, CTX)).toEqual({
      outcomes: [], items: [],
      counts: { rows: 0, new: 0, duplicateInLedger: 0, duplicateInFile: 0, withWarnings: 0, softDuplicates: 0, errors: 0 },
    });
  });
});
