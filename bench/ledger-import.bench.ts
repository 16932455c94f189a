/*
 * Excel ledger import bench (issue #11; target in docs/architecture.md#performance-targets): in headless Chromium, a ledger of BENCH_IMPORT_LEDGER invoices
 * is seeded, then BENCH_IMPORT_ROWS spreadsheet rows (typed text, as read from a file) go through the import as the
 * app does it after reading the file: the ledger's duplicate keys, the preview (every row through the entry form's
 * validation and the duplicate rules) and the all-or-nothing commit with audit, outbox and progress. Memory is the
 * renderer process's peak RSS (the kernel's VmHWM), the storage processes' peak, and the JS heap sampled meanwhile.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../playwright.config';
import { serveStatic } from './static-server';
import type { BenchRow } from './stats';

const ROOT = resolve(import.meta.dirname, '..');
const ROWS = Number(process.env.BENCH_IMPORT_ROWS ?? 50_000);
const LEDGER = Number(process.env.BENCH_IMPORT_LEDGER ?? 100_000);
const MB = 1024 * 1024;

interface ProcInfo { readonly pid: number; readonly ppid: number; readonly cmdline: string }

function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      out.push({ pid: Number(name), ppid, cmdline: readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ') });
    } catch {
      // The process ended while we looked.
    }
  }
  return out;
}

/** The browser's processes (it and its descendants). */
function browserTree(browserPid: number): ProcInfo[] {
  const all = processes();
  const tree = new Set([browserPid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all) if (!tree.has(p.pid) && tree.has(p.ppid)) { tree.add(p.pid); grew = true; }
  }
  return all.filter((p) => tree.has(p.pid));
}

/** Renderer (the page), browser (with IndexedDB's backend and the storage service), or another helper process. */
function processKind(tree: readonly ProcInfo[], pid: number): 'renderer' | 'browser' | 'other' {
  const cmd = tree.find((p) => p.pid === pid)?.cmdline ?? '';
  if (cmd.includes('--type=renderer')) return cmd.includes('--top-chrome-webui') ? 'other' : 'renderer';
  return !cmd.includes('--type=') || cmd.includes('storage.mojom') ? 'browser' : 'other';
}

/** CPU seconds (user + system) each process has used so far. */
function cpuSeconds(tree: readonly ProcInfo[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const p of tree) {
    try {
      const stat = readFileSync(`/proc/${String(p.pid)}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(p.pid, (Number(fields[11]) + Number(fields[12])) / 100);
    } catch {
      // Gone.
    }
  }
  return out;
}

/** The 1-minute load average: this machine is shared, and a busy one stretches every wall-clock figure. */
function loadAverage(): number {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}

/** Peak resident set of a process so far, in bytes (0 when it is gone). */
function peakRss(pid: number): number {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Runs the ledger import bench and returns its figures. */
export async function ledgerImportBench(): Promise<BenchRow[]> {
  execFileSync('npx', ['vite', 'build', '--config', 'bench/vite.bench.config.ts', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
  const server = await serveStatic(resolve(ROOT, 'bench/out/renderer'));
  const launched = await chromium.launchServer({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const browser = await chromium.connect(launched.wsEndpoint());
  try {
    const page = await browser.newPage();
    await page.goto(`${server.url}/bench/seed.html`);
    await page.waitForFunction(() => window.fapiaoBench !== undefined);
    await page.evaluate(([n]) => window.fapiaoBench!.seed(n, 20261127), [LEDGER] as const);
    const cdp = await page.context().newCDPSession(page);
    let heapPeak = 0;
    const sampling = { on: true };
    const sampler = (async () => {
      while (sampling.on) {
        const { usedSize } = await cdp.send('Runtime.getHeapUsage');
        heapPeak = Math.max(heapPeak, usedSize);
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const browserPid = launched.process().pid ?? 0;
    const cpuBefore = cpuSeconds(browserTree(browserPid));
    const started = Date.now();
    const r = await page.evaluate(([rows]) => window.fapiaoBench!.importRows(rows, 7), [ROWS] as const);
    const wallSeconds = (Date.now() - started) / 1000;
    sampling.on = false;
    await sampler;
    const count = await page.evaluate(() => window.fapiaoBench!.count());
    if (r.imported !== ROWS || count !== LEDGER + ROWS) throw new Error(`imported ${r.imported} of ${ROWS} (ledger ${count})`);
    const tree = browserTree(browserPid);
    const cpuAfter = cpuSeconds(tree);
    const cpuOf = (kind: 'renderer' | 'browser') => [...cpuAfter].filter(([pid]) => processKind(tree, pid) === kind)
      .reduce((sum, [pid, s]) => sum + s - (cpuBefore.get(pid) ?? 0), 0);
    const renderer = Math.max(0, ...tree.filter((p) => processKind(tree, p.pid) === 'renderer').map((p) => peakRss(p.pid)));
    const storage = Math.max(0, ...tree.filter((p) => processKind(tree, p.pid) === 'browser').map((p) => peakRss(p.pid)));
    const load = loadAverage();
    const b = `ledger import (${ROWS.toLocaleString('en')} rows into ${LEDGER.toLocaleString('en')})`;
    return [
      { bench: b, metric: 'duplicate keys of the ledger (read)', value: r.keysMs / 1000, unit: 's' },
      { bench: b, metric: 'preview (validate + duplicate check)', value: r.previewMs / 1000, unit: 's' },
      { bench: b, metric: `commit (record + list index + audit + outbox, ${r.progressCalls} progress calls)`, value: r.commitMs / 1000, unit: 's' },
      { bench: b, metric: 'keys + preview + commit', value: (r.keysMs + r.previewMs + r.commitMs) / 1000, unit: 's', target: 20 },
      { bench: b, metric: 'commit rate', value: ROWS / (r.commitMs / 1000), unit: 'rows/s' },
      { bench: b, metric: 'wall clock incl. building the rows', value: wallSeconds, unit: 's' },
      { bench: b, metric: 'CPU of the page (renderer) meanwhile', value: cpuOf('renderer'), unit: 's' },
      { bench: b, metric: 'CPU of the browser (IndexedDB backend) meanwhile', value: cpuOf('browser'), unit: 's' },
      { bench: b, metric: 'machine load average (1 min) after the run', value: load, unit: '' },
      { bench: b, metric: 'renderer process peak RSS', value: renderer / MB, unit: 'MB', target: 1024 },
      { bench: b, metric: 'browser/storage process peak RSS', value: storage / MB, unit: 'MB' },
      { bench: b, metric: 'JS heap peak (sampled every 200 ms)', value: heapPeak / MB, unit: 'MB' },
    ];
  } finally {
    await browser.close();
    await launched.close();
    await server.close();
  }
}
