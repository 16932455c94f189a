/** `npm run bench [-- name...]`: runs the benchmarks and prints one table. */
import { captureBench } from './capture.bench';
import { captureBrowserBench } from './capture-browser.bench';
import { ledgerBench } from './ledger.bench';
import { syncBench } from './sync.bench';
import { backupBench } from './backup.bench';
import { reconcileBench } from './reconcile.bench';
import { printTable, type BenchRow } from './stats';

const BENCHES: Record<string, () => Promise<BenchRow[]>> = {
  ledger: ledgerBench,
  capture: captureBench,
  'capture-browser': captureBrowserBench,
  sync: syncBench,
  backup: backupBench,
  reconcile: reconcileBench,
};

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((w) => !(w in BENCHES));
if (unknown.length > 0) {
  console.error(`Unknown bench: ${unknown.join(', ')}. Available: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const rows: BenchRow[] = [];
for (const [name, run] of Object.entries(BENCHES)) {
  if (wanted.length > 0 && !wanted.includes(name)) continue;
  console.error(`running ${name} bench…`);
  rows.push(...(await run()));
}
printTable(rows);
