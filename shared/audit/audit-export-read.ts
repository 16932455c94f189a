/*
 * Reading an audit export's cells back into exactly the entries that were written (audit-export-format.ts):
 * the formula guard undone, before/after pieces joined, JSON-encoded fields decoded. A cell that cannot be what
 * the writer wrote (a number where text belongs, JSON that does not parse or is not canonical) is 'unreadable'
 * and names its column; whether the values are the ones that were hashed is the chain check's job.
 */
import { unguardText, type Cell } from '../reconcile/sheet';
import type { AuditEntry } from './audit-chain';
import { JSON_FIELDS, parseChainHeader, TEXT_FIELDS, type ChainColumn, type JsonField, type TextField } from './audit-export-format';
import { canonicalJson } from './canonical-json';

/** Why a cell of the chain sheet is unreadable. */
export type UnreadableDetail = 'seq' | 'notText' | 'json' | 'notCanonical' | 'encodedList';

/** Where each field is on a chain sheet (0-based columns; before/after as their pieces in order). */
export interface ChainColumns {
  readonly single: Readonly<Record<Exclude<ChainColumn, JsonField>, number>>;
  readonly json: Readonly<Record<JsonField, readonly number[]>>;
}

/** The columns named by a chain sheet's header row, or the first key that is missing or given twice. */
export function chainColumns(header: readonly Cell[]): { readonly ok: true; readonly columns: ChainColumns } | { readonly ok: false; readonly column: string } {
  const single = new Map<string, number>();
  const parts: Record<JsonField, Map<number, number>> = { before: new Map(), after: new Map() };
  for (let c = 0; c < header.length; c++) {
    const cell = header[c];
    const parsed = typeof cell === 'string' ? parseChainHeader(unguardText(cell)) : null;
    if (!parsed) continue;
    const { key, part } = parsed;
    const label = part > 1 ? `${key}#${part}` : key;
    if (key === 'before' || key === 'after') {
      if (parts[key].has(part)) return { ok: false, column: label };
      parts[key].set(part, c);
    } else {
      if (single.has(key)) return { ok: false, column: label };
      single.set(key, c);
    }
  }
  const need = ['seq', ...TEXT_FIELDS, 'encoded'] as const;
  const result: Partial<Record<(typeof need)[number], number>> = {};
  for (const key of need) {
    const c = single.get(key);
    if (c === undefined) return { ok: false, column: key };
    result[key] = c;
  }
  const json = {} as Record<JsonField, number[]>;
  for (const f of JSON_FIELDS) {
    if (!parts[f].has(1)) return { ok: false, column: f };
    json[f] = [...parts[f].entries()].sort((a, b) => a[0] - b[0]).map(([, c]) => c);
  }
  return { ok: true, columns: { single: result as Record<(typeof need)[number], number>, json } };
}

/** A row read back: its entry, or the column that cannot be read and why. */
export type RowRead =
  | { readonly ok: true; readonly entry: AuditEntry }
  | { readonly ok: false; readonly seq: number | null; readonly column: string; readonly detail: UnreadableDetail };

/** Text of a cell as written (guard undone; '' for an empty cell); null when the cell is not text. */
function text(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return '';
  return typeof cell === 'string' ? unguardText(cell) : null;
}

/** Canonical JSON text back into its value; 'json' or 'notCanonical' when it is not what the writer wrote. */
function parseCanonical(raw: string): { ok: true; value: unknown } | { ok: false; detail: 'json' | 'notCanonical' } {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, detail: 'json' };
  }
  return canonicalJson(value) === raw ? { ok: true, value } : { ok: false, detail: 'notCanonical' };
}

function readSeq(cell: Cell | undefined): number | null {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) && cell >= 1 ? cell : null;
  const t = text(cell);
  return t !== null && /^[1-9]\d{0,15}$/.test(t) && Number.isSafeInteger(Number(t)) ? Number(t) : null;
}

/** True when a row has no value at all (skipped: an empty row is no entry). */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every((c) => c === null || c === '');
}

/** Reads one data row of a chain sheet. */
export function readChainRow(row: readonly Cell[], cols: ChainColumns): RowRead {
  const seq = readSeq(row[cols.single.seq]);
  const bad = (column: string, detail: UnreadableDetail): RowRead => ({ ok: false, seq, column, detail });
  if (seq === null) return bad('seq', 'seq');
  const encodedText = text(row[cols.single.encoded]);
  if (encodedText === null) return bad('encoded', 'notText');
  const encoded = new Set(encodedText === '' ? [] : encodedText.split(','));
  if (![...encoded].every((f) => (TEXT_FIELDS as readonly string[]).includes(f))) return bad('encoded', 'encodedList');
  const entry: Record<string, unknown> = { seq };
  for (const field of TEXT_FIELDS) {
    const raw = text(row[cols.single[field]]);
    if (raw === null) return bad(field, 'notText');
    const value = fieldValue(field, raw, encoded.has(field));
    if (!value.ok) return bad(field, value.detail);
    if (value.value !== undefined) entry[field] = value.value;
  }
  for (const field of JSON_FIELDS) {
    let raw = '';
    for (const c of cols.json[field]) {
      const piece = text(row[c]);
      if (piece === null) return bad(field, 'notText');
      raw += piece;
    }
    if (raw === '') continue;
    const value = parseCanonical(raw);
    if (!value.ok) return bad(field, value.detail);
    entry[field] = value.value;
  }
  // The hash decides whether these are the values that were written; an absent field stays absent.
  return { ok: true, entry: entry as unknown as AuditEntry };
}

function fieldValue(field: TextField, raw: string, encoded: boolean): { ok: true; value: unknown } | { ok: false; detail: 'json' | 'notCanonical' } {
  if (encoded) return raw === '' ? { ok: true, value: undefined } : parseCanonical(raw);
  return { ok: true, value: field === 'device' && raw === '' ? undefined : raw };
}
