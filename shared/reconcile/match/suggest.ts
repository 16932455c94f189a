/*
 * Suggestions for one payment: which open invoices may it settle? Two sources of candidates, both limited to
 * invoices dated within the window around the payment (paid 30 days before to 90 days after the invoice date):
 *  - any invoice whose 价税合计 equals the payment (looked up by amount, whatever its seller);
 *  - sums of several invoices of ONE counterparty whose name resembles the payment's (bounded subset-sum over
 *    that counterparty's open invoices, closest dates first).
 * Score = 0.45 × amount (1 exact, 0.9 a sum) + 0.35 × name similarity + 0.20 × date closeness (1 on the day,
 * falling to 0.2 at the window's edges); suggestions under MIN_SCORE are dropped. Nothing is ever applied:
 * the clerk confirms or rejects each one.
 */
import type { Fen } from '../../domain/money';
import type { MatchSuggestion } from '../types';
import { NameIndex, type NameQuery } from './name-index';
import { subsetsSumming } from './subset-sum';

/** An open invoice as the bank matching sees it. */
export interface OpenInvoice {
  readonly id: string;
  readonly total: Fen;
  readonly day: number;
  readonly issueDate: string;
  /** The counterparty's name core (seller for incoming invoices, buyer for outgoing) and tax id. */
  readonly core: string;
  readonly partyTaxId: string;
}

/** A payment to explain. */
export interface OpenPayment {
  readonly key: string;
  readonly amount: Fen;
  readonly day: number;
  readonly name: NameQuery;
}

/** The date window: a payment may come this many days before / after the invoice date. */
export const PAY_BEFORE_DAYS = 30;
export const PAY_AFTER_DAYS = 90;
/** Suggestions scoring below this are not shown. */
export const MIN_SCORE = 0.5;
/** Name similarity from which two names are taken to be the same counterparty (for sums). */
export const SAME_PARTY = 0.5;
const MAX_SUGGESTIONS = 5;
const MAX_PARTIES = 3;

/** How close a payment is to an invoice date, 0.2..1, or null outside the window. */
export function dateCloseness(payDay: number, invoiceDay: number): number | null {
  const delta = payDay - invoiceDay;
  if (delta < -PAY_BEFORE_DAYS || delta > PAY_AFTER_DAYS) return null;
  return delta >= 0 ? 1 - (0.8 * delta) / PAY_AFTER_DAYS : 1 - (0.8 * -delta) / PAY_BEFORE_DAYS;
}

type Reason = MatchSuggestion['reasons'][number];

function nameReason(similarity: number): Reason {
  if (similarity >= 1) return { code: 'nameSame' };
  if (similarity >= SAME_PARTY) return { code: 'nameSimilar', params: { percent: Math.round(similarity * 100) } };
  return { code: 'nameDifferent' };
}

/** Scores one candidate group (all inside the window) for a payment. */
export function scoreGroup(payment: OpenPayment, group: readonly OpenInvoice[], similarity: number): MatchSuggestion {
  let worstCloseness = 1;
  let farthest = 0;
  for (const inv of group) {
    const c = dateCloseness(payment.day, inv.day) ?? 0;
    if (c < worstCloseness) worstCloseness = c;
    const delta = payment.day - inv.day;
    if (Math.abs(delta) > Math.abs(farthest)) farthest = delta;
  }
  const single = group.length === 1;
  const score = 0.45 * (single ? 1 : 0.9) + 0.35 * similarity + 0.2 * worstCloseness;
  return {
    invoiceIds: group.map((g) => g.id).sort(),
    paymentKey: payment.key,
    score: Math.round(score * 1000) / 1000,
    reasons: [
      single ? { code: 'amountExact' } : { code: 'amountSum', params: { count: group.length } },
      nameReason(similarity),
      { code: 'dateDays', params: { days: farthest } },
    ],
  };
}

/** Open invoices indexed for the payments of one run. */
export interface InvoicePool {
  readonly byTotal: ReadonlyMap<number, readonly OpenInvoice[]>;
  readonly byCore: ReadonlyMap<string, readonly OpenInvoice[]>;
  readonly names: NameIndex;
}

/** Indexes open invoices by 价税合计 and by counterparty name core. */
export function makePool(invoices: readonly OpenInvoice[]): InvoicePool {
  const byTotal = new Map<number, OpenInvoice[]>();
  const byCore = new Map<string, OpenInvoice[]>();
  for (const inv of invoices) {
    const t = byTotal.get(inv.total);
    if (t) t.push(inv);
    else byTotal.set(inv.total, [inv]);
    const c = byCore.get(inv.core);
    if (c) c.push(inv);
    else byCore.set(inv.core, [inv]);
  }
  return { byTotal, byCore, names: new NameIndex(byCore.keys()) };
}

/** Counterparty cores resembling a payment's, most similar first (cached per payment core by the caller). */
export function similarCores(name: NameQuery, pool: InvoicePool): [string, number][] {
  return pool.names.similar(name, SAME_PARTY, MAX_PARTIES);
}

/** Suggestions for one payment, best first; `isRejected` drops pairs the clerk already turned down. */
export function suggestFor(payment: OpenPayment, pool: InvoicePool, parties: readonly [string, number][], isRejected: (s: MatchSuggestion) => boolean): MatchSuggestion[] {
  const similarityOf = new Map(parties);
  const found = new Map<string, MatchSuggestion>();
  const add = (s: MatchSuggestion) => {
    const id = s.invoiceIds.join(',');
    if (s.score >= MIN_SCORE && !found.has(id) && !isRejected(s)) found.set(id, s);
  };
  for (const inv of pool.byTotal.get(payment.amount) ?? []) {
    if (dateCloseness(payment.day, inv.day) === null) continue;
    add(scoreGroup(payment, [inv], similarityOf.get(inv.core) ?? pool.names.similarity(payment.name, inv.core)));
  }
  for (const [core, similarity] of parties) {
    const byParty = new Map<string, OpenInvoice[]>();
    for (const inv of pool.byCore.get(core) ?? []) {
      if (dateCloseness(payment.day, inv.day) === null || inv.total >= payment.amount) continue;
      const list = byParty.get(inv.partyTaxId);
      if (list) list.push(inv);
      else byParty.set(inv.partyTaxId, [inv]);
    }
    for (const invoices of byParty.values()) {
      if (invoices.length < 2) continue;
      invoices.sort((a, b) => Math.abs(payment.day - a.day) - Math.abs(payment.day - b.day) || (a.id < b.id ? -1 : 1));
      for (const subset of subsetsSumming(invoices.map((i) => i.total), payment.amount)) {
        add(scoreGroup(payment, subset.map((i) => invoices[i]).filter((i) => i !== undefined), similarity));
      }
    }
  }
  return [...found.values()].sort(bySuggestionRank).slice(0, MAX_SUGGESTIONS);
}

/** Best score first; ties broken by the invoice ids so the order never depends on input order. */
export function bySuggestionRank(a: MatchSuggestion, b: MatchSuggestion): number {
  if (b.score !== a.score) return b.score - a.score;
  const ka = `${a.paymentKey ?? ''}|${a.invoiceIds.join(',')}`;
  const kb = `${b.paymentKey ?? ''}|${b.invoiceIds.join(',')}`;
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}
