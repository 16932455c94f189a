/*
 * The audit page's filter bar: what was typed, and the query it stands for. Dates are the clerk's local calendar
 * days; entries carry UTC instants, so a day becomes [local midnight, next local midnight).
 */
import { AUDIT_ACTIONS, type AuditAction } from '../../../shared/audit/audit-chain';
import { normalizeText } from '../../../shared/domain/normalize';
import type { AuditView } from '../../db';

/** The filter bar's typed values. */
export interface AuditFilterForm {
  readonly user: string;
  readonly from: string;
  readonly to: string;
  readonly record: string;
  readonly action: AuditAction | '';
}

/** An empty filter bar. */
export const EMPTY_AUDIT_FORM: AuditFilterForm = { user: '', from: '', to: '', record: '', action: '' };

/** Typed dates that could not be read (ignored, and the bar says so). */
export type AuditFormProblems = Partial<Record<'from' | 'to', 'badDate'>>;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Local midnight of a YYYY-MM-DD day (plus `days`) as an ISO instant, or null when it is not a real date. */
export function localDayStart(day: string, days = 0): string | null {
  const m = DATE.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(y, mo - 1, d);
  if (check.getFullYear() !== y || check.getMonth() !== mo - 1 || check.getDate() !== d) return null;
  return new Date(y, mo - 1, d + days).toISOString();
}

/** Whether `value` names an audit action. */
export function isAuditAction(value: string): value is AuditAction {
  return (AUDIT_ACTIONS as readonly string[]).includes(value);
}

/** The query a filter bar stands for, and the typed conditions it had to ignore. */
export function toAuditView(form: AuditFilterForm): { view: AuditView; problems: AuditFormProblems } {
  const problems: AuditFormProblems = {};
  const day = (key: 'from' | 'to', days: number) => {
    const v = normalizeText(form[key]).replace(/[/.]/g, '-');
    if (!v) return undefined;
    const at = localDayStart(v, days);
    if (at === null) problems[key] = 'badDate';
    return at ?? undefined;
  };
  const since = day('from', 0);
  const until = day('to', 1);
  const record = normalizeText(form.record);
  const view: AuditView = {
    ...(form.user ? { user: form.user } : {}),
    ...(since ? { since } : {}),
    ...(until ? { until } : {}),
    ...(record ? { record } : {}),
    ...(form.action ? { actions: [form.action] } : {}),
  };
  return { view, problems };
}
