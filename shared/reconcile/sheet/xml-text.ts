/*
 * Text inside spreadsheet XML: XML entities, and OOXML's own escape for characters XML cannot hold (`_x000D_` for
 * a carriage return; `_x005F_` escapes a literal underscore that would otherwise start such an escape).
 */

const ENTITY = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/g;
const NAMED: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const OOXML_ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

/** Decodes XML character references (named and numeric). */
export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(ENTITY, (whole, name: string | undefined, dec: string | undefined, hex: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = dec !== undefined ? Number(dec) : Number.parseInt(hex ?? '', 16);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** Decodes a text value of a cell or shared string: entities, then `_xHHHH_` escapes. */
export function cellXmlText(s: string): string {
  const t = unescapeXml(s);
  return t.includes('_x') ? t.replace(OOXML_ESCAPE, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16))) : t;
}

/** Reads one attribute from the inside of a start tag (`name="value"` or `name='value'`); undefined when absent. */
export function attr(tag: string, name: string): string | undefined {
  let at = 0;
  for (;;) {
    const i = tag.indexOf(name, at);
    if (i === -1) return undefined;
    const before = i === 0 ? ' ' : tag[i - 1];
    const eq = i + name.length;
    if ((before === ' ' || before === '\t' || before === '\n' || before === '\r') && tag[eq] === '=') {
      const quote = tag[eq + 1];
      if (quote === '"' || quote === "'") {
        const end = tag.indexOf(quote, eq + 2);
        if (end !== -1) return tag.slice(eq + 2, end);
      }
    }
    at = i + name.length;
  }
}
