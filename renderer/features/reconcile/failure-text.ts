import type { T } from '../../app/i18n';
import { isRefusal, refusalText } from '../auth';

/**
 * Words for a failure the data layer returned as `{code, params}`: the message `<prefix>.<code>` when the catalogue
 * has one, else the failure's own message or code, so an unexpected failure is still shown rather than swallowed.
 */
export function failureText(error: unknown, t: T, prefix: string): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return String(error);
  if (isRefusal(error)) return refusalText(t, error);
  const e = error as { kind?: unknown; code?: unknown; message?: unknown; params?: unknown };
  const code = typeof e.code === 'string' ? e.code : typeof e.kind === 'string' ? e.kind : '';
  const params = typeof e.params === 'object' && e.params !== null ? (e.params as Record<string, string | number>) : {};
  const key = `${prefix}.${code}`;
  const text = code === '' ? key : t(key, params);
  if (text !== key) return text;
  return typeof e.message === 'string' && e.message !== '' ? e.message : code || JSON.stringify(error);
}
