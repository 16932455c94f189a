// Capture bench accuracy: every file scored field by field against its truth (KEY_TRUTH_FIELDS only — `tax` is
// in the sample truth for the PP-OCR probe, not scored here), the per-set totals, and a per-file table of the real
// images so that one engine's run can be compared with another's cell by cell. Each field also keeps how the
// confirm screen would show it (capture-flags.ts), so a wrong value shown as certain can be counted.
import type { Captured } from '../shared/capture/pipeline';
import { normalizeName } from '../shared/domain/normalize';
import { fieldFlag, saveErrors, type FieldFlag } from './capture-flags';
import { KEY_TRUTH_FIELDS, type KeyTruth } from './fixtures/truth';

export type KeyField = (typeof KEY_TRUTH_FIELDS)[number];

/** One field of one file: read exactly or not, what was read (undefined = nothing) and how the confirm screen flags it. */
export interface FieldOutcome {
  readonly hit: boolean;
  readonly got: string | undefined;
  /** The confirm screen's flag; 'missing' when the capture failed. */
  readonly flag: FieldFlag;
  /** Where the value came from and how sure the reader was, when it was read. */
  readonly origin?: { readonly source: string; readonly confidence: number };
  /** Validation errors the form shows on the field at save (saving is refused while any remain). */
  readonly saveErrors: readonly string[];
}

/** One file's outcome against its truth; fields the truth does not state are absent. */
export interface Scored {
  readonly file: string;
  readonly checked: number;
  readonly exact: number;
  readonly fields: Readonly<Partial<Record<KeyField, FieldOutcome>>>;
  readonly truth: KeyTruth;
}

function yuan(fen: unknown): string | undefined {
  return typeof fen === 'number' ? (fen / 100).toFixed(2) : undefined;
}

/** Scores a capture result (null = the capture failed) against the file's truth; party names compare as the ledger stores them. */
export function score(file: string, truth: KeyTruth, result: Captured | null): Scored {
  const read = result?.extracted.fields ?? {};
  const fields: Partial<Record<KeyField, FieldOutcome>> = {};
  let checked = 0;
  let exact = 0;
  for (const name of KEY_TRUTH_FIELDS) {
    const want = truth[name];
    if (want === undefined) continue;
    const raw: unknown = read[name];
    const got = name === 'amount' || name === 'total' ? yuan(raw) : typeof raw === 'string' ? raw : undefined;
    checked++;
    // Names as the ledger stores them (full-width brackets around Chinese text, NFKC otherwise): the truth
    // transcribes 成都彩虹电器(集团) with ASCII brackets, the reader stores 成都彩虹电器（集团）, and both are the same name.
    const hit = name === 'sellerName' || name === 'buyerName' ? got !== undefined && normalizeName(got) === normalizeName(want) : got === want;
    if (hit) exact++;
    const origin = result?.prefill.fieldSources[name];
    fields[name] = {
      hit, got, flag: result ? fieldFlag(result, name) : 'missing', saveErrors: result ? saveErrors(result, name) : [],
      ...(origin ? { origin: { source: origin.source, confidence: origin.confidence } } : {}),
    };
  }
  return { file, checked, exact, fields, truth };
}

/** A wrong value the confirm screen would show as certain (no highlight): issue #12's goal is none. */
export interface ConfidentlyWrong {
  readonly file: string;
  readonly field: KeyField;
  readonly got: string;
  readonly want: string;
  readonly outcome: FieldOutcome;
}

/** Every key field read wrong (not empty) and flagged 'ok', i.e. shown without a highlight. */
export function confidentlyWrong(scored: readonly Scored[]): ConfidentlyWrong[] {
  return scored.flatMap((x) => KEY_TRUTH_FIELDS.flatMap((field) => {
    const o = x.fields[field];
    const want = x.truth[field];
    return o && !o.hit && o.got !== undefined && o.flag === 'ok' && want !== undefined ? [{ file: x.file, field, got: o.got, want, outcome: o }] : [];
  }));
}

/** Totals of a list of scored files: exact/checked, and the misses split by how the confirm screen shows them. */
export interface Tally {
  readonly checked: number;
  readonly exact: number;
  /** Wrong values shown as certain. */
  readonly confidentlyWrong: number;
  /** Wrong values highlighted (conflict or low confidence). */
  readonly flaggedWrong: number;
  /** Fields left empty (flagged as still to type). */
  readonly empty: number;
  /** Exact values highlighted anyway (work for the clerk, no harm). */
  readonly flaggedRight: number;
}

