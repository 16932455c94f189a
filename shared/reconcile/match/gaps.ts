/*
 * Number-sequence gaps of paper invoices (专票, 普票, 卷票: an 8-digit 发票号码 under a 发票代码). Numbers of one
 * seller and one code come from the ledger and the platform list together (voided ones too: they use up their
 * number). A seller is "regular" for a code from REGULAR_MIN distinct numbers on. Between two numbers present,
 * the ones missing form one gap finding; a gap wider than MAX_GAP means the supplier's other customers got those
 * numbers, so it is ignored rather than reported number by number. A gap belongs to the run whose period overlaps
 * the dates of the invoices on either side of it, so each month reports its own gaps.
 */
import { describeInvoiceCode } from '../../domain/invoice-code';
import type { InvoiceKind, Party } from '../../domain/invoice';
import type { Finding, LedgerInvoice, Period, PlatformRow } from '../types';
import { taxIdOf } from './scope';

/** Distinct numbers a seller needs under one code before its gaps are reported. */
export const REGULAR_MIN = 3;
/** Gaps of more numbers than this are not reported. */
export const MAX_GAP = 50;

const PAPER_KINDS: ReadonlySet<InvoiceKind> = new Set(['vat_special', 'vat_normal', 'roll']);

/** What the gap rule needs from a run. */
export interface GapInput {
  readonly list: readonly PlatformRow[];
  readonly ledger: readonly LedgerInvoice[];
  readonly period: Period;
  readonly belongs: (p: { readonly seller: Party; readonly buyer: Party }) => boolean;
}

interface Sequence {
  readonly sellerTaxId: string;
  sellerName: string;
  readonly code: string;
  /** Number → issue date. */
  readonly numbers: Map<number, string>;
}

function isPaper(kind: InvoiceKind | null, code: string, number: string): boolean {
  if (code === '' || !/^\d{8}$/.test(number)) return false;
  if (kind !== null && kind !== 'other') return PAPER_KINDS.has(kind);
  const fromCode = describeInvoiceCode(code)?.kind ?? null;
  return fromCode !== null && PAPER_KINDS.has(fromCode);
}

const pad = (n: number) => String(n).padStart(8, '0');

/** The gap findings (see the header). */
export function findSequenceGaps(input: GapInput): Finding[] {
  const sequences = new Map<string, Sequence>();
  const add = (seller: Party, code: string, number: string, date: string, kind: InvoiceKind | null) => {
    if (!isPaper(kind, code, number)) return;
    const sellerTaxId = taxIdOf(seller.taxId);
    const id = `${sellerTaxId}|${code}`;
    let seq = sequences.get(id);
    if (!seq) {
      seq = { sellerTaxId, sellerName: seller.name, code, numbers: new Map() };
      sequences.set(id, seq);
    }
    if (seq.sellerName === '') seq.sellerName = seller.name;
    const n = Number(number);
    if (!seq.numbers.has(n)) seq.numbers.set(n, date);
  };
  for (const inv of input.ledger) if (!inv.deleted && input.belongs(inv)) add(inv.seller, inv.code.trim(), inv.number.trim(), inv.issueDate, inv.kind);
  for (const row of input.list) if (input.belongs(row)) add(row.seller, row.code.trim(), row.number.trim(), row.issueDate, row.kind);

  const out: Finding[] = [];
  for (const seq of sequences.values()) {
    if (seq.numbers.size < REGULAR_MIN) continue;
    const sorted = [...seq.numbers.keys()].sort((a, b) => a - b);
    for (let i = 0; i + 1 < sorted.length; i++) {
      const before = sorted[i] ?? 0;
      const after = sorted[i + 1] ?? 0;
      const count = after - before - 1;
      if (count < 1 || count > MAX_GAP) continue;
      const d1 = seq.numbers.get(before) ?? '';
      const d2 = seq.numbers.get(after) ?? '';
      const [lo, hi] = d1 <= d2 ? [d1, d2] : [d2, d1];
      if (lo > input.period.to || hi < input.period.from) continue;
      const from = pad(before + 1);
      const to = pad(after - 1);
      out.push({
        type: 'sequenceGap', key: `gap:${seq.sellerTaxId}:${seq.code}:${from}-${to}`,
        detail: { sellerName: seq.sellerName, sellerTaxId: seq.sellerTaxId, code: seq.code, from, to, count, dateBefore: d1, dateAfter: d2 },
      });
    }
  }
  return out;
}
