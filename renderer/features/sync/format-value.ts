import type { T } from '../../app/i18n';
import { formatFen, type Fen } from '../../../shared/domain/money';

const MONEY = new Set(['amount', 'tax', 'total']);

/** A field value of an invoice as a clerk reads it (money in yuan, parties by name and tax id). */
export function formatSyncValue(t: T, field: string, value: unknown): string {
  if (value === null || value === undefined || value === '') return t('sync.value.empty');
  if (value === 'deleted') return t('sync.value.deleted');
  if (MONEY.has(field) && typeof value === 'number') return `¥${formatFen(value as Fen)}`;
  if (typeof value === 'boolean') return t(value ? 'sync.value.yes' : 'sync.value.no');
  if (field === 'lines' && Array.isArray(value)) return t('sync.value.lines', { count: value.length });
  if (typeof value === 'object' && 'name' in value && 'taxId' in value) {
    const p = value;
    return `${String(p.name)}（${String(p.taxId)}）`;
  }
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return JSON.stringify(value);
}
