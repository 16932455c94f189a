/*
 * What an invoice on the platform list was for, in a few words: the first line item's name and how many items
 * the invoice has. A missing invoice's finding carries it, so the clerk sees "*餐饮服务*餐费 等 3 项" instead of
 * only a number and a seller, and can tell the supplier what the invoice covered.
 */
import type { InvoiceLine } from '../domain/invoice';
import type { DetailValue } from './types';

/** The first named line item and the number of items. */
export interface LineDigest {
  readonly name: string;
  readonly count: number;
}

/** The digest of an invoice's lines; null when there are none (or the export had no line sheet). */
export function lineDigest(lines: readonly InvoiceLine[] | undefined): LineDigest | null {
  if (!lines || lines.length === 0) return null;
  return { name: lines.find((l) => l.name.trim() !== '')?.name.trim() ?? '', count: lines.length };
}

/** The digest as finding detail fields (lineName, lineCount); none when there are no lines. */
export function lineDetail(lines: readonly InvoiceLine[] | undefined): Record<string, DetailValue> {
  const d = lineDigest(lines);
  return d ? { lineName: d.name, lineCount: d.count } : {};
}

/** The digest kept in a finding's detail, or null when the finding has none. */
export function detailDigest(detail: Readonly<Record<string, DetailValue>>): LineDigest | null {
  const count = detail.lineCount;
  if (typeof count !== 'number' || count <= 0) return null;
  return { name: typeof detail.lineName === 'string' ? detail.lineName : '', count };
}
