// Following one printed rule to its ends. Paper in a phone photo is seldom flat: a fold kinks a rule by a
// degree or two and a curled edge bends it, so a straight line through its middle leaves the ink before the
// rule ends. The tracer walks along the ridge pixels from a point on the rule, steering by the direction of the
// last few dozen pixels, bridges short gaps (a seal, glare) and stops where the ink stops; the direction of
// each end is fitted to its last stretch, so that two ends meeting in a corner give the corner precisely.
import { inkAt, type WorkingGrey } from './ridge-mask';

/** A straight line in run coordinates: b = c + m·a (a along the rule, b across it). */
export interface Line {
  readonly c: number;
  readonly m: number;
}

/** One end of a traced rule: where the ink stops (run coordinates) and the rule's direction there. */
export interface RuleEnd {
  readonly a: number;
  readonly b: number;
  readonly tangent: Line;
}

/** A traced rule: its two ends (the smaller a first), its length along a, and the rule's centre at each inked a. */
export interface TracedRule {
  readonly vertical: boolean;
  readonly ends: readonly [RuleEnd, RuleEnd];
  readonly length: number;
  readonly as: readonly number[];
  readonly bs: readonly number[];
}

const STEER_WINDOW = 48;
/** The most the heading turns per re-steer (every 4 pixels): a bend, not a jump onto text. */
const MAX_TURN = 0.02;
/** The share of a rule's length at each end whose pixels give that end's direction. */
const END_SHARE = 0.25;

/** Least-squares line through points (a, b); the fallback when they are too few or all at one a. */
function fitLine(as: readonly number[], bs: readonly number[], fallback: Line): Line {
  const n = as.length;
  if (n < 4) return fallback;
  let sa = 0, sb = 0, saa = 0, sab = 0;
  for (let i = 0; i < n; i++) {
    const a = as[i] ?? 0, b = bs[i] ?? 0;
    sa += a; sb += b; saa += a * a; sab += a * b;
  }
  const den = n * saa - sa * sa;
  if (Math.abs(den) < 1e-9) return fallback;
  const m = (n * sab - sa * sb) / den;
  return { c: (sb - m * sa) / n, m };
}

/** A line fitted twice more to the points within 1.5 px of the previous fit (a stray stretch at the end does not tilt it). */
export function robustFit(as: readonly number[], bs: readonly number[], fallback: Line): Line {
  let line = fitLine(as, bs, fallback);
  for (let round = 0; round < 2; round++) {
    const keep = as.map((a, i) => Math.abs((bs[i] ?? 0) - (line.c + line.m * a)) <= 1.5);
    line = fitLine(as.filter((_, i) => keep[i]), bs.filter((_, i) => keep[i]), line);
  }
  return line;
}

/** The inked points met walking from (a, b) in direction `dir` (+1 or −1 along a), steering along the ink. */
function walk(mask: Uint8Array, w: WorkingGrey, vertical: boolean, start: { a: number; b: number; m: number }, dir: 1 | -1, maxGap: number): { as: number[]; bs: number[] } {
  const along = vertical ? w.height : w.width;
  const as: number[] = [];
  const bs: number[] = [];
  let b = start.b;
  let m = start.m;
  let gap = 0;
  for (let a = start.a + dir; a >= 0 && a < along; a += dir) {
    b += m * dir;
    // The ink within two pixels across the predicted position; its middle is the rule's centre here.
    let sum = 0;
    let count = 0;
    const centre = Math.round(b);
    for (let k = centre - 2; k <= centre + 2; k++) if (inkAt(mask, w, vertical, a, k)) { sum += k; count++; }
    if (count === 0 || count > 3) {
      // Nothing here, or a blot across the rule (text, a seal): a gap to bridge at the current heading.
      if (++gap > maxGap) break;
      continue;
    }
    gap = 0;
    const found = sum / count;
    // Pulled halfway to the ink, so that one stray pixel of text touching the rule does not turn it.
    b += (found - b) / 2;
    as.push(a);
    bs.push(found);
    if (as.length >= 8 && as.length % 4 === 0) {
      const turned = fitLine(as.slice(-STEER_WINDOW), bs.slice(-STEER_WINDOW), { c: 0, m }).m;
      m += Math.max(-MAX_TURN, Math.min(MAX_TURN, turned - m));
    }
  }
  return { as, bs };
}

/**
 * The rule through (a, b) with slope m traced both ways to where its ink stops, or null when (a, b) is not on
 * ink. Gaps up to `maxGap` pixels are bridged.
 */
export function traceRule(mask: Uint8Array, w: WorkingGrey, vertical: boolean, a: number, b: number, m: number, maxGap: number): TracedRule | null {
  let startB: number | null = null;
  for (const k of [0, -1, 1, -2, 2]) if (startB === null && inkAt(mask, w, vertical, a, Math.round(b) + k)) startB = Math.round(b) + k;
  if (startB === null) return null;
  const back = walk(mask, w, vertical, { a, b: startB, m }, -1, maxGap);
  const ahead = walk(mask, w, vertical, { a, b: startB, m }, 1, maxGap);
  const as = [...back.as.reverse(), a, ...ahead.as];
  const bs = [...back.bs.reverse(), startB, ...ahead.bs];
  const first = as[0] ?? a;
  const last = as.at(-1) ?? a;
  const length = last - first;
  const endPoints = Math.max(6, Math.round(END_SHARE * as.length));
  const whole = fitLine(as, bs, { c: b - m * a, m });
  const end = (from: number, to: number, at: number): RuleEnd => {
    const tangent = robustFit(as.slice(from, to), bs.slice(from, to), whole);
    return { a: at, b: tangent.c + tangent.m * at, tangent };
  };
  return { vertical, ends: [end(0, endPoints, first), end(as.length - endPoints, as.length, last)], length, as, bs };
}
