/*
 * `npm run bench -- reconcile` (issue #11; target in docs/architecture.md#performance-targets): a generated 50,000-row platform export (.xlsx) against a
 * generated 100,000-invoice ledger in the app's export shape (.xlsx), reconciled by the CLI in a fresh process
 * (`tsx cli/reconcile.ts`, startup included), the median of BENCH_RECONCILE_RUNS runs; the CLI's own split into
 * reading the files and matching, its peak RSS, and a run with a bank statement beside it. Every run's summary is
 * checked against the counts the fixture was built with, so a fast wrong answer fails the bench.
 * The bench is a list of parts sharing the generated files: RECONCILE_BENCH_PARTS is where another part (such as
 * importing an Excel ledger into the app in Chromium) is added.
 */
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeFixtureFiles, type FixtureFiles } from '../test/fixtures/reconcile/files';
import { BENCH_SPEC } from '../test/fixtures/reconcile/generate';
import { ledgerImportBench } from './ledger-import.bench';
import { median, type BenchRow } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env.BENCH_RECONCILE_RUNS ?? 3);
/** A run taking this long is stuck, not slow: it is stopped and the bench fails. */
const RUN_TIMEOUT_MS = 120_000;
const SUMMARY_FIELDS = ['listRows', 'ledgerRows', 'missingInLedger', 'missingOnList', 'mismatched', 'voidedButActive', 'paymentsWithoutInvoice', 'invoicesWithoutPayment', 'sequenceGaps'] as const;

/** What every part of the reconcile bench gets: a scratch directory and the generated files (removed afterwards). */
export interface ReconcileBenchContext {
  readonly dir: string;
  readonly files: FixtureFiles;
}

/** One part of the reconcile bench. */
export type ReconcileBenchPart = (ctx: ReconcileBenchContext) => Promise<BenchRow[]>;

interface CliRun {
  readonly wallMs: number;
  readonly readMs: number;
  readonly matchMs: number;
  readonly maxRssMb: number;
}

