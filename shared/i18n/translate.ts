/** Supported UI languages; Simplified Chinese is the default. */
export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** A message in both languages. `{name}` placeholders are filled from params. */
export interface Bilingual {
  readonly 'zh-CN': string;
  readonly en: string;
}

/** A catalogue: message key → both languages. */
export type Catalogue = Readonly<Record<string, Bilingual>>;

/** Fills `{name}` placeholders; an unknown placeholder is left visible so it is noticed, never silently blanked. */
export function fill(template: string, params: Readonly<Record<string, string | number>> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = params[name];
    return v === undefined ? whole : String(v);
  });
}

/** Looks a key up in a catalogue; a missing key returns the key itself (visible, testable). */
export function translate(
  catalogue: Catalogue,
  locale: Locale,
  key: string,
  params?: Readonly<Record<string, string | number>>,
): string {
  const entry = catalogue[key];
  if (!entry) return key;
  return fill(entry[locale], params);
}
