import type { InvoiceKind, InvoiceStatus } from '../../../../shared/domain/invoice';
import type { InvoiceFilter } from '../../../../shared/search/invoice-filter';
import { compactFilter } from '../../../../shared/search/invoice-filter';
import { parseMoney, fenToDecimal, fen } from '../../../../shared/domain/money';
import { normalizeText } from '../../../../shared/domain/normalize';

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
}

/** An empty filter bar. */
export const EMPTY_FILTER_FORM: FilterForm = {
  dateFrom: '', dateTo: '', seller: '', buyer: '', number: '', totalMin: '', totalMax: '', status: '', kind: '', hasAttachment: '',
};

/** Which typed conditions could not be understood (they are ignored, and the bar says so). */
export type FilterProblems = Partial<Record<'dateFrom' | 'dateTo' | 'totalMin' | 'totalMax', 'badDate' | 'badAmount'>>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Turns the typed filter into a query filter, reporting conditions it had to ignore. */
export function toFilter(form: FilterForm, deleted: boolean): { filter: InvoiceFilter; problems: FilterProblems } {
  const problems: FilterProblems = {};
  const date = (key: 'dateFrom' | 'dateTo') => {
    const v = normalizeText(form[key]).replace(/[/.]/g, '-');
    if (!v) return undefined;
    if (!DATE.test(v)) { problems[key] = 'badDate'; return undefined; }
    return v;
  };
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
  };
}
