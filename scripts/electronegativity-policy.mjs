// What `npm run security` accepts from electronegativity (pure; tested in build/electronegativity.test.ts).
// A finding above INFORMATIONAL passes only when docs/security.md justifies it: a row of the table under
// JUSTIFICATION_HEADING naming its rule id and its file. A row that no finding uses any more fails too, so the
// document never defends code that is gone.

/** The heading of the justification table in docs/security.md. */
export const JUSTIFICATION_HEADING = '## Electronegativity justifications';

/** Electronegativity's severities, lowest first. */
export const SEVERITIES = ['INFORMATIONAL', 'LOW', 'MEDIUM', 'HIGH'];

/** The file of a finding that belongs to the whole application (electronegativity says "N/A"). */
export const WHOLE_APP = 'N/A';

const RULE_ID = /^[A-Z][A-Z0-9_]*$/;
const unquote = (cell) => cell.trim().replace(/^`(.*)`$/, '$1').trim();

/**
 * The justification rows of `markdown`: `| \`RULE_ID\` | \`path/to/file.ts\` or N/A | why |`.
 * Throws on a malformed row or a missing section, so a typo cannot quietly justify nothing.
 */
export function parseJustifications(markdown) {
  const lines = markdown.split(/\r?\n/);
  const start = lines.findIndex((line) => line.trim() === JUSTIFICATION_HEADING);
  if (start < 0) throw new Error(`docs/security.md has no "${JUSTIFICATION_HEADING}" section`);
  const rows = [];
  for (let i = start + 1; i < lines.length; i++) {
    const line = lines[i]?.trim() ?? '';
    if (/^#{1,2}\s/.test(line)) break;
    if (!line.startsWith('|')) continue;
    const cells = line.replace(/^\|/, '').replace(/\|$/, '').split('|');
    if (cells.every((cell) => /^\s*:?-{3,}:?\s*$/.test(cell))) continue; // the header's separator
    const [ruleCell = '', fileCell = '', ...why] = cells;
    const rule = unquote(ruleCell);
    if (rule === 'Rule id') continue; // the header
    const reason = why.join('|').trim();
    if (!RULE_ID.test(rule)) throw new Error(`line ${i + 1}: "${rule}" is not an electronegativity rule id`);
    if (reason.length < 20) throw new Error(`line ${i + 1}: ${rule} needs a reason (a sentence, not "${reason}")`);
    const file = unquote(fileCell);
    if (file === '') throw new Error(`line ${i + 1}: ${rule} names no file (write N/A for a whole-app finding)`);
    rows.push({ rule, file, reason, line: i + 1 });
  }
  return rows;
}

/**
 * Sorts findings against the justifications: informational findings are only listed, every other one is justified
 * (a row with its rule id and file) or not; rows that match no finding are returned as unused.
 */
export function judgeFindings(findings, justifications) {
  const used = new Set();
  const informational = [];
  const justified = [];
  const unjustified = [];
  for (const finding of findings) {
    if (!SEVERITIES.includes(finding.severity)) throw new Error(`unknown severity ${String(finding.severity)} of ${finding.rule}`);
    if (finding.severity === 'INFORMATIONAL') {
      informational.push(finding);
      continue;
    }
    const row = justifications.find((j) => j.rule === finding.rule && j.file === finding.file);
    if (row) {
      used.add(row);
      justified.push(finding);
    } else {
      unjustified.push(finding);
    }
  }
  const unused = justifications.filter((row) => !used.has(row));
  return { informational, justified, unjustified, unused, ok: unjustified.length === 0 && unused.length === 0 };
}
