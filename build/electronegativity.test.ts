// npm run security (scripts/electronegativity.mjs): the justification rules on their own, then the real scanner on a
// throwaway Electron main file with web security and the sandbox off, and on this repository against docs/security.md.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import {
  JUSTIFICATION_HEADING, judgeFindings, parseJustifications, type Finding,
} from '../scripts/electronegativity-policy.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const run = promisify(execFile);

function finding(rule: string, file: string, severity: Finding['severity'] = 'MEDIUM'): Finding {
  return { rule, severity, confidence: 'FIRM', file, line: 8, column: 17, description: 'd', manualReview: false };
}

const DOC = `# Security

## Something else

| Rule id | File | Why |
| --- | --- | --- |
| \`NOT_A_JUSTIFICATION\` | \`x.ts\` | this table is in another section and does not count |

${JUSTIFICATION_HEADING}

Some words first.

| Rule id | File | Why it is accepted |
| --- | --- | --- |
| \`SANDBOX_JS_CHECK\` | \`electron/main/main-window.ts\` | the preferences come from one constant | tested elsewhere |
| CSP_GLOBAL_CHECK | N/A | the policy is a response header the scanner does not look for |

## After

| \`IGNORED_RULE\` | \`y.ts\` | a table after the section is not read either |
`;

describe('parseJustifications', () => {
  it('reads the rows of its own section only, with rule id, file and the whole reason', () => {
    expect(parseJustifications(DOC)).toEqual([
      { rule: 'SANDBOX_JS_CHECK', file: 'electron/main/main-window.ts', reason: 'the preferences come from one constant | tested elsewhere', line: 15 },
      { rule: 'CSP_GLOBAL_CHECK', file: 'N/A', reason: 'the policy is a response header the scanner does not look for', line: 16 },
    ]);
  });

  it('refuses a document without the section, a bad rule id, a missing file or a missing reason', () => {
    expect(() => parseJustifications('# Security\n')).toThrow(/no "## Electronegativity justifications" section/);
    const withRow = (row: string) => `${JUSTIFICATION_HEADING}\n\n| Rule id | File | Why |\n| --- | --- | --- |\n${row}\n`;
    expect(() => parseJustifications(withRow('| sandbox check | `a.ts` | a reason that is long enough |'))).toThrow(/not an electronegativity rule id/);
    expect(() => parseJustifications(withRow('| `SANDBOX_JS_CHECK` | | a reason that is long enough |'))).toThrow(/names no file/);
    expect(() => parseJustifications(withRow('| `SANDBOX_JS_CHECK` | `a.ts` | ok |'))).toThrow(/needs a reason/);
  });
});

describe('judgeFindings', () => {
  const rows = parseJustifications(DOC);

  it('passes a finding justified by its rule id and file', () => {
    const verdict = judgeFindings([finding('SANDBOX_JS_CHECK', 'electron/main/main-window.ts'), finding('CSP_GLOBAL_CHECK', 'N/A', 'HIGH')], rows);
    expect(verdict).toMatchObject({ ok: true, unjustified: [], unused: [] });
    expect(verdict.justified).toHaveLength(2);
  });

  it('fails a finding nobody justified, and the same rule in another file', () => {
    const verdict = judgeFindings([
      finding('SANDBOX_JS_CHECK', 'electron/main/main-window.ts'),
      finding('CSP_GLOBAL_CHECK', 'N/A', 'LOW'),
      finding('NODE_INTEGRATION_JS_CHECK', 'electron/main/main-window.ts', 'HIGH'),
      finding('SANDBOX_JS_CHECK', 'electron/main/other-window.ts'),
    ], rows);
    expect(verdict.ok).toBe(false);
    expect(verdict.unjustified.map((f) => `${f.rule} ${f.file}`)).toEqual([
      'NODE_INTEGRATION_JS_CHECK electron/main/main-window.ts', 'SANDBOX_JS_CHECK electron/main/other-window.ts',
    ]);
  });

  it('lists informational findings without asking for a justification', () => {
    const verdict = judgeFindings([
      finding('SANDBOX_JS_CHECK', 'electron/main/main-window.ts'), finding('CSP_GLOBAL_CHECK', 'N/A'),
      finding('AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK', 'package.json', 'INFORMATIONAL'),
    ], rows);
    expect(verdict.ok).toBe(true);
    expect(verdict.informational.map((f) => f.rule)).toEqual(['AVAILABLE_SECURITY_FIXES_GLOBAL_CHECK']);
  });

  it('fails a justification no finding needs any more, so the document cannot defend code that is gone', () => {
    const verdict = judgeFindings([finding('SANDBOX_JS_CHECK', 'electron/main/main-window.ts')], rows);
    expect(verdict.ok).toBe(false);
    expect(verdict.unused.map((row) => row.rule)).toEqual(['CSP_GLOBAL_CHECK']);
  });

  it('refuses a severity it does not know instead of letting it through', () => {
    expect(() => judgeFindings([{ ...finding('X_CHECK', 'a.ts'), severity: 'CRITICAL' as Finding['severity'] }], [])).toThrow(/unknown severity/);
  });
});

