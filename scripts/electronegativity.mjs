// `npm run security`: runs electronegativity over electron/ and fails on any finding above INFORMATIONAL that
// docs/security.md does not justify (scripts/electronegativity-policy.mjs). Electronegativity's CLI exits 0 whatever
// it finds, so its findings are read and judged here.
//
// It is run through its programmatic entry (the package's "main"), not its CLI, because the CLI
//  - downloads translations and Electron's release list from the internet on every run (this must work offline and
//    must not reach out from a test): both fetches are replaced by the bundled English texts and a refusal, and the
//    release check (AvailableSecurityFixesGlobalCheck) is left out — the Electron version is pinned in
//    build/electron-builder.config.cjs and upgraded deliberately;
//  - writes its CSV with two unordered asynchronous writes (header and rows), which can overwrite findings, and its
//    SARIF without severities.
//
// Usage: node scripts/electronegativity.mjs [--input DIR] [--doc FILE] [--json FILE]
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire, Module } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeFindings, parseJustifications, WHOLE_APP } from './electronegativity-policy.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && process.argv[at + 1] ? path.resolve(process.argv[at + 1]) : fallback;
}

/** Puts `exports` in require's cache under `file`, so electronegativity gets it instead of the real module. */
function substitute(file, exports) {
  const module = new Module(file);
  module.filename = file;
  module.exports = exports;
  module.loaded = true;
  require.cache[file] = module;
}

/** Loads electronegativity's runner with its network access replaced (see the header). */
function loadElectronegativity() {
  const runnerFile = require.resolve('@doyensec/electronegativity');
  const fromPackage = createRequire(runnerFile);
  const i18nFile = fromPackage.resolve('./locales/i18n.js');
  const i18n = fromPackage('i18n');
  substitute(fromPackage.resolve('got'), Object.assign(
    () => Promise.reject(new Error('network access is disabled in npm run security')),
    { head: () => Promise.reject(new Error('network access is disabled in npm run security')) },
  ));
  substitute(i18nFile, () => {
    i18n.configure({
      locales: ['en-US'], defaultLocale: 'en-US', directory: path.dirname(i18nFile),
      updateFiles: false, objectNotation: true, retryInDefaultLocale: true, register: globalThis,
    });
    i18n.setLocale('en-US');
    return Promise.resolve();
  });
  return { run: fromPackage(runnerFile), version: fromPackage('../package.json').version };
}

/** The findings of one electronegativity run over `input`, files relative to the repository. */
async function scan(input, electronVersion) {
  const { run, version } = loadElectronegativity();
  const result = await run({
    input,
    isRelative: false,
    customScan: [],
    excludeFromScan: ['AvailableSecurityFixesGlobalCheck'],
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  }, false);
  const findings = result.issues.map((issue) => ({
    rule: issue.id,
    severity: issue.severity.name,
    confidence: issue.confidence.name,
    file: issue.file === WHOLE_APP ? WHOLE_APP : path.relative(root, issue.file).split(path.sep).join('/'),
    line: issue.location.line,
    column: issue.location.column,
    description: issue.description,
    manualReview: Boolean(issue.manualReview),
  }));
  const checks = result.globalChecks + result.atomicChecks;
  return { version, checks, findings, errors: result.errors };
}

async function main() {
  const started = performance.now();
  const input = option('--input', path.join(root, 'electron'));
  const doc = option('--doc', path.join(root, 'docs', 'security.md'));
  const json = option('--json', undefined);
  const { electronVersion } = require(path.join(root, 'build', 'electron-builder.config.cjs'));

  const { version, checks, findings, errors } = await scan(input, electronVersion);
  const verdict = judgeFindings(findings, parseJustifications(await readFile(doc, 'utf8')));
  if (json) await writeFile(json, `${JSON.stringify({ version, electronVersion, checks, findings, errors }, null, 2)}\n`);

  const where = (f) => `${f.file}${f.file === WHOLE_APP ? '' : `:${f.line}:${f.column}`}`;
  for (const f of verdict.justified) console.log(`  justified    ${f.rule} ${f.severity}/${f.confidence} ${where(f)}`);
  for (const f of verdict.informational) console.log(`  info         ${f.rule} ${where(f)}`);
  for (const f of verdict.unjustified) console.error(`  NOT JUSTIFIED ${f.rule} ${f.severity}/${f.confidence} ${where(f)}: ${f.description}`);
  for (const row of verdict.unused) console.error(`  UNUSED ROW   ${path.relative(root, doc)}:${row.line} justifies ${row.rule} in ${row.file}, which electronegativity no longer reports: remove the row`);
  // A file it cannot parse is a file it did not check.
  for (const e of errors) console.error(`  PARSE ERROR  ${path.relative(root, e.file)}: ${e.message}`);

  const above = verdict.justified.length + verdict.unjustified.length;
  console.log(
    `electronegativity ${version} (Electron ${electronVersion}, ${checks} checks) over ${path.relative(root, input) || '.'}: ` +
    `${above} finding(s) above informational, ${verdict.justified.length} justified in ${path.relative(root, doc)}, ` +
    `${verdict.unjustified.length} not justified, ${verdict.unused.length} unused justification(s), ` +
    `${verdict.informational.length} informational, ${errors.length} parse error(s); ${Math.round(performance.now() - started)} ms`,
  );
  if (!verdict.ok || errors.length > 0) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
