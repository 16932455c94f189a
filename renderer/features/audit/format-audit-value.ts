import type { T } from '../../app/i18n';
import { formatFen, type Fen } from '../../../shared/domain/money';
import { isRole } from '../../../shared/auth/roles';

const MONEY = new Set(['amount', 'tax', 'total']);
/** Longest text shown in a cell; the whole value is in the title and in the export. */
const MAX_TEXT = 80;

const clip = (s: string) => (s.length > MAX_TEXT ? `${s.slice(0, MAX_TEXT - 1)}…` : s);

/** A field's value as a person reads it: money in yuan, statuses and yes/no translated, parties by name and tax id. */
export function formatAuditValue(t: T, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('audit.value.empty');
  if (MONEY.has(field) && typeof value === 'number') return `¥${formatFen(value as Fen)}`;
  if (field === 'status' && typeof value === 'string') return t(`status.${value}`);
  if (field === 'role' && isRole(value)) return t(`role.${value}`);
  if (typeof value === 'boolean') return t(value ? 'audit.value.yes' : 'audit.value.no');
  if (field === 'lines' && Array.isArray(value)) return t('audit.value.lines', { count: value.length });
  if (Array.isArray(value)) {
    const parts = value.map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : JSON.stringify(v)));
    return clip(parts.join('、') || t('audit.value.empty'));
  }
  if (typeof value === 'object' && 'name' in value && 'taxId' in value) {
    return clip(`${String(value.name)}（${String(value.taxId)}）`);
  }
  if (typeof value === 'string') {
    // A fact's known values are translated ("manual" → 手动); anything else is shown as written.
    const key = `audit.value.${field}.${value}`;
    const named = t(key);
    return clip(named === key ? value : named);
  }
  if (typeof value === 'number') return String(value);
  return clip(JSON.stringify(value));
}

/** A field's label: the form's name for invoice fields, the audit catalogue's for event facts, else the key itself. */
export function auditFieldLabel(t: T, field: string): string {
  for (const key of [`audit.fact.${field}`, `field.${field}`]) {
    const label = t(key);
    if (label !== key) return label;
  }
  return field;
}