describe('scripts/electronegativity.mjs', () => {
  const dirs: string[] = [];
  afterEach(async () => { await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true }))); });

  async function security(args: string[]): Promise<{ code: number; output: string }> {
    try {
      const { stdout, stderr } = await run(process.execPath, [path.join(root, 'scripts', 'electronegativity.mjs'), ...args], { cwd: root });
      return { code: 0, output: stdout + stderr };
    } catch (error) {
      const e = error as { code: number; stdout: string; stderr: string };
      return { code: e.code, output: e.stdout + e.stderr };
    }
  }

  it('fails on a real finding until docs justify it, then passes', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'fapiao-electronegativity-'));
    dirs.push(dir);
    await writeFile(path.join(dir, 'main.js'), [
      "const { BrowserWindow } = require('electron');",
      'const win = new BrowserWindow({ webPreferences: { sandbox: false, webSecurity: false } });',
      "win.loadURL('app://fapiao/index.html');",
      '',
    ].join('\n'));
    const doc = path.join(dir, 'security.md');
    await writeFile(doc, `${JUSTIFICATION_HEADING}\n\n| Rule id | File | Why |\n| --- | --- | --- |\n`);
    const json = path.join(dir, 'findings.json');

    const refused = await security(['--input', dir, '--doc', doc, '--json', json]);
    expect(refused.code).toBe(1);
    expect(refused.output).toMatch(/NOT JUSTIFIED WEB_SECURITY_JS_CHECK MEDIUM\/CERTAIN .*main\.js:2:66/);
    expect(refused.output).toMatch(/NOT JUSTIFIED SANDBOX_JS_CHECK MEDIUM\/FIRM .*main\.js:2:50/);
    const { findings } = JSON.parse(await readFile(json, 'utf8')) as { findings: Finding[] };
    const above = findings.filter((f) => f.severity !== 'INFORMATIONAL');
    expect(above.map((f) => f.rule)).toEqual(expect.arrayContaining(['WEB_SECURITY_JS_CHECK', 'SANDBOX_JS_CHECK', 'LIMIT_NAVIGATION_GLOBAL_CHECK']));

    const rows = [...new Map(above.map((f) => [`${f.rule} ${f.file}`, f])).values()]
      .map((f) => `| \`${f.rule}\` | \`${f.file}\` | accepted for this test only, to see the run pass |`);
    await writeFile(doc, `${JUSTIFICATION_HEADING}\n\n| Rule id | File | Why |\n| --- | --- | --- |\n${rows.join('\n')}\n`);
    const accepted = await security(['--input', dir, '--doc', doc]);
    expect(accepted.output).toMatch(/0 not justified, 0 unused justification\(s\)/);
    expect(accepted.code).toBe(0);
  }, 30_000);

  it('passes on electron/ with docs/security.md, reaching no network', async () => {
    const result = await security([]);
    expect(result.output).toMatch(/over electron: \d+ finding\(s\) above informational, \d+ justified in docs\/security\.md, 0 not justified, 0 unused justification\(s\), \d+ informational, 0 parse error\(s\)/);
    expect(result.output).not.toMatch(/translations|connectivity|releases/i);
    expect(result.code).toBe(0);
  }, 30_000);
});
