/*
 * One reconciliation as the clerk runs it: the picked files and the ledger for the period go to the worker, the
 * run is saved (period, sources with SHA-256, counts, finding keys), and the report opens with what is new since
 * the previous run of the same period and direction. Report rows act through the data layer: notes, cases, and
 * bank matches the clerk decides (never made automatically).
 */
import { fen } from '../../../shared/domain/money';
import { caseNotesForLines } from '../../../shared/reconcile/case-notes';
import type { BankMatch, ReconcileRun, RunSource } from '../../../shared/reconcile/entities';
import { invoiceKey, newSince, paymentKeys } from '../../../shared/reconcile/match';
import type { Finding, MatchSuggestion, PlatformRow } from '../../../shared/reconcile/types';
import { useLocaleStore, useT } from '../../app/i18n';
import { navigate } from '../../app/router';
import { cases, reconcileStore } from '../../db';
import { sheetJob } from '../../workers/sheet-client';
import { chosenPeriod, ledgerWindow, useReconcileUi, type PaymentRef, type Report } from './reconcile-store';

const str = (v: unknown) => (typeof v === 'string' ? v : '');

/** Run and report actions, bound to the page's store. */
export function useReconcileRun() {
  const t = useT();
  const ui = useReconcileUi.getState;
  return {
    /** Reconciles the ready files against the ledger and opens the report; `runs` finds the previous run. */
    async run(runs: readonly ReconcileRun[], decided: readonly BankMatch[]) {
      const s = ui();
      const period = chosenPeriod(s);
      if (!period) { s.set({ error: t('reconcile.badPeriod') }); return; }
      if (!s.files.some((f) => f.role === 'platform')) { s.set({ error: t('reconcile.needList') }); return; }
      if (s.files.some((f) => f.state !== 'ready')) { s.set({ error: t('reconcile.waitFiles') }); return; }
      s.set({ running: true, error: null });
      const platform = new Map<string, { file: string; row: PlatformRow }>();
      const list: PlatformRow[] = [];
      const bankRefs: PaymentRef[] = [];
      for (const f of s.files) {
        if (f.read?.kind === 'platform') for (const row of f.read.read.rows) { list.push(row); if (!platform.has(invoiceKey(row))) platform.set(invoiceKey(row), { file: f.name, row }); }
        if (f.read?.kind === 'bank') for (const row of f.read.read.rows) bankRefs.push({ file: f.name, row });
      }
      const bank = bankRefs.map((b) => b.row);
      const keys = paymentKeys(bank);
      const payments = new Map<string, PaymentRef>();
      bankRefs.forEach((ref, i) => { const k = keys[i]; if (k !== undefined) payments.set(k, ref); });
      const span = ledgerWindow(period);
      const ledger = await reconcileStore.ledgerFor(span);
      const reply = await sheetJob({
        type: 'reconcile',
        input: { list, ledger, period, companyTaxId: s.companyTaxId, direction: s.direction, decided, ...(bank.length > 0 ? { bank } : {}) },
      });
      if (!reply.result.ok) { ui().set({ running: false, error: t('reconcile.failed', { detail: reply.result.error.params.detail }) }); return; }
      const output = reply.result.value;
      const previous = runs.find((r) => !r.deleted && r.direction === s.direction && r.period.from === period.from && r.period.to === period.to);
      const sources: RunSource[] = s.files.flatMap((f) => (f.read && f.facts ? [{ kind: f.read.sheetKind, name: f.name, sha256: f.facts.sha256, rows: f.read.read.rows.length }] : []));
      const saved = await reconcileStore.saveRun({ period, direction: s.direction, sources, summary: output.summary, findingKeys: output.findings.map((f) => f.key) });
      const report: Report = {
        runId: saved.id, period, ledgerWindow: span, direction: s.direction, sources, output, newKeys: previous ? newSince(previous.findingKeys, output.findings) : new Set(),
        firstRun: !previous, ranAt: saved.createdAt, ranBy: saved.createdBy, ledgerById: new Map(ledger.map((l) => [l.id, l])), payments, platform,
      };
      ui().set({ running: false, report, filter: { type: '', onlyNew: false, handled: 'all' } });
    },

    /** Marks a finding handled (or not) and keeps the clerk's note; keys are stable, so it stays so next run. */
    async setNote(f: Finding, patch: { handled?: boolean; note?: string }) {
      await reconcileStore.setFindingNote(f.key, f.type, patch);
    },

    /** Opens a case for a missing invoice from its report row (its notes list the items on the list), then shows the case. */
    async openCase(f: Finding) {
      const d = f.detail;
      const listed = ui().report?.platform.get(invoiceKey({ code: str(d.code), number: str(d.number) }))?.row;
      const seller = { name: str(d.sellerName), taxId: str(d.sellerTaxId) };
      const opened = await cases.open({
        title: t('reconcile.row.caseTitle', { number: str(d.number), seller: seller.name }),
        origin: 'report',
        ref: { kind: listed?.kind ?? null, code: str(d.code), number: str(d.number), issueDate: str(d.issueDate), seller, total: typeof d.total === 'number' ? fen(d.total) : null },
        invoiceId: f.invoiceIds?.[0] ?? null,
        findingKey: f.key,
      });
      // What the platform says was bought, so the clerk can name the invoice to the supplier.
      const notes = caseNotesForLines(listed?.lines, useLocaleStore.getState().locale);
      if (notes !== '') await cases.update(opened.id, { notes });
      await reconcileStore.setFindingNote(f.key, f.type, { caseId: opened.id });
      navigate({ name: 'case', id: opened.id });
    },

    /** Records the clerk's decision on a suggested bank match. */
    async decide(f: Finding, s: MatchSuggestion, decision: 'confirmed' | 'rejected') {
      const key = s.paymentKey ?? f.key;
      const payment = ui().report?.payments.get(key)?.row;
      await reconcileStore.decideMatch({
        paymentKey: key, invoiceIds: s.invoiceIds, decision, score: s.score,
        date: payment?.date ?? str(f.detail.date), amount: payment?.amount ?? 0, counterparty: payment?.counterparty ?? str(f.detail.counterparty),
      });
    },
  };
}

/** The actions' type, for components that receive them. */
export type ReconcileRunFlows = ReturnType<typeof useReconcileRun>;
