// Which rows a run looks at: the period (both ends inclusive) and the direction (the company as buyer or seller).
import type { Party } from '../../domain/invoice';
import type { Period, PlatformRow } from '../types';
import { monthPeriod } from '../../domain/month';

/** 进项 ('in'): the company is the buyer; 销项 ('out'): the company is the seller. */
export type Direction = 'in' | 'out';

/** Tax ids compared without case or whitespace. */
export function taxIdOf(s: string): string {
  return s.replace(/\s+/g, '').toUpperCase();
}

/** A predicate: does an invoice with these parties belong to the company in this direction? '' = every invoice. */
export function directionFilter(companyTaxId: string, direction: Direction): (p: { readonly seller: Party; readonly buyer: Party }) => boolean {
  const company = taxIdOf(companyTaxId);
  if (company === '') return () => true;
  const isCompany = (taxId: string) => taxId === company || taxIdOf(taxId) === company;
  return direction === 'in' ? (p) => isCompany(p.buyer.taxId) : (p) => isCompany(p.seller.taxId);
}

/** True when a YYYY-MM-DD date lies in the period (both ends inclusive). */
export function inPeriod(date: string, period: Period): boolean {
  return date >= period.from && date <= period.to;
}

/**
 * The period a platform list covers: from the first day of the month of its earliest invoice to the last day of
 * the month of its latest (the platform is queried by month, and the first invoice of a month rarely falls on the
 * 1st). Null when no row has a date.
 */
export function listPeriod(rows: readonly PlatformRow[]): Period | null {
  let min = '';
  let max = '';
  for (const r of rows) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(r.issueDate)) continue;
    if (min === '' || r.issueDate < min) min = r.issueDate;
    if (max === '' || r.issueDate > max) max = r.issueDate;
  }
  if (min === '') return null;
  return { from: `${min.slice(0, 7)}-01`, to: monthPeriod(max.slice(0, 7)).to };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN when it is not one). */
export function dayNumber(date: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return Number.NaN;
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) / 86_400_000;
}
