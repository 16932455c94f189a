/**
 * The ledger print's filter in the route (#/print/ledger?<query>): every condition of an InvoiceFilter as a
 * readable parameter (`dateFrom=2026-11-01&statuses=entered,verified&totalMin=10000`), read back through a
 * schema so a hand-edited or stale address cannot smuggle in conditions the ledger does not know.
 */
import { z } from 'zod';
import { INVOICE_KINDS, INVOICE_STATUSES } from '../domain/invoice';
import type { InvoiceFilter } from '../search/invoice-filter';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const fenParam = z.string().regex(/^-?\d{1,15}$/).transform(Number);
const yesNo = z.enum(['yes', 'no']);
const list = <T extends readonly [string, ...string[]]>(values: T) =>
  z.string().transform((s) => s.split(',').filter((v) => v !== '')).pipe(z.array(z.enum(values)));

// One entry per InvoiceFilter condition; filter-params.test.ts round-trips a filter with every key set, so a new
// condition that is missing here fails there.
const querySchema = z.strictObject({
  dateFrom: z.string().regex(DAY).optional(),
  dateTo: z.string().regex(DAY).optional(),
  seller: z.string().max(200).optional(),
  buyer: z.string().max(200).optional(),
  number: z.string().max(40).optional(),
  totalMin: fenParam.optional(),
  totalMax: fenParam.optional(),
  statuses: list(INVOICE_STATUSES).optional(),
  kinds: list(INVOICE_KINDS).optional(),
  hasAttachment: yesNo.optional(),
  capturedFrom: z.iso.datetime().optional(),
  capturedBefore: z.iso.datetime().optional(),
  hasWarnings: yesNo.optional(),
  duplicate: yesNo.optional(),
  deleted: z.literal('1').transform(() => true).optional(),
});

/** Why a print address's filter could not be read (the print view says so instead of printing something else). */
export interface FilterQueryError {
  readonly kind: 'badFilter';
  readonly keys: readonly string[];
}

/** A filter as route parameters (openPrint's `params`); empty conditions are left out, so `{}` gives `{}`. */
export function filterParams(filter: InvoiceFilter): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(filter) as [string, unknown][]) {
    if (value === undefined || value === '' || value === false) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    out[key] = Array.isArray(value) ? value.join(',') : value === true ? '1' : typeof value === 'number' || typeof value === 'string' ? `${value}` : '';
  }
  return out;
}

/** Reads a filter back from route parameters; unknown or malformed conditions are an error, never ignored. */
export function filterFromParams(params: Readonly<Record<string, string>>): { ok: true; filter: InvoiceFilter } | { ok: false; error: FilterQueryError } {
  const parsed = querySchema.safeParse(params);
  if (!parsed.success) {
    const keys = [...new Set(parsed.error.issues.flatMap((i) => (i.path.length > 0 ? [String(i.path[0])] : (i.code === 'unrecognized_keys' ? i.keys : []))))];
    return { ok: false, error: { kind: 'badFilter', keys } };
  }
  const filter: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(parsed.data)) if (v !== undefined) filter[k] = v;
  return { ok: true, filter };
}
