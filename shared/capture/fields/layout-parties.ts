// Buyer or seller? 数电 faces print the two blocks side by side (购买方信息 | 销售方信息), old e-invoices print
// them above and below (购买方 … 销售方). Each label is given to the nearest block header; without headers, an
// explicit prefix ("销售方名称") decides, and otherwise two labels in reading order are buyer then seller.
import { findLabels, readNear, type LabelHit } from './layout-find';
import type { TextLine } from '../text/text-items';

/** A block header's position. */
interface Header {
  readonly role: 'buyer' | 'seller';
  readonly page: number;
  readonly x: number;
  readonly y: number;
}

/** Short segments that head a party block: "购买方信息", "购买方", or the single stacked glyph "购". */
function findHeaders(lines: readonly TextLine[]): Header[] {
  const headers: Header[] = [];
  for (const line of lines) {
    for (const s of line.segments) {
      const t = s.text.replace(/\s+/g, '');
      if (t.length > 5) continue;
      const role = /^(购买方|购方|购)(信息)?$/.test(t) ? 'buyer' : /^(销售方|销方|销)(信息)?$/.test(t) ? 'seller' : null;
      if (role !== null) headers.push({ role, page: line.page, x: s.x0, y: s.y });
    }
  }
  return headers;
}

/**
 * The role a label's own prefix names: "购买方名称", or a stacked header glyph glued to the label on old
 * invoices ("购 名 称", "售 纳税人识别号"), but only when the prefix is all that precedes it in its segment.
 */
function prefixRole(hit: LabelHit): 'buyer' | 'seller' | null {
  const segmentStart = hit.line.text.lastIndexOf('\t', hit.start - 1) + 1;
  const before = hit.line.text.slice(segmentStart, hit.start).replace(/\s+/g, '');
  if (/^(购买方|购方|购|买)$/.test(before)) return 'buyer';
  if (/^(销售方|销方|销|售)$/.test(before)) return 'seller';
  return null;
}

/** The role of the nearest block header on the same page. */
function nearestRole(hit: LabelHit, headers: readonly Header[]): 'buyer' | 'seller' | null {
  let best: Header | null = null;
  let bestDistance = Infinity;
  for (const h of headers) {
    if (h.page !== hit.line.page) continue;
    const d = Math.hypot(h.x - hit.x0, h.y - hit.y);
    if (d < bestDistance) {
      best = h;
      bestDistance = d;
    }
  }
  return best?.role ?? null;
}

/** Reads a label that appears once per party, returning the value for each role found. */
export function readParties<T>(
  lines: readonly TextLine[], pattern: RegExp, read: (text: string) => T | undefined,
): { buyer?: T; seller?: T } {
  const headers = findHeaders(lines);
  const found: { hit: LabelHit; value: T }[] = [];
  for (const hit of findLabels(lines, pattern)) {
    const value = readNear(lines, hit, read);
    if (value !== undefined) found.push({ hit, value });
  }
  const result: { buyer?: T; seller?: T } = {};
  const hasHeaders = headers.some((h) => h.role === 'buyer') && headers.some((h) => h.role === 'seller');
  found.forEach(({ hit, value }, i) => {
    const role = prefixRole(hit) ?? (hasHeaders ? nearestRole(hit, headers) : null)
      ?? (found.length === 2 ? (i === 0 ? 'buyer' : 'seller') : null);
    if (role !== null && result[role] === undefined) result[role] = value;
  });
  return result;
}
