/** Saved column mappings: which fit a kind of file, which fit a file's headers, and how the readers take them. */
import type { ColumnMapping } from '../../../shared/reconcile/entities';
import type { MappingOverride } from '../../../shared/reconcile/sheet';
import type { SheetKind } from '../../../shared/reconcile/types';

/** A saved mapping as the readers take it ('' = no preferred sheet). */
export function overrideOf(m: Pick<ColumnMapping, 'columns' | 'sheet'>): MappingOverride {
  return m.sheet === '' ? { columns: m.columns } : { columns: m.columns, sheet: m.sheet };
}

/** Live saved mappings of these kinds (a platform list may be a 全量 or a 勾选 export: one mapping fits both). */
export function mappingsOfKinds(mappings: readonly ColumnMapping[], kinds: readonly SheetKind[]): ColumnMapping[] {
  return mappings.filter((m) => !m.deleted && kinds.includes(m.kind));
}

/** The first saved mapping whose every column is among the file's headers. */
export function fittingMapping(saved: readonly ColumnMapping[], headers: readonly string[]): ColumnMapping | undefined {
  const have = new Set(headers);
  return saved.find((m) => Object.values(m.columns).length > 0 && Object.values(m.columns).every((h) => have.has(h)));
}
