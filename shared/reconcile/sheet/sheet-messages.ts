import type { Catalogue } from '../../i18n/translate';

/** Messages of the spreadsheet readers: every bad input names the file and what was expected, in both languages. */
export const SHEET_MESSAGES = {} satisfies Catalogue;