/** Adds up the outcomes of every scored field. */
export function tally(scored: readonly Scored[]): Tally {
  const all = scored.flatMap((x) => KEY_TRUTH_FIELDS.flatMap((f) => x.fields[f] ?? []));
  const wrong = all.filter((o) => !o.hit && o.got !== undefined);
  return {
    checked: all.length,
    exact: all.filter((o) => o.hit).length,
    confidentlyWrong: wrong.filter((o) => o.flag === 'ok').length,
    flaggedWrong: wrong.filter((o) => o.flag !== 'ok').length,
    empty: all.filter((o) => !o.hit && o.got === undefined).length,
    flaggedRight: all.filter((o) => o.hit && o.flag !== 'ok').length,
  };
}

/** n of d as a percentage with one decimal ("—" when d is 0). */
export function percent(n: number, d: number): string {
  return d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`;
}


function shown(got: string | undefined): string {
  return got === undefined ? '(none)' : JSON.stringify(got);
}

/** How the confirm screen shows a value: as certain, or highlighted and why. */
export function shownAs(o: FieldOutcome): string {
  const origin = o.origin ? ` (${o.origin.source} ${o.origin.confidence.toFixed(2)})` : '';
  const blocked = o.saveErrors.length > 0 ? `; save refused: ${o.saveErrors.join(', ')}` : '';
  return `${o.flag === 'ok' ? 'SHOWN AS CERTAIN' : `highlighted: ${o.flag}`}${origin}${blocked}`;
}

/** One set of scored files with its target (% of key fields exact), if it has one. */
export interface ScoredSet {
  readonly name: string;
  readonly target?: number;
  readonly scored: readonly Scored[];
}

/** The plain-text accuracy table under `title`: one block per fixture set with per-field counts and every miss (and how the confirm screen shows it). */
export function accuracyReport(sets: readonly ScoredSet[], title = 'capture accuracy — key fields exact against truth (number, issueDate, total, amount, sellerTaxId, buyerTaxId, sellerName, buyerName, code where printed)'): string {
  const out: string[] = ['', title];
  for (const s of sets) {
    const checked = s.scored.reduce((a, x) => a + x.checked, 0);
    const exact = s.scored.reduce((a, x) => a + x.exact, 0);
    const verdict = s.target === undefined ? '(informational)' : (100 * exact) / Math.max(1, checked) >= s.target ? `target ≥ ${s.target}%: ok` : `target ≥ ${s.target}%: MISSED`;
    out.push('', `${s.name}: ${exact}/${checked} = ${percent(exact, checked)}  ${verdict}`);
    const fieldLine = KEY_TRUTH_FIELDS.map((f) => {
      const outcomes = s.scored.flatMap((x) => x.fields[f] ?? []);
      return outcomes.length === 0 ? null : `${f} ${outcomes.filter((o) => o.hit).length}/${outcomes.length}`;
    }).filter((x) => x !== null);
    out.push(`  per field: ${fieldLine.join(', ')}`);
    for (const x of s.scored) {
      for (const f of KEY_TRUTH_FIELDS) {
        const o = x.fields[f];
        if (o && !o.hit) out.push(`  miss ${x.file}: ${f}: got ${shown(o.got)}, want ${JSON.stringify(x.truth[f])}${o.got === undefined ? '' : ` — ${shownAs(o)}`}`);
      }
    }
  }
  return out.join('\n');
}

/**
 * Per file and per field, as a Markdown table (paste-ready for docs/bench.md): ✓ exact, ✗ (what was read, or
 * (none)) highlighted or empty on the confirm screen, ✗! (what was read) wrong and shown as certain, – not in the
 * truth; the last column is the file's exact/checked, the last row each field's.
 */
export function perFileTable(title: string, scored: readonly Scored[]): string {
  const cell = (o: FieldOutcome | undefined) => {
    if (o === undefined) return '–';
    if (o.hit) return '✓';
    const read = o.got === undefined ? '(none)' : `(${o.got.replaceAll('|', '\\|')})`;
    return o.got !== undefined && o.flag === 'ok' ? `✗! ${read}` : `✗ ${read}`;
  };
  const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const checked = scored.reduce((a, x) => a + x.checked, 0);
  const exact = scored.reduce((a, x) => a + x.exact, 0);
  const totals = KEY_TRUTH_FIELDS.map((f) => {
    const outcomes = scored.flatMap((x) => x.fields[f] ?? []);
    return outcomes.length === 0 ? '–' : `${outcomes.filter((o) => o.hit).length}/${outcomes.length}`;
  });
  return [
    '', title, '',
    row(['file', ...KEY_TRUTH_FIELDS, 'exact']),
    row(Array.from({ length: KEY_TRUTH_FIELDS.length + 2 }, () => '---')),
    ...scored.map((x) => row([x.file, ...KEY_TRUTH_FIELDS.map((f) => cell(x.fields[f])), `${x.exact}/${x.checked}`])),
    row(['**all**', ...totals, `**${exact}/${checked}** = ${percent(exact, checked)}`]),
  ].join('\n');
}
