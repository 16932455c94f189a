// Finding values on an engine page: what follows a label in its own line, or the nearest line to its right
// (a little lower too: dot-matrix printers shift the printed values against the pre-printed form); and votes
// among readings, so that a value seen twice (the header's 发票号码 and the machine-printed copy beside it)
// counts as confirmed and two different readings count as doubt.
import { centreY, type PageLine } from './ocr-page';

/** A label found in a line: the line and where the label's text ends in it. */
export interface LabelAt {
  readonly line: PageLine;
  readonly end: number;
  readonly label: string;
}

/** Every occurrence of a label pattern (no `g` flag needed) in the lines. */
export function findLabel(lines: readonly PageLine[], pattern: RegExp): LabelAt[] {
  const out: LabelAt[] = [];
  for (const line of lines) {
    const m = pattern.exec(line.text);
    if (m) out.push({ line, end: m.index + m[0].length, label: m[0] });
  }
  return out;
}

/** Readings of what stands after a label: the rest of its line first, then lines to its right, nearest first. */
export function valuesNear<T>(lines: readonly PageLine[], at: LabelAt, read: (text: string) => T | undefined, width: number): Reading<T>[] {
  const out: Reading<T>[] = [];
  const rest = at.line.text.slice(at.end).replace(/^[:：;；.,，、]+/, '');
  const own = rest === '' ? undefined : read(rest);
  if (own !== undefined) out.push({ value: own, line: at.line });
  const l = at.line;
  const labelRight = rest === '' ? l.x1 : l.x0 + ((l.x1 - l.x0) * at.end) / Math.max(1, l.text.length);
  const near = lines
    .filter((o) => o !== l && o.x0 >= labelRight - 0.5 * l.h && o.x0 - labelRight < 0.55 * width)
    .filter((o) => centreY(o) >= l.y0 - 0.3 * l.h && centreY(o) <= l.y1 + 1.3 * l.h)
    .map((o) => ({ o, d: (o.x0 - labelRight) / width + (Math.max(0, centreY(o) - l.y1) / l.h) * 0.25 }))
    .sort((a, b) => a.d - b.d);
  for (const { o } of near) {
    const v = read(o.text);
    if (v !== undefined) out.push({ value: v, line: o });
  }
  return out;
}

/** A value and the line it was read from. */
export interface Reading<T> {
  readonly value: T;
  readonly line: PageLine;
}

/** A candidate value of a field, the line it was read from and the weight of the evidence behind it. */
export interface Vote<T> extends Reading<T> {
  readonly weight: number;
}

/** The outcome of a vote: the winner, how many readings agreed, and whether another value had support. */
export interface Tally<T> {
  readonly value: T;
  readonly weight: number;
  readonly agreeing: number;
  readonly contested: boolean;
}

/** Counts votes by value (compared as JSON); one line counts once per value, with its best weight. */
export function tally<T>(votes: readonly Vote<T>[]): Tally<T> | undefined {
  const by = new Map<string, { value: T; weight: number; agreeing: number; lines: Map<PageLine, number> }>();
  for (const v of votes) {
    const key = JSON.stringify(v.value);
    const e = by.get(key) ?? { value: v.value, weight: 0, agreeing: 0, lines: new Map<PageLine, number>() };
    const before = e.lines.get(v.line);
    if (before === undefined) e.agreeing++;
    e.lines.set(v.line, Math.max(before ?? 0, v.weight));
    e.weight = [...e.lines.values()].reduce((a, w) => a + w, 0);
    by.set(key, e);
  }
  const ranked = [...by.values()].sort((a, b) => b.weight - a.weight);
  const [best, second] = ranked;
  if (!best) return undefined;
  return { value: best.value, weight: best.weight, agreeing: best.agreeing, contested: second !== undefined && second.weight >= 0.5 * best.weight };
}
