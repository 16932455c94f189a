// The capture bench's accuracy report, both text engines side by side on the same files: one Markdown table of
// every set (key fields exact, and wrong values shown as certain — issue #12's "confidently wrong", goal 0), the
// confidently wrong fields listed, the real images per file and field for each engine, then each engine's misses.
import { accuracyReport, confidentlyWrong, perFileTable, percent, shownAs, tally, type Scored } from './capture-accuracy';
import { ENGINE_LABEL, type EngineKey } from './capture-engines';
import { KEY_TRUTH_FIELDS } from './fixtures/truth';

/** One fixture set scored by each engine that ran. */
export interface SetRow {
  readonly name: string;
  /** Key fields exact, % (the issue's or an earlier issue's target); absent = informational. */
  readonly target?: number;
  readonly byEngine: Readonly<Partial<Record<EngineKey, readonly Scored[]>>>;
}

const CONFIDENTLY_WRONG_GOAL = 0;

function verdict(ok: boolean): string {
  return ok ? 'ok' : 'MISSED';
}

/**
 * The side-by-side table: per set and engine, exact/checked, the confidently wrong count, and how many exact values
 * the confirm screen highlights anyway (0 confidently wrong means little when every value is highlighted).
 */
export function sideBySide(rows: readonly SetRow[], engines: readonly EngineKey[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const head = ['set', ...engines.flatMap((e) => [`${ENGINE_LABEL[e]}: exact`, 'confidently wrong', 'exact but highlighted']), 'target'];
  const body = rows.map((r) => {
    const cells = engines.flatMap((e) => {
      const scored = r.byEngine[e];
      if (scored === undefined) return ['—', '—', '—'];
      const t = tally(scored);
      const exactOk = r.target === undefined ? '' : ` ${verdict((100 * t.exact) / Math.max(1, t.checked) >= r.target)}`;
      return [`${t.exact}/${t.checked} = ${percent(t.exact, t.checked)}${exactOk}`, `${t.confidentlyWrong} ${verdict(t.confidentlyWrong <= CONFIDENTLY_WRONG_GOAL)}`, `${t.flaggedRight}/${t.exact}`];
    });
    return line([r.name, ...cells, `${r.target === undefined ? 'exact: informational' : `exact ≥ ${r.target}%`}; confidently wrong ${CONFIDENTLY_WRONG_GOAL}`]);
  });
  return [line(head), line(head.map(() => '---')), ...body].join('\n');
}

/** Per engine: every wrong value shown as certain, and how the other misses split (highlighted wrong, empty). */
export function confidentlyWrongReport(rows: readonly SetRow[], engines: readonly EngineKey[]): string {
  const out: string[] = [];
  for (const e of engines) {
    const scored = rows.flatMap((r) => r.byEngine[e] ?? []);
    const t = tally(scored);
    out.push('', `${ENGINE_LABEL[e]}: ${t.confidentlyWrong} confidently wrong (goal ${CONFIDENTLY_WRONG_GOAL}) of ${t.checked - t.exact} misses — ` +
      `${t.flaggedWrong} wrong but highlighted, ${t.empty} left empty (flagged to type); ${t.flaggedRight} exact values highlighted anyway`);
    const perField = KEY_TRUTH_FIELDS.map((f) => [f, scored.filter((x) => x.fields[f]?.hit === true && x.fields[f].flag !== 'ok').length] as const).filter(([, n]) => n > 0);
    if (perField.length > 0) out.push(`  exact but highlighted, per field: ${perField.map(([f, n]) => `${f} ${n}`).join(', ')}`);
    for (const w of confidentlyWrong(scored)) out.push(`  ${w.file}: ${w.field}: shown ${JSON.stringify(w.got)}, truth ${JSON.stringify(w.want)} — ${shownAs(w.outcome)}`);
  }
  return out.join('\n');
}

/** The whole accuracy report, printed after the timing table. */
export function captureReport(rows: readonly SetRow[], images: SetRow, engines: readonly EngineKey[], notes: readonly string[]): string {
  const legend = '✓ exact, ✗ (what was read) wrong but highlighted or left empty, ✗! (what was read) wrong and SHOWN AS CERTAIN, – not in the truth';
  return [
    '', 'capture accuracy — key fields exact against truth (number, issueDate, total, amount, sellerTaxId, buyerTaxId, sellerName, buyerName, code where printed);',
    '"confidently wrong" = a wrong value the confirm screen shows without a highlight (no conflict, confidence ≥ 0.8: bench/capture-flags.ts);',
    '"exact but highlighted" = right values the clerk is still asked to check', '',
    sideBySide(rows, engines),
    ...notes,
    '', 'confidently wrong fields, every set:',
    confidentlyWrongReport(rows, engines),
    ...engines.map((e) => perFileTable(`${images.name}, ${ENGINE_LABEL[e]} — per file and field (${legend}):`, images.byEngine[e] ?? [])),
    ...engines.map((e) => accuracyReport(rows.map((r) => ({ name: r.name, ...(r.target === undefined ? {} : { target: r.target }), scored: r.byEngine[e] ?? [] })), `${ENGINE_LABEL[e]} — per set: fields, and every miss`)),
  ].join('\n');
}
