/*
 * Backup bench (issue #5; docs/architecture.md#performance-targets): a demo export of 100,000 invoices plus ~500 MB of scans is backed up
 * into a fresh repository on the local disk (real Argon2id parameters, read-back check on), then 100 invoices
 * are edited and backed up again, then the repository is verified at level 2. Raw AES-256-GCM encrypt and
 * decrypt throughput is measured in the same run (before and after the backup, averaged) with the same WebCrypto
 * calls the backup makes: the export's own chunk sizes (table buckets and 1 MiB attachment pieces in the export's
 * byte ratio), a random nonce and an AAD per chunk, as many in flight as the writer (encrypt) and verify (decrypt)
 * keep. Each phase runs in a fresh process (bench/backup-phase.ts), so none inherits another's heap or allocator
 * state. The machine is shared, so absolute figures move with the load; ratios of the same run, and CPU seconds
 * per GB, move less.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExportManifest } from '../shared/backup/index';
import type { BenchRow } from './stats';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 476); // 100 KB–2 MB each, ~500 MB in all
const MB = 1_048_576;
const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Runs a script of this repository in a fresh Node process (TypeScript through tsx) and returns its stdout. */
function runTs(script: string, args: readonly string[]): string {
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 16 * MB });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed: ${r.stderr}`);
  return r.stdout;
}

interface Raw { chunks: number; encrypt: number; decrypt: number; cpuPerGb: number; encryptCpuPerGb: number; sha256: number; sha256CpuPerGb: number; tableShare: number }

/** The mean of a figure over the two raw phases (before and after the backup). */
const mean = (a: Raw, b: Raw, key: keyof Raw): number => (a[key] + b[key]) / 2;
const phase = (...args: string[]): unknown => JSON.parse(runTs('bench/backup-phase.ts', args));

/**
 * Writes the demo export in a child process and flushes it to disk, so the backup reads data at rest as it would
 * in use, not while the kernel still writes 600 MB of fresh files back.
 */
function writeExportAtRest(exportDir: string): number {
  runTs('cli/backup.ts', ['demo', '--to', exportDir, '--invoices', String(INVOICES), '--attachments', String(ATTACHMENTS)]);
  spawnSync('sync');
  const manifest = JSON.parse(readFileSync(join(exportDir, 'manifest.json'), 'utf8')) as ExportManifest;
  return manifest.attachments.bytes + Object.values(manifest.tables).reduce((n, t) => n + statSync(join(exportDir, t.file)).size, 0);
}

/** Runs the backup bench and returns its figures. */
export function backupBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'backup-bench-'));
  try {
    const exportDir = join(dir, 'export');
    const repoDir = join(dir, 'repo');
    const t0 = performance.now();
    const bytes = writeExportAtRest(exportDir);
    console.error(`  demo export: ${(bytes / MB).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);

    const rawBefore = phase('raw', exportDir) as Raw;
    const full = phase('full', exportDir, repoDir) as { seconds: number; bytes: number; cpuPerGb: number; kernelPerGb: number };
    const rawAfter = phase('raw', exportDir) as Raw;
    const incremental = phase('incremental', exportDir, repoDir) as { seconds: number; written: number };
    const verified = phase('verify', repoDir) as { seconds: number; bytes: number };

    const rawEncrypt = mean(rawBefore, rawAfter, 'encrypt');
    const rawDecrypt = mean(rawBefore, rawAfter, 'decrypt');
    // What the format itself costs per GB backed up, whatever the code around it: AES-GCM of every byte (as in the
    // raw phase), SHA-256 of every byte written (pack names) and HMAC-SHA-256 of the table bytes (bucket ids);
    // plus the kernel's share of this full backup (reading the export, writing, fsync, reading back). With both
    // cores busy all the time and nothing else, the backup could go no faster than 2 cores / that CPU per GB.
    const sha = mean(rawBefore, rawAfter, 'sha256CpuPerGb');
    const cryptoPerGb = mean(rawBefore, rawAfter, 'encryptCpuPerGb') + sha * (1 + mean(rawBefore, rawAfter, 'tableShare'));
    const cores = Math.min(2, availableParallelism());
    const ceiling = (bound: number) => (100 * ((cores * 1024) / bound)) / rawEncrypt;
    const backupRate = full.bytes / MB / full.seconds;
    const verifyRate = verified.bytes / MB / verified.seconds;
    return Promise.resolve([
      { bench: 'backup', metric: `raw AES-256-GCM encrypt (WebCrypto, backup's chunk sizes: ${String(rawBefore.chunks)} chunks / 256 MB, ≤ 64 chunks or 8 MiB in flight)`, value: rawEncrypt, unit: 'MB/s' },
      { bench: 'backup', metric: `full backup ${String(INVOICES)} invoices + ${(full.bytes / MB).toFixed(0)} MB`, value: backupRate, unit: 'MB/s' },
      { bench: 'backup', metric: 'full backup seconds', value: full.seconds, unit: 's' },
      { bench: 'backup', metric: 'full backup / raw encrypt', value: (100 * backupRate) / rawEncrypt, unit: '%', target: 50, atLeast: true },
      { bench: 'backup', metric: 'CPU per GB: raw AES-GCM encrypt+decrypt', value: mean(rawBefore, rawAfter, 'cpuPerGb'), unit: 's' },
      { bench: 'backup', metric: 'CPU per GB: full backup', value: full.cpuPerGb, unit: 's' },
      { bench: 'backup', metric: 'CPU per GB: kernel share of the full backup', value: full.kernelPerGb, unit: 's' },
      { bench: 'backup', metric: 'SHA-256 (WebCrypto, 4 MiB packs, 4 at once; names every pack, docs/backup-format.md)', value: mean(rawBefore, rawAfter, 'sha256'), unit: 'MB/s' },
      { bench: 'backup', metric: 'CPU per GB: raw AES-GCM encrypt alone', value: mean(rawBefore, rawAfter, 'encryptCpuPerGb'), unit: 's' },
      { bench: 'backup', metric: 'CPU per GB: SHA-256 alone', value: sha, unit: 's' },
      { bench: 'backup', metric: `ceiling of full / raw: AES-GCM + pack SHA-256 + bucket HMAC only, ${String(cores)} cores always busy`, value: ceiling(cryptoPerGb), unit: '%' },
      { bench: 'backup', metric: 'ceiling of full / raw: the same plus this run\'s kernel file I/O', value: ceiling(cryptoPerGb + full.kernelPerGb), unit: '%' },
      { bench: 'backup', metric: 'incremental after 100 edits: written', value: incremental.written / MB, unit: 'MB', target: 5 },
      { bench: 'backup', metric: 'incremental after 100 edits: time', value: incremental.seconds, unit: 's', target: 3 },
      { bench: 'backup', metric: 'raw AES-256-GCM decrypt (same chunks, ≤ 12 MiB in flight like verify)', value: rawDecrypt, unit: 'MB/s' },
      { bench: 'backup', metric: `verify level 2 (${(verified.bytes / MB).toFixed(0)} MB)`, value: verifyRate, unit: 'MB/s' },
      { bench: 'backup', metric: 'verify level 2 / raw decrypt', value: (100 * verifyRate) / rawDecrypt, unit: '%', target: 50, atLeast: true },
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
