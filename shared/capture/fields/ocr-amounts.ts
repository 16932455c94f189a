// 金额, 税额 and 价税合计 on an engine page, read so that they check each other: the total after (小写), the
// total in capitals after (大写) as a second reading, and the 合计 row's two figures; a set that adds up
// (金额 + 税额 = 价税合计) is confirmed, anything else stays doubtful.
import { fen, type Fen } from '../../domain/money';
import { parseAmountWords } from '../checks/amount-words';
import type { ExtractionBuilder } from '../extracted';
import { moneyValue } from './field-values';
import { findLabel, valuesNear } from './ocr-find';
import { CONFIRMED, LABELLED, SHAPE_ONLY } from './ocr-header';
import { centreY, sameRow, type OcrPage, type PageLine } from './ocr-page';

const MONEY = /-?[¥Y]?-?\d{1,3}(?:,\d{3})+\.\d{2}(?!\d)|-?[¥Y]?-?\d+\.\d{2}(?!\d)/g;

/** A figure and where it stands. */
interface Figure {
  readonly value: Fen;
  readonly x: number;
  readonly line: PageLine;
  readonly yen: boolean;
}

/** The money figures of a line ("¥2564.60", "(小写52.70", "Y196.00"), with their approximate x. */
function figuresIn(line: PageLine): Figure[] {
  const perChar = (line.x1 - line.x0) / Math.max(1, line.text.length);
  return [...line.text.matchAll(MONEY)].flatMap((m) => {
    const raw = m[0].replace(/[¥Y,]/g, '').replace(/^--/, '-');
    const value = moneyValue(raw);
    return value === undefined ? [] : [{ value, x: line.x0 + perChar * m.index, line, yen: /[¥Y]/.test(m[0]) }];
  });
}

/** The first figure of a text (for readings after a label). */
const firstFigure = (text: string): Fen | undefined => {
  const m = /-?[¥Y]?-?\d[\d,]*\.\d{2}(?!\d)/.exec(text);
  return m ? moneyValue(m[0].replace(/[¥Y,]/g, '')) : undefined;
};

/** Reads 金额, 税额 and 价税合计. */
export function readAmounts(page: OcrPage, b: ExtractionBuilder): void {
  const w = page.width;
  const small = findLabel(page.lines, /小写|小[万与马][)）]?|[(（]小|合计金额\(?小写/).flatMap((at) => valuesNear(page.lines, at, firstFigure, w).slice(0, 1)).map((r) => r.value);
  const words = findLabel(page.lines, /大写[)）]?|\(大写|价税合计/).flatMap((at) => valuesNear(page.lines, at, (t) => parseAmountWords(t.replace(/^\(?大写\)?/, '')), w).slice(0, 1)).map((r) => r.value);
  // The 合计 row: the figures right of 合计 (not 价税合计, not 合计金额), left to right.
  const sumLabel = findLabel(page.lines, /^合计$|^合$|(?<!价税)合计(?!金额)/).find((at) => !/价税/.test(at.line.text));
  const sumRow = sumLabel
    ? page.lines.filter((l) => l === sumLabel.line || (sameRow(l, sumLabel.line, 1.2) && l.x0 > sumLabel.line.x0)).flatMap(figuresIn).sort((a, c) => a.x - c.x)
    : [];
  // Figures of the table and totals area, for a set that adds up when the 合计 row was not read.
  const top = page.tableTop ?? 0;
  const bottom = page.totalRow ?? page.height;
  const area = page.lines.filter((l) => centreY(l) > top && centreY(l) <= bottom + 2 * l.h).flatMap(figuresIn);

  const totals = [...new Set([...small, ...words])];
  const pairs: { amount: Fen; tax: Fen; fromRow: boolean }[] = [];
  const [rowAmount, rowTax] = sumRow;
  if (rowAmount && rowTax) pairs.push({ amount: rowAmount.value, tax: rowTax.value, fromRow: true });
  for (const a of area) for (const t of area) if (a !== t && Math.abs(t.value) < Math.abs(a.value)) pairs.push({ amount: a.value, tax: t.value, fromRow: false });

  // A tax figure cut short at its last digit ("¥333.4" at the edge of a photo) counts when total − amount begins with it.
  const partials = page.lines.filter((l) => centreY(l) > top && centreY(l) <= bottom + 2 * l.h)
    .flatMap((l) => [...l.text.matchAll(/[¥Y](-?\d+\.\d)(?!\d)/g)].map((m) => m[1] ?? ''));
  for (const total of totals) {
    const partial = rowAmount && partials.some((p) => ((total - rowAmount.value) / 100).toFixed(2).startsWith(p))
      ? { amount: rowAmount.value, tax: fen(total - rowAmount.value), fromRow: true } : undefined;
    const pair = pairs.find((p) => p.amount + p.tax === total) ?? partial;
    if (!pair) continue;
    b.set('total', total, CONFIRMED);
    b.set('amount', pair.amount, CONFIRMED);
    b.set('tax', pair.tax, CONFIRMED);
    return;
  }
  // No total read (or none that adds up): three figures below the table that add up, the largest printed with ¥.
  const below = page.lines.filter((l) => centreY(l) > top).flatMap(figuresIn);
  const sums = below.filter((f) => f.yen).sort((a, c) => Math.abs(c.value) - Math.abs(a.value));
  for (const total of sums) {
    const pair = below.flatMap((a) => below.filter((t) => t !== a && a !== total && t !== total && Math.abs(t.value) < Math.abs(a.value) && a.value + t.value === total.value).map((t) => ({ a, t })))[0];
    if (!pair || (totals.length > 0 && !totals.includes(total.value))) continue;
    b.set('total', total.value, CONFIRMED);
    b.set('amount', pair.a.value, CONFIRMED);
    b.set('tax', pair.t.value, CONFIRMED);
    return;
  }
  // Nothing adds up: what each reading says, doubtful unless (小写) and (大写) agree.
  const [first] = small;
  if (first !== undefined) b.set('total', first, words.includes(first) ? CONFIRMED : LABELLED);
  else if (words[0] !== undefined) b.set('total', words[0], LABELLED);
  if (rowAmount) b.set('amount', rowAmount.value, SHAPE_ONLY);
  if (rowTax) b.set('tax', rowTax.value, SHAPE_ONLY);
}
