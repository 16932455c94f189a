// The long rules of a page, found on the ridge mask of a small grey copy (ridge-mask.ts). Ridge pixels
// vote in a Hough transform restricted to near-horizontal and near-vertical directions (a photo tilts the
// frame's sides by perspective, seldom by more than ~25°); each strong line is walked to find where its rule
// actually runs, then traced to its ends (rule-trace.ts). Text strokes are short and vote little.
import { inkAt, type WorkingGrey } from './ridge-mask';
import { traceRule, type TracedRule } from './rule-trace';

const MAX_TILT_DEGREES = 25;
const TILT_STEP_DEGREES = 0.5;
/** A rule at least this share of the image's extent along it; shorter ones are cells' inner rules or text. */
const MIN_RULE_SHARE = 0.2;
const MAX_PEAKS = 40;

/** The strongest distinct lines of the Hough accumulator as (c, m) in run coordinates. */
function houghLines(mask: Uint8Array, w: WorkingGrey, vertical: boolean): { c: number; m: number }[] {
  const along = vertical ? w.height : w.width;
  const across = vertical ? w.width : w.height;
  const slopes: number[] = [];
  for (let t = -MAX_TILT_DEGREES; t <= MAX_TILT_DEGREES + 1e-9; t += TILT_STEP_DEGREES) slopes.push(Math.tan((t * Math.PI) / 180));
  // The line b = c + m·a is binned by c (its crossing of a = 0), one bin per pixel; c spans across ± along·max slope.
  const reach = Math.ceil(along * Math.tan((MAX_TILT_DEGREES * Math.PI) / 180)) + 1;
  const bins = across + 2 * reach;
  const acc = new Uint32Array(slopes.length * bins);
  for (let y = 0; y < w.height; y++) {
    for (let x = 0; x < w.width; x++) {
      if (mask[y * w.width + x] !== 1) continue;
      const a = vertical ? y : x;
      const b = vertical ? x : y;
      for (let s = 0; s < slopes.length; s++) {
        const bin = Math.round(b - (slopes[s] ?? 0) * a) + reach;
        acc[s * bins + bin] = (acc[s * bins + bin] ?? 0) + 1;
      }
    }
  }
  // A tilted one-pixel rule spreads over neighbouring bins: peaks are judged on three bins summed.
  const minVotes = MIN_RULE_SHARE * along;
  const peaks: { c: number; m: number; votes: number }[] = [];
  for (let s = 0; s < slopes.length; s++) {
    for (let bin = 1; bin < bins - 1; bin++) {
      const k = s * bins + bin;
      const votes = (acc[k - 1] ?? 0) + (acc[k] ?? 0) + (acc[k + 1] ?? 0);
      if (votes < minVotes || (acc[k] ?? 0) < (acc[k - 1] ?? 0) || (acc[k] ?? 0) < (acc[k + 1] ?? 0)) continue;
      peaks.push({ c: bin - reach, m: slopes[s] ?? 0, votes });
    }
  }
  peaks.sort((p, q) => q.votes - p.votes);
  // One line per rule: a peak within a few pixels of a stronger one at both ends of the image is the same rule.
  const kept: { c: number; m: number }[] = [];
  for (const p of peaks) {
    if (kept.length >= MAX_PEAKS) break;
    const same = kept.some((q) => Math.abs(p.c - q.c) <= 4 && Math.abs(p.c + p.m * along - (q.c + q.m * along)) <= 4);
    if (!same) kept.push(p);
  }
  return kept;
}

/** Where along the line a rule runs: the longest stretch of ridge pixels, bridging gaps (a seal, a fold, blur). */
function ruleSpan(mask: Uint8Array, w: WorkingGrey, vertical: boolean, c: number, m: number): { a0: number; a1: number } | null {
  const along = vertical ? w.height : w.width;
  const smallGap = Math.max(6, Math.round(along / 80));
  const runs: { a0: number; a1: number }[] = [];
  let start = -1;
  let last = -1;
  for (let a = 0; a < along; a++) {
    const b = Math.round(c + m * a);
    if (!inkAt(mask, w, vertical, a, b) && !inkAt(mask, w, vertical, a, b - 1) && !inkAt(mask, w, vertical, a, b + 1)) continue;
    if (start < 0 || a - last > smallGap) {
      if (start >= 0) runs.push({ a0: start, a1: last });
      start = a;
    }
    last = a;
  }
  if (start >= 0) runs.push({ a0: start, a1: last });
  // Pieces of one rule interrupted by something wider than a small gap are joined when the gap is short beside them.
  const joined: { a0: number; a1: number }[] = [];
  for (const r of runs) {
    const prev = joined.at(-1);
    if (prev && r.a0 - prev.a1 <= 0.25 * Math.min(prev.a1 - prev.a0, r.a1 - r.a0)) joined[joined.length - 1] = { a0: prev.a0, a1: r.a1 };
    else joined.push(r);
  }
  let best: { a0: number; a1: number } | null = null;
  for (const r of joined) if (!best || r.a1 - r.a0 > best.a1 - best.a0) best = r;
  return best && best.a1 - best.a0 >= MIN_RULE_SHARE * along ? best : null;
}

/** The long rules of one direction on the working copy, each traced to its ends (duplicates of one rule dropped). */
export function findRules(mask: Uint8Array, w: WorkingGrey, vertical: boolean): TracedRule[] {
  const along = vertical ? w.height : w.width;
  const maxGap = Math.max(6, Math.round(along / 60));
  const rules: TracedRule[] = [];
  for (const line of houghLines(mask, w, vertical)) {
    const span = ruleSpan(mask, w, vertical, line.c, line.m);
    if (!span) continue;
    const a = Math.round((span.a0 + span.a1) / 2);
    const rule = traceRule(mask, w, vertical, a, line.c + line.m * a, line.m, maxGap);
    if (!rule || rule.length < MIN_RULE_SHARE * along) continue;
    const same = rules.some((r) => r.ends.every((e, i) => Math.abs(e.a - (rule.ends[i]?.a ?? 0)) <= 3 && Math.abs(e.b - (rule.ends[i]?.b ?? 0)) <= 3));
    if (!same) rules.push(rule);
  }
  return rules;
}
