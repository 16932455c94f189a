/*
 * Formula injection: a cell that starts with = + - @ TAB or CR can be run as a formula when a spreadsheet program
 * opens (or re-saves as CSV) what we wrote. Such text is written with one leading apostrophe (U+0027) as part of
 * the text itself — the cell is a plain text cell either way, and every program shows the apostrophe, so the
 * clerk sees the guard instead of a formula. Text that already starts with apostrophes before such a character
 * gets one more, so the reader can always strip exactly one and the round trip is lossless.
 */

const GUARDED = /^'*[=+\-@\t\r]/;

/** Neutralises text for writing: prefixes one apostrophe when it could start a formula. */
export function guardText(text: string): string {
  return GUARDED.test(text) ? `'${text}` : text;
}

/** Undoes guardText on text read back: strips exactly one apostrophe in front of a guarded start. */
export function unguardText(text: string): string {
  return text.startsWith("'") && GUARDED.test(text.slice(1)) ? text.slice(1) : text;
}