/** Runs the CLI once in a new process, stdout to a file; checks its summary line against the expected counts. */
function runCli(ctx: ReconcileBenchContext, withBank: boolean): Promise<CliRun> {
  const { files } = ctx;
  const outPath = join(ctx.dir, 'out.jsonl');
  const fd = openSync(outPath, 'w');
  const args = ['cli/reconcile.ts', '--list', files.list, '--ledger', files.ledger, ...(withBank ? ['--bank', files.bank] : [])];
  const t0 = performance.now();
  const child = spawn(join(ROOT, 'node_modules/.bin/tsx'), args, {
    cwd: ROOT, env: { ...process.env, RECONCILE_TIMINGS: '1' }, stdio: ['ignore', fd, 'pipe'],
    // Its own process group, so a stuck run is stopped with the node process tsx starts under it.
    detached: true,
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => { stderr += chunk; });
  return new Promise((done, fail) => {
    const timer = setTimeout(() => { if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL'); }, RUN_TIMEOUT_MS);
    child.on('error', fail);
    child.on('close', (status) => {
      const wallMs = performance.now() - t0;
      clearTimeout(timer);
      closeSync(fd);
      if (wallMs >= RUN_TIMEOUT_MS) { fail(new Error(`reconcile did not finish in ${String(RUN_TIMEOUT_MS / 1000)} s`)); return; }
      if (status !== 0) { fail(new Error(`reconcile exited ${String(status)}: ${stderr}`)); return; }
      const first = readFileSync(outPath, 'utf8').split('\n', 1)[0] ?? '';
      const summary = JSON.parse(first) as Record<string, number>;
      const expected: Record<string, number> = { ...files.fixture.expected, ...(withBank ? {} : { paymentsWithoutInvoice: 0, invoicesWithoutPayment: 0 }) };
      const wrong = SUMMARY_FIELDS.filter((k) => summary[k] !== expected[k]);
      if (wrong.length > 0) { fail(new Error(`wrong counts ${wrong.map((k) => `${k}=${String(summary[k])} (want ${String(expected[k])})`).join(', ')}`)); return; }
      const timings = /\{"timings":.*\}/.exec(stderr)?.[0];
      if (!timings) { fail(new Error(`no timings on stderr: ${stderr}`)); return; }
      const t = (JSON.parse(timings) as { timings: Omit<CliRun, 'wallMs'> }).timings;
      done({ wallMs, ...t });
    });
  });
}

/** The CLI end to end: list + ledger (the target), its parts, memory, and list + ledger + bank. */
async function cliPart(ctx: ReconcileBenchContext): Promise<BenchRow[]> {
  const runs: CliRun[] = [];
  for (let i = 0; i < RUNS; i++) runs.push(await runCli(ctx, false));
  const banked: CliRun[] = [];
  for (let i = 0; i < RUNS; i++) banked.push(await runCli(ctx, true));
  const m = (xs: readonly CliRun[], f: (r: CliRun) => number) => median(xs.map(f));
  const { listRows, ledgerRows } = ctx.files.fixture.expected;
  const bankRows = ctx.files.fixture.bank.length;
  console.error(`reconcile bench: wall ${runs.map((r) => r.wallMs.toFixed(0)).join(', ')} ms; with bank ${banked.map((r) => r.wallMs.toFixed(0)).join(', ')} ms`);
  const label = `${listRows.toLocaleString('en')} list rows vs ${ledgerRows.toLocaleString('en')} ledger invoices`;
  return [
    { bench: 'reconcile', metric: `CLI end to end, ${label} (fresh process)`, value: m(runs, (r) => r.wallMs), unit: 'ms', target: 5_000 },
    { bench: 'reconcile', metric: '  of which reading both .xlsx files', value: m(runs, (r) => r.readMs), unit: 'ms' },
    { bench: 'reconcile', metric: '  of which matching', value: m(runs, (r) => r.matchMs), unit: 'ms' },
    { bench: 'reconcile', metric: '  of which start-up, output and the rest', value: m(runs, (r) => r.wallMs - r.readMs - r.matchMs), unit: 'ms' },
    { bench: 'reconcile', metric: 'CLI peak RSS', value: Math.max(...runs.map((r) => r.maxRssMb)), unit: 'MB', target: 1_024 },
    { bench: 'reconcile', metric: `CLI end to end with a ${bankRows.toLocaleString('en')}-row bank statement`, value: m(banked, (r) => r.wallMs), unit: 'ms' },
    { bench: 'reconcile', metric: '  of which matching', value: m(banked, (r) => r.matchMs), unit: 'ms' },
    { bench: 'reconcile', metric: 'CLI peak RSS with the bank statement', value: Math.max(...banked.map((r) => r.maxRssMb)), unit: 'MB', target: 1_024 },
  ];
}

/**
 * The parts of the reconcile bench, run in order on the same generated files. A part measuring the app (for
 * example importing 50,000 Excel ledger rows in Chromium, target < 20 s) is appended to this list.
 */
export const RECONCILE_BENCH_PARTS: ReconcileBenchPart[] = [cliPart, () => ledgerImportBench()];

/** Generates the files once, runs every part, removes the files. */
export async function reconcileBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'fapiao-reconcile-bench-'));
  try {
    const t0 = performance.now();
    const files = writeFixtureFiles(dir, BENCH_SPEC);
    const mb = (p: string) => (statSync(p).size / 1024 / 1024).toFixed(1);
    console.error(`reconcile bench: fixtures written in ${((performance.now() - t0) / 1000).toFixed(1)} s (list ${mb(files.list)} MB, ledger ${mb(files.ledger)} MB, bank ${mb(files.bank)} MB)`);
    const rows: BenchRow[] = [];
    for (const part of RECONCILE_BENCH_PARTS) rows.push(...(await part({ dir, files })));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
