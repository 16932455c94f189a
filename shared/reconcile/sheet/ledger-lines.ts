/*
 * The 明细 column of a ledger export: the line items as compact JSON, one array of eight texts per line
 * ([name, spec, unit, qty, unitPrice, amount, taxRate, tax], as the entry form shows them), so a re-import
 * rebuilds exactly the same lines. Excel holds at most 32,767 characters in a cell, so long JSON continues in
 * 明细2, 明细3, … columns, which the reader joins again.
 */
import type { LineDraft } from '../../domain/invoice';

/** Header of the first 明细 column; continuations are 明细2, 明细3, …. */
export const LINES_HEADER = '明细';

const KEYS = ['name', 'spec', 'unit', 'qty', 'unitPrice', 'amount', 'taxRate', 'tax'] as const;

/** Line drafts as 明细 JSON ('' when there are none). */
export function linesToJson(lines: readonly LineDraft[]): string {
  return lines.length === 0 ? '' : JSON.stringify(lines.map((l) => KEYS.map((k) => l[k])));
}

/** Reads 明细 JSON (arrays of eight texts, or objects with the LineDraft keys); null when it is not that. */
export function linesFromJson(text: string): LineDraft[] | null {
  if (text.trim() === '') return [];
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(data)) return null;
  const lines: LineDraft[] = [];
  for (const item of data as unknown[]) {
    const isArray = Array.isArray(item);
    if (!isArray && (typeof item !== 'object' || item === null)) return null;
    const line = { name: '', spec: '', unit: '', qty: '', unitPrice: '', amount: '', taxRate: '', tax: '' };
    for (let i = 0; i < KEYS.length; i++) {
      const key = KEYS[i] ?? 'name';
      const v: unknown = isArray ? (item as unknown[])[i] : (item as Record<string, unknown>)[key];
      if (typeof v === 'string') line[key] = v;
      else if (typeof v === 'number') line[key] = String(v);
      else if (v !== undefined && v !== null) return null;
    }
    lines.push(line);
  }
  return lines;
}
