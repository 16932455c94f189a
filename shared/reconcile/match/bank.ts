/*
 * Bank vs ledger. Incoming invoices are paid with money out (借方), outgoing ones with money in (贷方); the other
 * direction is ignored. Nothing is matched automatically: every payment in the period is a paymentWithoutInvoice
 * and every open invoice in scope an invoiceWithoutPayment until the clerk confirms a match (a confirmed BankMatch
 * takes its payment and its invoices out of both lists; a rejected one only takes that suggestion away). Each
 * finding carries the suggestions of suggest.ts, so the clerk sees the likely pairing next to it.
 * Candidates come from the whole statement and the whole ledger, not only the period, so an invoice from last
 * month paid this month is still suggested.
 */
import type { BankMatch } from '../entities';
import type { BankRow, Finding, LedgerInvoice, MatchSuggestion, Period } from '../types';
import { invoiceKey, paymentKeys } from './keys';
import { nameQuery } from './name-index';
import { nameCore } from './names';
import { dayNumber, inPeriod, type Direction } from './scope';
import { bySuggestionRank, makePool, similarCores, suggestFor, type OpenInvoice, type OpenPayment } from './suggest';

/** What the bank rules need from a run. */
export interface BankInput {
  readonly bank: readonly BankRow[];
  readonly ledger: readonly LedgerInvoice[];
  readonly period: Period;
  readonly direction: Direction;
  readonly belongs: (inv: LedgerInvoice) => boolean;
  readonly decided: readonly BankMatch[];
}

const MAX_INVOICE_SUGGESTIONS = 5;

const pairId = (paymentKey: string, invoiceIds: readonly string[]) => `${paymentKey}|${[...invoiceIds].sort().join(',')}`;

function openInvoices(input: BankInput, paidInvoices: ReadonlySet<string>): { pool: OpenInvoice[]; byId: Map<string, LedgerInvoice> } {
  const pool: OpenInvoice[] = [];
  const byId = new Map<string, LedgerInvoice>();
  // A ledger names a few thousand parties on a few hundred days: each is worked out once.
  const cores = new Map<string, string>();
  const days = new Map<string, number>();
  for (const inv of input.ledger) {
    if (inv.deleted || inv.status === 'voided' || inv.status === 'reversed' || inv.total <= 0) continue;
    if (!input.belongs(inv) || paidInvoices.has(inv.id)) continue;
    let day = days.get(inv.issueDate);
    if (day === undefined) {
      day = dayNumber(inv.issueDate);
      days.set(inv.issueDate, day);
    }
    if (Number.isNaN(day)) continue;
    const party = input.direction === 'in' ? inv.seller : inv.buyer;
    let core = cores.get(party.name);
    if (core === undefined) {
      core = nameCore(party.name);
      cores.set(party.name, core);
    }
    byId.set(inv.id, inv);
    pool.push({ id: inv.id, total: inv.total, day, issueDate: inv.issueDate, core, partyTaxId: party.taxId });
  }
  return { pool, byId };
}

/** The bank findings (see the header): payments in the period first, then invoices in scope, each in input order. */
export function matchBankToLedger(input: BankInput): Finding[] {
  const moneyWay = input.direction === 'in' ? 'out' : 'in';
  const paidPayments = new Set<string>();
  const paidInvoices = new Set<string>();
  const rejected = new Set<string>();
  for (const m of input.decided) {
    if (m.deleted) continue;
    if (m.decision === 'confirmed') {
      paidPayments.add(m.paymentKey);
      for (const id of m.invoiceIds) paidInvoices.add(id);
    } else rejected.add(pairId(m.paymentKey, m.invoiceIds));
  }
  const isRejected = (s: MatchSuggestion) => rejected.has(pairId(s.paymentKey ?? '', s.invoiceIds));
  const { pool, byId } = openInvoices(input, paidInvoices);
  const index = makePool(pool);
  const partiesByCore = new Map<string, [string, number][]>();
  const keys = paymentKeys(input.bank);

  const out: Finding[] = [];
  const byInvoice = new Map<string, MatchSuggestion[]>();
  input.bank.forEach((row, i) => {
    const key = keys[i] ?? '';
    const day = dayNumber(row.date);
    if (row.direction !== moneyWay || row.amount <= 0 || Number.isNaN(day) || paidPayments.has(key)) return;
    const core = nameCore(row.counterparty);
    const payment: OpenPayment = { key, amount: row.amount, day, name: nameQuery(core) };
    let parties = partiesByCore.get(core);
    if (!parties) {
      parties = similarCores(payment.name, index);
      partiesByCore.set(core, parties);
    }
    const suggestions = suggestFor(payment, index, parties, isRejected);
    for (const s of suggestions) {
      for (const id of s.invoiceIds) {
        const list = byInvoice.get(id);
        if (list) list.push(s);
        else byInvoice.set(id, [s]);
      }
    }
    if (!inPeriod(row.date, input.period)) return;
    out.push({
      type: 'paymentWithoutInvoice', key,
      detail: {
        date: row.date, amount: row.amount, counterparty: row.counterparty, counterpartyAccount: row.counterpartyAccount,
        summary: row.summary, serial: row.serial, bestScore: suggestions[0]?.score ?? 0,
      },
      bankRow: row.row, suggestions,
    });
  });
  const reported = new Set<string>();
  for (const inv of byId.values()) {
    const key = `unpaid:${invoiceKey(inv)}`;
    if (!inPeriod(inv.issueDate, input.period) || reported.has(key)) continue;
    reported.add(key);
    const suggestions = (byInvoice.get(inv.id) ?? []).sort(bySuggestionRank).slice(0, MAX_INVOICE_SUGGESTIONS);
    const party = input.direction === 'in' ? inv.seller : inv.buyer;
    out.push({
      type: 'invoiceWithoutPayment', key,
      detail: {
        code: inv.code, number: inv.number, issueDate: inv.issueDate, partyName: party.name, partyTaxId: party.taxId,
        total: inv.total, bestScore: suggestions[0]?.score ?? 0,
      },
      invoiceIds: [inv.id], suggestions,
    });
  }
  return out;
}
