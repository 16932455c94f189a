// Finding labels in lines of positioned text and the values printed next to them.
// A value is looked for, in order: after the label in the same segment ("发票号码：2351…"), in the following
// segments of the line, on a neighbouring baseline to the right (values drawn a little off the label's
// baseline), and just below the label. The caller's reader accepts the first candidate that parses.
import type { TextLine, TextSegment } from '../text/text-items';

/** Where a label was found. */
export interface LabelHit {
  readonly lineIndex: number;
  readonly line: TextLine;
  /** Character offsets of the label in line.text. */
  readonly start: number;
  readonly end: number;
  /** Geometry of the label's first and last segment. */
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
}

/** The segment containing character offset `at` of line.text. */
function segmentAt(line: TextLine, at: number): TextSegment | undefined {
  let offset = 0;
  for (const s of line.segments) {
    if (at < offset + s.text.length) return s;
    offset += s.text.length + 1;
  }
  return line.segments.at(-1);
}

/** Finds every occurrence of a label (a regex with the g flag) in the lines. */
export function findLabels(lines: readonly TextLine[], pattern: RegExp): LabelHit[] {
  const hits: LabelHit[] = [];
  lines.forEach((line, lineIndex) => {
    for (const m of line.text.matchAll(pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      const first = segmentAt(line, start);
      const last = segmentAt(line, Math.max(start, end - 1));
      if (!first || !last) continue;
      hits.push({ lineIndex, line, start, end, x0: first.x0, x1: last.x1, y: first.y });
    }
  });
  return hits;
}

/** Strips the colon and spaces that follow a label (OCR reads a colon as a semicolon now and then). */
const afterColon = (text: string): string => text.replace(/^[\s:：;；]+/, '');

/** Candidate value texts for a label, nearest first. */
export function valueCandidates(lines: readonly TextLine[], hit: LabelHit): string[] {
  const { line } = hit;
  const h = line.height;
  const out: string[] = [];
  const rest = line.text.slice(hit.end);
  const tab = rest.indexOf('\t');
  const sameSegment = afterColon(tab < 0 ? rest : rest.slice(0, tab));
  if (sameSegment !== '') out.push(sameSegment);
  const labelEnd = hit.x1;
  // Segments further right on the same line, nearest first.
  const right = line.segments.filter((s) => s.x0 >= labelEnd - h * 0.5);
  out.push(...right.map((s) => afterColon(s.text)));
  // Neighbouring baselines: values drawn slightly above or below the label's baseline.
  for (const other of lines) {
    if (other === line || other.page !== line.page || Math.abs(other.y - line.y) > 1.6 * h) continue;
    const near = other.segments.filter((s) => s.x0 >= labelEnd - h * 0.5 && s.x0 - labelEnd < 12 * h);
    out.push(...near.map((s) => afterColon(s.text)));
  }
  // Just below the label, overlapping it horizontally.
  const below = lines.filter((o) => o.page === line.page && o.y > line.y + 0.5 * h && o.y - line.y < 2.6 * h);
  for (const other of below) {
    out.push(...other.segments.filter((s) => s.x1 > hit.x0 - h && s.x0 < labelEnd + 4 * h).map((s) => afterColon(s.text)));
  }
  return out.filter((t) => t !== '');
}

/** The first candidate the reader accepts, or undefined. */
export function readNear<T>(lines: readonly TextLine[], hit: LabelHit, read: (text: string) => T | undefined): T | undefined {
  for (const candidate of valueCandidates(lines, hit)) {
    const v = read(candidate);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Reads the first occurrence of a label whose value parses. */
export function readLabel<T>(lines: readonly TextLine[], pattern: RegExp, read: (text: string) => T | undefined): T | undefined {
  for (const hit of findLabels(lines, pattern)) {
    const v = readNear(lines, hit, read);
    if (v !== undefined) return v;
  }
  return undefined;
}
