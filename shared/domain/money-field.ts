import type { FieldName, Issue } from './invoice';
import { issue } from './issue-codes';
import { fen, parseMoney, type Fen } from './money';
import { normalizeText } from './normalize';

/** A money field read for validation: the value, or null when an issue was recorded instead. */
export interface MoneyFieldResult {
  readonly value: Fen | null;
  /** True when the field held "***", the mark for exempt tax (docs/invoice-rules.md#tax-rates). */
  readonly isStarred: boolean;
}

/** Reads a money field, pushing 'required' / 'money.*' issues; `allowStars` accepts "***" as 0 for tax fields. */
export function readMoneyField(
  text: string,
  field: FieldName,
  issues: Issue[],
  options: { readonly allowStars: boolean; readonly required: boolean },
): MoneyFieldResult {
  if (options.allowStars && /^\*+$/.test(normalizeText(text))) return { value: fen(0), isStarred: true };
  const parsed = parseMoney(text);
  if (parsed.ok) return { value: parsed.value, isStarred: false };
  switch (parsed.error.kind) {
    case 'empty':
      if (options.required) issues.push(issue(field, 'error', 'required'));
      break;
    case 'decimals':
      issues.push(issue(field, 'error', 'money.decimals'));
      break;
    case 'range':
      issues.push(issue(field, 'error', 'money.range'));
      break;
    case 'format':
      issues.push(issue(field, 'error', 'money.format'));
      break;
  }
  return { value: null, isStarred: false };
}
