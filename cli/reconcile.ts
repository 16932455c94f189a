// `npm run reconcile -- --list F --ledger F [--bank F] [--out R.xlsx]`: see cli/reconcile-run.ts and docs/reconcile.md.
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { runReconcile } from './reconcile-run';

function user(): string {
  try {
    return userInfo().username;
  } catch {
    return 'cli';
  }
}

// Tens of thousands of finding lines: written in chunks rather than one write call per line.
let pending: string[] = [];
let pendingBytes = 0;
const flush = () => {
  if (pending.length > 0) process.stdout.write(pending.join(''));
  pending = [];
  pendingBytes = 0;
};

try {
  process.exitCode = runReconcile(process.argv.slice(2), {
    fileSize: (path) => statSync(path).size,
    readFile: (path) => new Uint8Array(readFileSync(path)),
    writeFile: (path, bytes) => { writeFileSync(path, bytes); },
    out: (line) => {
      pending.push(`${line}\n`);
      pendingBytes += line.length;
      if (pendingBytes > 1 << 16) flush();
    },
    err: (line) => process.stderr.write(`${line}\n`),
  }, { now: () => new Date(), user: user(), timings: process.env.RECONCILE_TIMINGS === '1' });
  flush();
} catch (e) {
  flush();
  process.stderr.write(`reconcile: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exitCode = 1;
}
