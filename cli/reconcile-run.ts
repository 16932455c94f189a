/*
 * `npm run reconcile`: reads the platform list, the ledger and optionally a bank statement, reconciles them for
 * one period and direction (shared/reconcile/match), prints one JSON summary line and one JSON line per finding,
 * and optionally writes an .xlsx report. Exit 0 when it ran, 1 when an input cannot be used, 2 on bad usage.
 */
import { performance } from 'node:perf_hooks';
import type { RunSource } from '../shared/reconcile/entities';
import { ledgerInvoicesFromSheet, listPeriod, newSince, reconcile } from '../shared/reconcile/match';
import { readBankRows, readLedgerRows, readPlatformRows } from '../shared/reconcile/sheet';
import type { Finding, Period, PlatformRow, ReconcileSummary } from '../shared/reconcile/types';
import { parseReconcileArgs, RECONCILE_USAGE } from './reconcile-args';
import { loadInput, loadPreviousKeys, reportInputFailure, reportLeftOut, type ReconcileIo } from './reconcile-input';
import { bilingual } from './reconcile-messages';
import { cliReportBytes } from './reconcile-report';

export type { ReconcileIo } from './reconcile-input';

/** The company when --company is not given: the tax id found most often on the company's side of the list. */
export function likelyCompany(rows: readonly PlatformRow[], direction: 'in' | 'out'): string {
  const counts = new Map<string, number>();
  let best = '';
  let bestCount = 0;
  for (const r of rows) {
    const id = (direction === 'in' ? r.buyer : r.seller).taxId.trim().toUpperCase();
    if (id === '') continue;
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    // Ties go to the id seen first, so the choice never depends on Map order.
    if (n > bestCount) {
      best = id;
      bestCount = n;
    }
  }
  return best;
}

/** The summary line: the nine contract fields first, in order, then context. */
export function summaryLine(s: ReconcileSummary, extra: Readonly<Record<string, unknown>>): string {
  const { listRows, ledgerRows, missingInLedger, missingOnList, mismatched, voidedButActive, paymentsWithoutInvoice, invoicesWithoutPayment, sequenceGaps } = s;
  return JSON.stringify({ listRows, ledgerRows, missingInLedger, missingOnList, mismatched, voidedButActive, paymentsWithoutInvoice, invoicesWithoutPayment, sequenceGaps, ...extra });
}

/** One finding line: type, key, detail, then whether it is new (with --previous) and where it points. */
export function findingLine(f: Finding, isNew?: boolean): string {
  return JSON.stringify({
    type: f.type, key: f.key, detail: f.detail, ...(isNew === undefined ? {} : { new: isNew }),
    ...(f.invoiceIds ? { invoiceIds: f.invoiceIds } : {}), ...(f.listRow !== undefined ? { listRow: f.listRow } : {}),
    ...(f.bankRow !== undefined ? { bankRow: f.bankRow } : {}), ...(f.suggestions ? { suggestions: f.suggestions } : {}),
  });
}

/** Runs the command; returns the exit status. `env.timings` prints read, match and write times and peak RSS on stderr. */
export function runReconcile(argv: readonly string[], io: ReconcileIo, env: { readonly now: () => Date; readonly user: string; readonly timings: boolean }): number {
  const args = parseReconcileArgs(argv);
  if (args.kind === 'help') {
    io.out(RECONCILE_USAGE);
    return 0;
  }
  if (args.kind === 'usage') {
    io.err(`reconcile: ${args.message}`);
    io.err(RECONCILE_USAGE);
    return 2;
  }
  const t0 = performance.now();
  const list = loadInput(io, 'list', args.list, (wb) => readPlatformRows(wb));
  const ledgerSheet = list && loadInput(io, 'ledger', args.ledger, (wb) => readLedgerRows(wb));
  const bank = ledgerSheet && args.bank !== null ? loadInput(io, 'bank', args.bank, (wb) => readBankRows(wb)) : null;
  if (!list || !ledgerSheet || (args.bank !== null && !bank)) return 1;
  const previousKeys = args.previous === null ? null : loadPreviousKeys(io, args.previous);
  if (args.previous !== null && !previousKeys) return 1;
  const ledger = ledgerInvoicesFromSheet(ledgerSheet.read.rows);
  reportLeftOut(io, 'ledger', ledger.problems.map((p) => ({ row: p.row, text: bilingual('ledgerMoney', { row: p.row, value: p.value, field: p.field }) })));

  const listed = listPeriod(list.read.rows);
  const fallback = listed ?? { from: args.from ?? '', to: args.to ?? '' };
  const period: Period = { from: args.from ?? fallback.from, to: args.to ?? fallback.to };
  if (period.from === '' || period.to === '') {
    reportInputFailure(io, 'list', bilingual('noDates', { file: list.name }));
    return 1;
  }
  const company = args.company ?? likelyCompany(list.read.rows, args.direction);
  const t1 = performance.now();
  const { summary, findings } = reconcile({
    list: list.read.rows, ledger: ledger.invoices, ...(bank ? { bank: bank.read.rows } : {}), period, companyTaxId: company, direction: args.direction,
  });
  const t2 = performance.now();
  const fresh = previousKeys ? newSince(previousKeys, findings) : null;

  io.out(summaryLine(summary, {
    riskFlagged: findings.filter((f) => f.type === 'riskFlagged').length, from: period.from, to: period.to, direction: args.direction, company,
    rowsLeftOut: { list: list.read.rowProblems.length, ledger: ledgerSheet.read.rowProblems.length + ledger.problems.length, bank: bank?.read.rowProblems.length ?? 0 },
    ...(fresh ? { newSincePrevious: fresh.size } : {}),
  }));
  for (const f of findings) io.out(findingLine(f, fresh ? fresh.has(f.key) : undefined));

  if (args.out !== null) {
    const sources: RunSource[] = [
      { kind: 'platform', name: list.name, sha256: list.sha256, rows: summary.listRows },
      { kind: 'ledger', name: ledgerSheet.name, sha256: ledgerSheet.sha256, rows: summary.ledgerRows },
      ...(bank ? [{ kind: 'bank' as const, name: bank.name, sha256: bank.sha256, rows: bank.read.rows.length }] : []),
    ];
    try {
      io.writeFile(args.out, cliReportBytes({ period, direction: args.direction, sources, summary, findings, newKeys: fresh ?? new Set(), ranAt: env.now().toISOString(), ranBy: env.user }));
    } catch (e) {
      const [zh, en] = bilingual('outFailed', { file: args.out, reason: e instanceof Error ? e.message : String(e) });
      io.err(`reconcile: ${zh}`);
      io.err(`reconcile: ${en}`);
      return 1;
    }
  }
  if (env.timings) {
    const timings = { readMs: Math.round(t1 - t0), matchMs: Math.round(t2 - t1), writeMs: Math.round(performance.now() - t2), maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) };
    io.err(JSON.stringify({ timings }));
  }
  return 0;
}
