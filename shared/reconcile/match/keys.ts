/*
 * Finding keys are stable across runs: built from what identifies the thing (the invoice's hard key, a payment's
 * date, amount, counterparty and bank serial), never from row numbers, so a finding the clerk marked handled
 * stays handled when the same files are read again, sorted differently, or with rows added.
 */
import { hardKey } from '../../domain/duplicates';
import type { BankRow, Finding } from '../types';
import { plainName } from './names';

/** An invoice's identity: the 20-digit 数电 number alone, else 发票代码 + 发票号码 (the ledger's duplicate rule). */
export function invoiceKey(inv: { readonly code: string; readonly number: string }): string {
  return hardKey({ code: inv.code.trim(), number: inv.number.trim() });
}

/**
 * A payment's stable key: `payment:<date>:<fen>:<counterparty>:<serial>`, or `…:#<n>` when the statement has no
 * serial, n counting earlier rows with the same date, amount and counterparty (0 for the first).
 */
export function paymentKey(row: BankRow, occurrence = 0): string {
  const tail = row.serial.trim() === '' ? `#${String(occurrence)}` : row.serial.trim();
  return `payment:${row.date}:${String(row.amount)}:${plainName(row.counterparty)}:${tail}`;
}

/** Keys of all rows of a statement in order, with occurrence numbers counted as paymentKey describes. */
export function paymentKeys(rows: readonly BankRow[]): string[] {
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const base = paymentKey(row, 0);
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    if (row.serial.trim() === '') return paymentKey(row, n);
    // A serial repeated within one statement (a bank's export glitch) still gives distinct keys.
    return n === 0 ? base : `${base}#${String(n)}`;
  });
}

/** Keys of the findings in this run that were not in the previous run (what is new since last time). */
export function newSince(previousKeys: readonly string[], findings: readonly Finding[]): ReadonlySet<string> {
  const before = new Set(previousKeys);
  const fresh = new Set<string>();
  for (const f of findings) if (!before.has(f.key)) fresh.add(f.key);
  return fresh;
}
