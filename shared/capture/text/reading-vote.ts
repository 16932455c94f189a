// Choosing one value among several OCR readings of the same line. On a ~150-dpi scan one glyph of a name flips
// with the crop and the scale (测 read as 汕, 训 or 负), and the wrong readings can agree with each other; the
// LSTM's own per-glyph confidence tells them apart (the flipped glyph scores 40–80, a clean read 85–99), so the
// reading whose weakest glyph is strongest wins, not the majority.
import { normalizeText } from '../../domain/normalize';

/** What OCR read in a region: its text and, when the engine reports them, the recognised glyphs with their confidence (0–100) in reading order. */
export interface RegionText {
  readonly text: string;
  readonly glyphs?: readonly (readonly [glyph: string, confidence: number])[];
}

/** One reading's value (undefined when the reading gave none) and the region text it came from. */
export interface Reading {
  readonly value: string | undefined;
  readonly from: RegionText;
}

/**
 * The lowest confidence among the glyphs that spell `value` in `from` (compared after the same normalisation as
 * field values, whitespace ignored); null when the engine reported no glyphs, 0 when they do not spell it.
 */
export function valueConfidence(value: string, from: RegionText): number | null {
  if (from.glyphs === undefined) return null;
  const chars: string[] = [];
  const confidences: number[] = [];
  for (const [glyph, confidence] of from.glyphs) {
    for (const ch of normalizeText(glyph).replace(/\s+/g, '')) {
      chars.push(ch);
      confidences.push(confidence);
    }
  }
  const target = Array.from(value.replace(/\s+/g, ''));
  if (target.length === 0) return 0;
  for (let at = 0; at + target.length <= chars.length; at++) {
    if (target.every((ch, k) => chars[at + k] === ch)) return Math.min(...confidences.slice(at, at + target.length));
  }
  return 0;
}

/**
 * The best-supported value: the one whose most confident reading has the strongest weakest glyph; without glyph
 * confidences (or on a tie) the value most readings agree on, then the earliest reading.
 */
export function bestReading(readings: readonly Reading[]): string | undefined {
  const scored = readings.flatMap((r) => (r.value === undefined ? [] : [{ value: r.value, confidence: valueConfidence(r.value, r.from) ?? 0 }]));
  const votes = (v: string) => scored.filter((s) => s.value === v).length;
  let best: { value: string; confidence: number } | undefined;
  for (const s of scored) {
    if (best === undefined || s.confidence > best.confidence || (s.confidence === best.confidence && votes(s.value) > votes(best.value))) best = s;
  }
  return best?.value;
}

/** The part of an OCR engine's block tree (tesseract.js `blocks`) that carries glyph confidences. */
export interface GlyphTree {
  readonly paragraphs: readonly { readonly lines: readonly { readonly words: readonly { readonly symbols: readonly { readonly text: string; readonly confidence: number }[] }[] }[] }[];
}

/** The glyphs of a block tree in reading order, each with its confidence. */
export function glyphsOf(blocks: readonly GlyphTree[]): [glyph: string, confidence: number][] {
  return blocks.flatMap((b) => b.paragraphs.flatMap((p) => p.lines.flatMap((l) => l.words.flatMap((w) => w.symbols.map((s): [string, number] => [s.text, s.confidence])))));
}
