// The CLI's .xlsx report with formula payloads in the inputs (issue #13: every export neutralises them).
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import { FORMULA_PAYLOADS } from '../shared/audit/test-chain';
import { fen } from '../shared/domain/money';
import { reconcile } from '../shared/reconcile/match';
import { bankRow, COMPANY, platformRow, SUPPLIER } from '../shared/reconcile/match/test-builders';
import { cliReportBytes } from './reconcile-report';

describe('cliReportBytes', () => {
  it('writes no formula and no text that starts like one', () => {
    const period = { from: '2024-05-01', to: '2024-05-31' };
    const out = reconcile({
      list: FORMULA_PAYLOADS.map((p, i) => platformRow(`2431200000000000000${i}`, { row: i + 3, seller: { name: p, taxId: SUPPLIER.taxId }, remarks: p })),
      ledger: [],
      bank: FORMULA_PAYLOADS.map((p, i) => bankRow({ row: i + 2, amount: fen(99_900 + i), counterparty: p, summary: p })),
      period, companyTaxId: COMPANY.taxId, direction: 'in',
    });
    const bytes = cliReportBytes({
      period, direction: 'in', summary: out.summary, findings: out.findings, newKeys: new Set(),
      sources: [{ kind: 'platform', name: '+SUM(1).xlsx', sha256: 'ab'.repeat(32), rows: FORMULA_PAYLOADS.length }], ranAt: '2024-06-02 09:30', ranBy: '@x',
    });
    const wb = XLSX.read(bytes, { type: 'array', cellFormula: true });
    const texts: string[] = [];
    for (const name of wb.SheetNames) {
      for (const [ref, value] of Object.entries(wb.Sheets[name] ?? {})) {
        if (ref.startsWith('!')) continue;
        const cell = value as XLSX.CellObject;
        expect(cell.f, `${name}!${ref}`).toBeUndefined();
        if (cell.t === 's') texts.push(String(cell.v));
      }
    }
    expect(texts.filter((t) => /^[=+\-@\t\r＝＋－＠]/.test(t))).toEqual([]);
    expect(texts).toContain("'@x");
    expect(texts.some((t) => t.startsWith("'+SUM(1).xlsx"))).toBe(true);
    for (const p of FORMULA_PAYLOADS) expect(texts.some((t) => t.includes(p)), p).toBe(true);
  });
});
