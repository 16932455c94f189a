// Formula payloads in every spreadsheet the app writes (issue #13): the ledger export, the reconciliation report,
// the case list (and the audit trail export, in shared/audit). Each is written with writeWorkbook and read back
// raw with SheetJS: no cell is a formula, no text cell starts with a character that begins one, and each payload
// is there behind its apostrophe.
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { FORMULA_PAYLOADS } from '../audit/test-chain';
import type { InvoiceCase } from '../cases/types';
import type { Invoice, InvoiceContent, InvoiceId } from '../domain/invoice';
import { fen } from '../domain/money';
import { reconcile } from './match';
import { bankRow, COMPANY, platformRow, SUPPLIER } from './match/test-builders';
import { caseListSheet, reportSheets, type ReportForExport } from './report-sheets';
import { ledgerExportSheet, writeWorkbook, type SheetOut } from './sheet';

const TRIGGER = /^[=+\-@\t\r＝＋－＠]/;

/** Writes the sheets and checks the file cell by cell; returns its text cells. */
function writtenSafely(sheets: readonly SheetOut[]): string[] {
  const wb = XLSX.read(writeWorkbook(sheets), { type: 'array', cellFormula: true });
  const texts: string[] = [];
  for (const name of wb.SheetNames) {
    for (const [ref, value] of Object.entries(wb.Sheets[name] ?? {})) {
      if (ref.startsWith('!')) continue;
      const cell = value as XLSX.CellObject;
      expect(cell.f, `${name}!${ref} is a formula`).toBeUndefined();
      if (cell.t !== 's') continue;
      const text = String(cell.v);
      expect(TRIGGER.test(text), `${name}!${ref} starts with a formula character: ${text}`).toBe(false);
      texts.push(text);
    }
  }
  return texts;
}

/** True when a text cell holds the payload behind the guard, alone or at the start of longer text. */
const holds = (texts: readonly string[], payload: string) => texts.some((t) => t.startsWith(`'${payload}`));

const party = (p: string) => ({ name: p, taxId: SUPPLIER.taxId });

describe('formula payloads in exports', () => {
  it('the ledger export: names, remarks, identifiers and line items', () => {
    const invoices = FORMULA_PAYLOADS.map((p, i): Invoice => {
      const content: InvoiceContent = {
        kind: 'digital_normal', code: p, number: `2411200000004854216${i}`, issueDate: '2024-05-28', checkCode: p,
        seller: party(p), buyer: { name: p, taxId: COMPANY.taxId }, amount: fen(100), tax: fen(6), total: fen(106), taxRate: '0.06', remarks: p, isRed: false,
        lines: [{ name: p, spec: p, unit: p, qty: '1', unitPrice: '1', amount: fen(100), taxRate: '0.06', tax: fen(6) }],
      };
      return {
        ...content, id: `inv-${i}` as InvoiceId, status: 'entered', statusHistory: [], tags: [], attachments: [], source: 'manual', fieldSources: {}, warnings: [],
        createdBy: p, createdAt: '2024-06-01T00:00:00.000Z', updatedBy: p, updatedAt: '2024-06-01T00:00:00.000Z', version: 0, deleted: false, deletedAt: null,
      };
    });
    const texts = writtenSafely([ledgerExportSheet(invoices)]);
    for (const p of FORMULA_PAYLOADS) expect(holds(texts, p), p).toBe(true);
  });

  it('the reconciliation report: party names, notes, source file names, who ran it', () => {
    const out = reconcile({
      list: FORMULA_PAYLOADS.map((p, i) => platformRow(`2431200000000000000${i}`, { row: i + 3, seller: party(p), remarks: p })),
      ledger: [],
      bank: FORMULA_PAYLOADS.map((p, i) => bankRow({ row: i + 2, amount: fen(99_900 + i), counterparty: p, summary: p, date: '2024-05-20' })),
      period: { from: '2024-05-01', to: '2024-05-31' }, companyTaxId: COMPANY.taxId, direction: 'in',
    });
    const report: ReportForExport = {
      period: { from: '2024-05-01', to: '2024-05-31' }, direction: 'in', summary: out.summary, findings: out.findings,
      sources: FORMULA_PAYLOADS.map((p) => ({ kind: 'platform' as const, name: p, sha256: 'ab'.repeat(32), rows: 1 })),
      newKeys: new Set(), notes: new Map(out.findings.map((f, i) => [f.key, { handled: false, note: FORMULA_PAYLOADS[i % FORMULA_PAYLOADS.length] ?? '', caseId: null }])),
      ranAt: '2024-06-02 09:30', ranBy: '=cmd|\' /C calc\'!A0',
    };
    expect(out.findings.length).toBeGreaterThanOrEqual(FORMULA_PAYLOADS.length * 2);
    for (const locale of ['zh-CN', 'en'] as const) {
      const texts = writtenSafely(reportSheets(report, locale));
      for (const p of FORMULA_PAYLOADS) expect(holds(texts, p), p).toBe(true);
    }
  });

  it('the case list: titles, sellers, notes, close reasons, who created them', () => {
    const cases = FORMULA_PAYLOADS.map((p, i): InvoiceCase => ({
      id: `c${i}`, title: p, state: 'contacted', stateHistory: [], origin: 'report',
      ref: { kind: 'digital_special', code: p, number: p, issueDate: '2024-05-10', seller: party(p), total: fen(11_300) },
      invoiceId: null, replacementId: null, findingKey: 'k', checklist: {}, attachments: [],
      closeReason: p, notes: p, createdBy: p, createdAt: '2024-06-02T01:00:00Z', updatedBy: p, updatedAt: '2024-06-02T01:00:00Z', version: 0, deleted: false,
    }));
    const texts = writtenSafely([caseListSheet(cases, 'zh-CN')]);
    for (const p of FORMULA_PAYLOADS) expect(holds(texts, p), p).toBe(true);
  });

  it('sheet names and headers too', () => {
    const texts = writtenSafely([{ name: '=sheet', header: ['=SUM(A1)', '@x'], rows: [['-1+1', 5, -5, null]] }]);
    expect(texts).toEqual(["'=SUM(A1)", "'@x", "'-1+1"]);
  });
});
