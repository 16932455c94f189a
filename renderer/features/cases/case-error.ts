import type { PermissionRefusal } from '../../../shared/auth/roles';
import type { T } from '../../app/i18n';
import { isRefusal, refusalText } from '../auth';

/** A refused case write as the repository reports it: a message key and its parameters. */
interface CodedError {
  readonly code: string;
  readonly params?: Readonly<Record<string, unknown>> | undefined;
}

const STATE_PARAMS = new Set(['from', 'to']);

/** The clerk's sentence for a refused case write; state names in the params are translated too. */
export function caseErrorText(error: CodedError | PermissionRefusal, t: T): string {
  if (isRefusal(error)) return refusalText(t, error);
  const params: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(error.params ?? {})) {
    if (typeof v === 'string') params[k] = STATE_PARAMS.has(k) ? t(`case.state.${v}`) : v;
    else if (typeof v === 'number') params[k] = v;
  }
  const text = t(error.code, params);
  return text === error.code ? t('case.failed', { code: error.code }) : text;
}
