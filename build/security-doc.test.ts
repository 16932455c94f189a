// docs/security.md stays true to the code: every `code` at `file:line` reference names a line that holds that code,
// no file:line is written without the code it points at, and each of the 20 items of Electron's checklist is there
// with at least one such reference.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const doc = readFileSync(path.join(root, 'docs', 'security.md'), 'utf8');

/** `code` at `path/file.ext:12` */
const CITATION = /`([^`]+)` at\s+`([\w./-]+\.[a-z]+):(\d+)`/g;
/** Any `path/file.ext:12`, cited properly or not. */
const FILE_LINE = /`([\w./-]+\.[a-z]+):(\d+)`/g;

interface Citation { readonly code: string; readonly file: string; readonly line: number }

function citations(text: string): Citation[] {
  return [...text.matchAll(CITATION)].map((m) => ({ code: m[1] ?? '', file: m[2] ?? '', line: Number(m[3]) }));
}

function linesOf(file: string): string[] {
  return readFileSync(path.join(root, file), 'utf8').split(/\r?\n/);
}

describe('docs/security.md', () => {
  const all = citations(doc);

  it('cites code by file and line', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it('names, at each cited line, the code found there', () => {
    const wrong = all.flatMap(({ code, file, line }) => {
      const lines = linesOf(file);
      if (lines[line - 1]?.includes(code)) return [];
      const now = lines.flatMap((text, i) => (text.includes(code) ? [i + 1] : []));
      return [`\`${code}\` at \`${file}:${line}\` — ${now.length > 0 ? `now at line ${now.join(', ')}` : 'no longer in the file'}`];
    });
    expect(wrong).toEqual([]);
  });

  it('writes no file:line without the code it points at', () => {
    const cited = new Set(all.map((c) => `${c.file}:${c.line}`));
    const bare = [...doc.matchAll(FILE_LINE)].map((m) => `${m[1]}:${m[2]}`).filter((ref) => !cited.has(ref));
    expect(bare).toEqual([]);
  });

  it('answers each of the 20 items of Electron\'s security checklist, each with a checked reference', () => {
    const rows = doc.split('\n').filter((line) => /^\| \d+ \|/.test(line));
    expect(rows.map((row) => Number(/^\| (\d+) \|/.exec(row)?.[1]))).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const withoutReference = rows.filter((row) => citations(row).length === 0);
    expect(withoutReference).toEqual([]);
  });

  it('catches a reference that drifted (the check itself can fail)', () => {
    const drifted = citations('`contextIsolation: true` at `electron/main/security.ts:1`');
    expect(drifted).toEqual([{ code: 'contextIsolation: true', file: 'electron/main/security.ts', line: 1 }]);
    const [first] = drifted;
    expect(first && linesOf(first.file)[first.line - 1]?.includes(first.code)).toBe(false);
  });
});
