/*
 * Formula injection: a cell that starts with = + - @ TAB or CR can be run as a formula when a spreadsheet program
 * opens (or re-saves as CSV) what we wrote; the full-width ＝ ＋ － ＠ are guarded too, because spreadsheet programs
 * under a Chinese or Japanese input method may take them as the ASCII ones when a cell is re-typed or a text file
 * imported. Such text is written with one leading apostrophe (U+0027) as part of the text itself — the cell is a
 * plain text cell either way, and every program shows the apostrophe, so the clerk sees the guard instead of a
 * formula. Text that already starts with apostrophes before such a character gets one more, so the reader can
 * always strip exactly one and the round trip is lossless.
 *
 * This is the app's one formula guard: every .xlsx the app writes goes through writeWorkbook, which applies it to
 * every text cell (the ledger, the case list, reconciliation reports, the audit trail export).
 */

const GUARDED = /^'*[=+\-@\t\r\uff1d\uff0b\uff0d\uff20]/;

/** True when text could start a formula: it begins (after any apostrophes) with = + - @ TAB CR or ＝ ＋ － ＠. */
export function startsLikeFormula(text: string): boolean {
  return GUARDED.test(text);
}

/** Neutralises text for writing: prefixes one apostrophe when it could start a formula. */
export function guardText(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** Undoes guardText on text read back: strips exactly one apostrophe in front of a guarded start. */
export function unguardText(text: string): string {
  return text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
}
