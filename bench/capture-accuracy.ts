// Capture bench accuracy: every file scored field by field against its truth (KEY_TRUTH_FIELDS only — `tax` is
// in the sample truth for the PP-OCR probe, not scored here), the per-set totals, and a per-file table of the real
// images so that one engine's run can be compared with another's cell by cell.
import type { Captured } from '../shared/capture/pipeline';
import { KEY_TRUTH_FIELDS, type KeyTruth } from './fixtures/truth';

type KeyField = (typeof KEY_TRUTH_FIELDS)[number];

/** One field of one file: read exactly or not, and what was read (undefined = nothing). */
interface FieldOutcome {
  readonly hit: boolean;
  readonly got: string | undefined;
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

/** Scores a capture result (null = the capture failed) against the file's truth. */
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
    const hit = got === want;
    if (hit) exact++;
    fields[name] = { hit, got };
  }
  return { file, checked, exact, fields, truth };
}

function percent(n: number, d: number): string {
  return d === 0 ? '—' : `${((100 * n) / d).toFixed(1)}%`;
}

function shown(got: string | undefined): string {
  return got === undefined ? '(none)' : JSON.stringify(got);
}

/** One set of scored files with its target (% of key fields exact), if it has one. */
export interface ScoredSet {
  readonly name: string;
  readonly target?: number;
  readonly scored: readonly Scored[];
}

/** The plain-text accuracy table: one block per fixture set with per-field counts and every miss. */
export function accuracyReport(sets: readonly ScoredSet[]): string {
  const out: string[] = ['', 'capture accuracy — key fields exact against truth (number, issueDate, total, amount, sellerTaxId, buyerTaxId, sellerName, buyerName, code where printed)'];
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
        if (o && !o.hit) out.push(`  miss ${x.file}: ${f}: got ${shown(o.got)}, want ${JSON.stringify(x.truth[f])}`);
      }
    }
  }
  return out.join('\n');
}

/**
 * Per file and per field, as a Markdown table (paste-ready for docs/bench.md): ✓ exact, ✗ (what was read, or
 * (none)), – not in the truth; the last column is the file's exact/checked, the last row each field's.
 */
export function perFileTable(title: string, scored: readonly Scored[]): string {
  const cell = (o: FieldOutcome | undefined) => (o === undefined ? '–' : o.hit ? '✓' : `✗ ${o.got === undefined ? '(none)' : `(${o.got.replaceAll('|', '\\|')})`}`);
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
