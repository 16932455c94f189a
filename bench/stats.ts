/** Median of a non-empty list of timings. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** One printed benchmark figure and the target it is held to. */
export interface BenchRow {
  readonly bench: string;
  readonly metric: string;
  readonly value: number;
  readonly unit: string;
  /** Upper (or, with `atLeast`, lower) bound; undefined when the figure is informational. */
  readonly target?: number;
  readonly atLeast?: boolean;
}

/** Prints rows as an aligned table with a pass/fail column. */
export function printTable(rows: readonly BenchRow[]): void {
  const cells = rows.map((r) => {
    const verdict = r.target === undefined ? '' : (r.atLeast ? r.value >= r.target : r.value <= r.target) ? 'ok' : 'MISSED';
    const target = r.target === undefined ? '' : `${r.atLeast ? '≥' : '<'} ${r.target} ${r.unit}`;
    return [r.bench, r.metric, `${r.value.toFixed(r.value < 10 ? 2 : 1)} ${r.unit}`, target, verdict];
  });
  const head = ['bench', 'metric', 'median', 'target', ''];
  const widths = head.map((h, i) => Math.max(width(h), ...cells.map((c) => width(c[i] ?? ''))));
  const line = (c: readonly string[]) => c.map((x, i) => x + ' '.repeat((widths[i] ?? 0) - width(x))).join('  ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const c of cells) console.log(line(c));
}

/** Display width: CJK characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}
