// The page as the text engine saw it: lines with boxes, and the invoice's landmarks found among them — the
// items table's header row, the 合计 row, the 价税合计 row and the party blocks. Every VAT layout puts the
// buyer above the items table; the classic layouts put the seller below 价税合计, the 数电 layout puts buyer
// and seller side by side above the table, and roll invoices (卷票) name each party in its labels.
import { normalizeText } from '../../domain/normalize';
import type { OcrLine } from '../text/text-engine';

/** One engine line, normalised (NFKC, no spaces) with its box edges. */
export interface PageLine {
  readonly text: string;
  readonly x0: number;
  readonly y0: number;
  readonly x1: number;
  readonly y1: number;
  readonly h: number;
  readonly score: number;
}

/** Which party a block belongs to. */
export type Party = 'buyer' | 'seller';

/** The landmarks of one page. */
export interface OcrPage {
  readonly lines: readonly PageLine[];
  readonly width: number;
  readonly height: number;
  /** Top of the items table's header row (规格型号 单位 数量 …), or null. */
  readonly tableTop: number | null;
  /** The 价税合计 row's centre, or null. */
  readonly totalRow: number | null;
  /** 数电 layout: buyer and seller blocks side by side; the x that separates them. */
  readonly splitX: number | null;
  /** Labels that name their party (卷票: 销售方名称 … 购买方名称 …): each starts that party's block downwards. */
  readonly namedBlocks: readonly { readonly party: Party; readonly y: number }[];
}

const TABLE_WORDS = ['规格型号', '单位', '数量', '单价', '金额', '税率', '税额', '项目名称', '货物或应税劳务', '服务名称'];

/** Lines of the engine as page lines (blank ones dropped). */
export function toPageLines(lines: readonly OcrLine[]): PageLine[] {
  return lines
    .map((l) => ({
      text: normalizeText(l.text).replace(/\s+/g, ''), x0: l.box.x, y0: l.box.y, x1: l.box.x + l.box.w, y1: l.box.y + l.box.h,
      h: Math.max(1, Math.min(l.box.h, l.box.w)), score: l.score,
    }))
    .filter((l) => l.text !== '');
}

/** The vertical centre of a line. */
export const centreY = (l: PageLine): number => (l.y0 + l.y1) / 2;

/** Whether two lines sit on one row (their centres within half the smaller height… or a little more for photos). */
export function sameRow(a: PageLine, b: PageLine, slack = 0.6): boolean {
  return Math.abs(centreY(a) - centreY(b)) <= slack * Math.max(a.h, b.h);
}

/** The items table's header row: the row with the most table words (at least two). */
function findTableTop(lines: readonly PageLine[]): number | null {
  const headers = lines.filter((l) => TABLE_WORDS.some((w) => l.text.includes(w)) && l.text.length <= 16);
  let best: { count: number; top: number } | null = null;
  for (const h of headers) {
    const row = headers.filter((o) => sameRow(h, o, 0.8));
    const words = new Set(TABLE_WORDS.filter((w) => row.some((o) => o.text.includes(w))));
    if (words.size >= 2 && (best === null || words.size > best.count)) best = { count: words.size, top: Math.min(...row.map((o) => o.y0)) };
  }
  return best?.top ?? null;
}

/** 数电 layout: two 名称 labels (or 购买方信息/销售方信息 headers) on one row, far apart; the x between them. */
function findSplit(lines: readonly PageLine[], width: number): number | null {
  const names = lines.filter((l) => /名称[:：]?/.test(l.text) && !/项目名称|服务名称|劳务/.test(l.text));
  for (const a of names) {
    const b = names.find((o) => o !== a && sameRow(a, o, 0.8) && o.x0 - a.x0 > 0.3 * width);
    if (b) return (a.x1 + b.x0) / 2;
  }
  const buyer = lines.find((l) => /购买方信息|购方信息/.test(l.text));
  const seller = lines.find((l) => /销售方信息|销方信息/.test(l.text));
  return buyer && seller && seller.x0 - buyer.x1 > 0.2 * width ? (buyer.x1 + seller.x0) / 2 : null;
}

/** Finds the landmarks of a page. */
export function readPage(lines: readonly OcrLine[]): OcrPage {
  const page = toPageLines(lines);
  const width = Math.max(1, ...page.map((l) => l.x1));
  const height = Math.max(1, ...page.map((l) => l.y1));
  const total = page.find((l) => /价税合计/.test(l.text));
  const namedBlocks = page.flatMap((l) => {
    const m = /^(购买方|销售方)名称/.exec(l.text);
    return m ? [{ party: m[1] === '购买方' ? 'buyer' as const : 'seller' as const, y: l.y0 }] : [];
  });
  const named = new Set(namedBlocks.map((n) => n.party)).size === 2 ? namedBlocks : [];
  return { lines: page, width, height, tableTop: findTableTop(page), totalRow: total ? centreY(total) : null, splitX: findSplit(page, width), namedBlocks: named };
}

/** The party whose block holds a position: by a label's own prefix first, then by the page's layout. */
export function partyAt(page: OcrPage, line: PageLine, labelText = ''): Party | null {
  if (/^(购买方|购方|买方)/.test(labelText)) return 'buyer';
  if (/^(销售方|销方|卖方)/.test(labelText)) return 'seller';
  const y = centreY(line);
  if (page.namedBlocks.length > 0 && (page.tableTop === null || y < page.tableTop)) {
    const above = page.namedBlocks.filter((n) => n.y <= y + 0.5 * line.h).sort((a, b) => b.y - a.y)[0];
    if (above) return above.party;
  }
  if (page.splitX !== null && (page.tableTop === null || y < page.tableTop)) return line.x0 < page.splitX ? 'buyer' : 'seller';
  if (page.tableTop !== null && y < page.tableTop) return 'buyer';
  if (page.totalRow !== null && y > page.totalRow + 0.5 * line.h) return 'seller';
  return null;
}
