// The printed title names the invoice kind ("浙江增值税电子普通发票", "电子发票（增值税专用发票）").
import type { InvoiceKind } from '../../domain/invoice';
import { normalizeText } from '../../domain/normalize';

/** Title patterns, most specific first: 数电 titles contain the older titles' words. */
const TITLES: readonly (readonly [RegExp, InvoiceKind])[] = [
  [/电子发票\(增值税专用发票\)/, 'digital_special'],
  [/电子发票\(普通发票\)/, 'digital_normal'],
  [/通行费.*发票/, 'toll'],
  [/增值税电子专用发票/, 'e_special'],
  [/增值税电子普通发票/, 'e_normal'],
  [/机动车销售统一发票/, 'vehicle'],
  [/增值税普通发票\(卷[式票]\)/, 'roll'],
  [/增值税专用发票/, 'vat_special'],
  [/增值税普通发票/, 'vat_normal'],
];

/** The kind named by an invoice title, or undefined when the text is not a title. */
export function kindFromTitle(text: string): InvoiceKind | undefined {
  // NFKC turns full-width brackets into ASCII ones; spaces and tabs come from letter-spaced titles.
  const t = normalizeText(text).replace(/\s+/g, '');
  if (t.length > 40) return undefined;
  return TITLES.find(([pattern]) => pattern.test(t))?.[1];
}
