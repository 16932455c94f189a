import type { InvoiceKind, InvoiceStatus } from '../../../../shared/domain/invoice';
import type { InvoiceFilter } from '../../../../shared/search/invoice-filter';
import { compactFilter } from '../../../../shared/search/invoice-filter';
import { parseMoney, fenToDecimal, fen } from '../../../../shared/domain/money';
import { normalizeText } from '../../../../shared/domain/normalize';
import { localToday as localDay } from '../../../app/today';

/** The filter bar's typed text. */
export interface FilterForm {
  readonly dateFrom: string;
  readonly dateTo: string;
  readonly seller: string;
  readonly buyer: string;
  readonly number: string;
  readonly totalMin: string;
  readonly totalMax: string;
  readonly status: InvoiceStatus | '';
  readonly kind: InvoiceKind | '';
  readonly hasAttachment: 'yes' | 'no' | '';
  /** Captured (录入) on or after this local day, and on or before capturedTo. */
  readonly capturedFrom: string;
  readonly capturedTo: string;
  readonly hasWarnings: 'yes' | 'no' | '';
  readonly duplicate: 'yes' | 'no' | '';
}

/** An empty filter bar. */
export const EMPTY_FILTER_FORM: FilterForm = {
  dateFrom: '', dateTo: '', seller: '', buyer: '', number: '', totalMin: '', totalMax: '', status: '', kind: '', hasAttachment: '',
  capturedFrom: '', capturedTo: '', hasWarnings: '', duplicate: '',
};

/** Which typed conditions could not be understood (they are ignored, and the bar says so). */
export type FilterProblems = Partial<Record<'dateFrom' | 'dateTo' | 'capturedFrom' | 'capturedTo' | 'totalMin' | 'totalMax', 'badDate' | 'badAmount'>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Turns the typed filter into a query filter, reporting conditions it had to ignore. */
export function toFilter(form: FilterForm, deleted: boolean): { filter: InvoiceFilter; problems: FilterProblems } {
  const problems: FilterProblems = {};
  const date = (key: 'dateFrom' | 'dateTo' | 'capturedFrom' | 'capturedTo') => {
    const v = normalizeText(form[key]).replace(/[/.]/g, '-');
    if (!v) return undefined;
    if (!DATE.test(v) || Number.isNaN(localDayStart(v, 0))) { problems[key] = 'badDate'; return undefined; }
    return v;
  };
  const capturedFrom = date('capturedFrom');
  const capturedTo = date('capturedTo');
  const money = (key: 'totalMin' | 'totalMax') => {
    if (!form[key].trim()) return undefined;
    const r = parseMoney(form[key]);
    if (!r.ok) { problems[key] = 'badAmount'; return undefined; }
    return r.value as number;
  };
  const filter = compactFilter({
    dateFrom: date('dateFrom'),
    dateTo: date('dateTo'),
    seller: normalizeText(form.seller),
    buyer: normalizeText(form.buyer),
    number: form.number.replace(/\s/g, ''),
    totalMin: money('totalMin'),
    totalMax: money('totalMax'),
    statuses: form.status ? [form.status] : undefined,
    kinds: form.kind ? [form.kind] : undefined,
    hasAttachment: form.hasAttachment || undefined,
    capturedFrom: capturedFrom === undefined ? undefined : new Date(localDayStart(capturedFrom, 0)).toISOString(),
    capturedBefore: capturedTo === undefined ? undefined : new Date(localDayStart(capturedTo, 1)).toISOString(),
    hasWarnings: form.hasWarnings || undefined,
    duplicate: form.duplicate || undefined,
    deleted: deleted || undefined,
  } as InvoiceFilter);
  return { filter, problems };
}

/** Turns a saved filter back into the bar's text. */
export function fromFilter(f: InvoiceFilter): FilterForm {
  return {
    dateFrom: f.dateFrom ?? '',
    dateTo: f.dateTo ?? '',
    seller: f.seller ?? '',
    buyer: f.buyer ?? '',
    number: f.number ?? '',
    totalMin: f.totalMin === undefined ? '' : fenToDecimal(fen(f.totalMin)),
    totalMax: f.totalMax === undefined ? '' : fenToDecimal(fen(f.totalMax)),
    status: f.statuses?.[0] ?? '',
    kind: f.kinds?.[0] ?? '',
    hasAttachment: f.hasAttachment ?? '',
    capturedFrom: f.capturedFrom === undefined ? '' : localDay(new Date(f.capturedFrom)),
    // capturedBefore is the instant after the last day asked for.
    capturedTo: f.capturedBefore === undefined ? '' : localDay(new Date(Date.parse(f.capturedBefore) - 1)),
    hasWarnings: f.hasWarnings ?? '',
    duplicate: f.duplicate ?? '',
  };
}

/** The first instant (ms) of a local day YYYY-MM-DD plus `plusDays` days (NaN when it is no real day). */
function localDayStart(day: string, plusDays: number): number {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  if (localDay(new Date(y, m - 1, d)) !== day) return Number.NaN;
  return new Date(y, m - 1, d + plusDays).getTime();
}
