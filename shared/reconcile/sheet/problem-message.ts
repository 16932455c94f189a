// Messages for whole-file problems, row problems and skipped rows, in the UI language.
import { translate, type Locale } from '../../i18n/translate';
import { SHEET_MESSAGES } from './sheet-messages';
import type { RowProblem, SheetProblem, SkippedRow } from './types';

/** The message for a whole-file problem (`sheet.error.<code>`) or a row problem (`sheet.row.<code>`, with {row}). */
export function problemMessage(p: SheetProblem | RowProblem, locale: Locale): string {
  if ('row' in p) return translate(SHEET_MESSAGES, locale, `sheet.row.${p.code}`, { ...p.params, row: p.row });
  return translate(SHEET_MESSAGES, locale, `sheet.error.${p.code}`, p.params);
}

/** Why a row was skipped, in words (`sheet.skipped.<reason>`; a duplicate names the row it repeats). */
export function skippedMessage(s: SkippedRow, locale: Locale): string {
  return translate(SHEET_MESSAGES, locale, `sheet.skipped.${s.reason}`, { row: s.duplicateOf ?? '' });
}
