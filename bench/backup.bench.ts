/*
 * Backup bench (issue #5, DESIGN.md §7): a demo export of 100,000 invoices plus ~500 MB of scans is backed up
 * into a fresh repository on the local disk (real Argon2id parameters, read-back check on), then 100 invoices
 * are edited and backed up again, then the repository is verified at level 2. Raw AES-256-GCM encrypt and
 * decrypt throughput is measured in the same run (before and after the backup, averaged) with the same WebCrypto
 * calls the backup makes: the export's own chunk sizes (table buckets and 1 MiB attachment pieces in the export's
 * byte ratio), a random nonce and an AAD per chunk, as many in flight as the writer (encrypt) and verify (decrypt) keep. The machine is shared, so absolute figures move
 * with the load; ratios of the same run, and CPU seconds per GB, move less.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSnapshot, DEFAULT_KDF, initRepository, verifyRepository, type ExportManifest } from '../shared/backup/index';
import { bucketRule, splitBuckets } from '../shared/backup/buckets';
import { editDemoExport, writeDemoExport } from '../cli/backup/demo-export';
import { FsExportSource } from '../cli/backup/fs-export';
import { FsRepoStore } from '../cli/backup/fs-repo-store';
import type { BenchRow } from './stats';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const ATTACHMENTS = Number(process.env.BENCH_ATTACHMENTS ?? 476); // 100 KB–2 MB each, ~500 MB in all
const MB = 1_048_576;

/** CPU seconds (all threads of this process) per GB while `run` runs: less sensitive to other load than wall time. */
async function cpuPerGb<T>(bytes: () => number, run: () => Promise<T>): Promise<{ result: T; cpuPerGb: number }> {
  const c0 = process.cpuUsage();
  const result = await run();
  const c = process.cpuUsage(c0);
  return { result, cpuPerGb: (c.user + c.system) / 1e6 / (bytes() / 1024 / MB) };
}

/**
 * The plaintext sizes the backup seals, sampled to about `sampleBytes` with the export's own mix: table buckets
 * (their real sizes, from the same key split the backup uses) and 1 MiB attachment pieces, in the same byte ratio.
 */
async function chunkSizes(exportDir: string, sampleBytes: number): Promise<number[]> {
  const manifest = JSON.parse(await readFile(join(exportDir, 'manifest.json'), 'utf8')) as ExportManifest;
  const buckets: number[] = [];
  for (const [table, { file }] of Object.entries(manifest.tables)) {
    const bytes = await readFile(join(exportDir, file));
    const rule = bucketRule(table);
    for (const b of splitBuckets(bytes, rule.keyField, 0x9e3779b9, rule.rowsPerBucket)) buckets.push(b.end - b.start);
  }
  const tableBytes = buckets.reduce((n, b) => n + b, 0);
  const share = tableBytes / (tableBytes + manifest.attachments.bytes);
  const sizes: number[] = [];
  let taken = 0;
  for (const b of buckets) {
    if (taken >= share * sampleBytes) break;
    sizes.push(b);
    taken += b;
  }
  for (let rest = sampleBytes - taken; rest > 0; rest -= MB) sizes.push(Math.min(MB, rest));
  return sizes;
}

/**
 * Raw AES-256-GCM through WebCrypto the way the backup calls it: the same plaintext sizes (chunkSizes), a fresh
 * random 96-bit nonce and a 52-byte AAD per chunk. Encryption keeps what the chunk writer keeps in flight (at most
 * 64 chunks and about 4 MiB); decryption what level-2 verify keeps in flight (3 packs of ~4 MiB, every chunk at once).
 */
async function rawAesGcm(sizes: readonly number[]): Promise<{ encrypt: number; decrypt: number }> {
  const block = new Uint8Array(MB);
  crypto.getRandomValues(block.subarray(0, 65_536));
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const aad = new Uint8Array(52);
  const total = sizes.reduce((n, s) => n + s, 0);
  const sealed: { iv: Uint8Array<ArrayBuffer>; body: ArrayBuffer }[] = [];
  const time = async (maxChunks: number, maxBytes: number, op: (i: number) => Promise<unknown>): Promise<number> => {
    const t0 = performance.now();
    const inFlight: { job: Promise<unknown>; bytes: number }[] = [];
    let bytes = 0;
    for (let i = 0; i < sizes.length; i++) {
      inFlight.push({ job: op(i), bytes: sizes[i] ?? 0 });
      bytes += sizes[i] ?? 0;
      while (inFlight.length >= maxChunks || bytes >= maxBytes) {
        const first = inFlight.shift();
        if (!first) break;
        await first.job;
        bytes -= first.bytes;
      }
    }
    await Promise.all(inFlight.map((f) => f.job));
    return total / MB / ((performance.now() - t0) / 1000);
  };
  const encrypt = await time(64, 4 * MB, async (i) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, block.subarray(0, sizes[i] ?? 0));
    sealed[i] = { iv, body };
  });
  const decrypt = await time(Infinity, 12 * MB, (i) => {
    const s = sealed[i];
    if (!s) throw new Error('nothing sealed');
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv, additionalData: aad }, key, s.body);
  });
  return { encrypt, decrypt };
}

/** Runs the backup bench and returns its figures. */
export async function backupBench(): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'backup-bench-'));
  try {
    const exportDir = join(dir, 'export');
    const t0 = performance.now();
    const { bytes } = await writeDemoExport(exportDir, { invoices: INVOICES, attachments: ATTACHMENTS });
    console.error(`  demo export: ${(bytes / MB).toFixed(0)} MB in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const store = new FsRepoStore(join(dir, 'repo'));
    const made = await initRepository(store, 'bench password 发票', { kdf: DEFAULT_KDF });
    if (!made.ok) throw new Error(made.error.kind);
    const repo = made.value;

    const sizes = await chunkSizes(exportDir, 256 * MB);
    const rawCpu = await cpuPerGb(() => 2 * 256 * MB, () => rawAesGcm(sizes));
    const rawBefore = rawCpu.result;
    const t1 = performance.now();
    const fullCpu = await cpuPerGb(() => bytes, () => createSnapshot(repo, new FsExportSource(exportDir)));
    const full = fullCpu.result;
    const fullSeconds = (performance.now() - t1) / 1000;
    if (!full.ok) throw new Error(full.error.kind);
    const rawAfter = await rawAesGcm(sizes);
    const rawEncrypt = (rawBefore.encrypt + rawAfter.encrypt) / 2;
    const backupRate = full.value.bytes / MB / fullSeconds;

    await editDemoExport(exportDir, 100);
    const t2 = performance.now();
    const incremental = await createSnapshot(repo, new FsExportSource(exportDir));
    const incrementalSeconds = (performance.now() - t2) / 1000;
    if (!incremental.ok) throw new Error(incremental.error.kind);

    const t3 = performance.now();
    const verified = await verifyRepository(store, { level: 2, password: 'bench password 发票' });
    const verifySeconds = (performance.now() - t3) / 1000;
    if (!verified.ok) throw new Error(verified.error.kind);
    const rawDecrypt = (rawBefore.decrypt + rawAfter.decrypt) / 2;
    const verifyRate = verified.value.bytesChecked / MB / verifySeconds;

    return [
      { bench: 'backup', metric: `raw AES-256-GCM encrypt (WebCrypto, backup's chunk sizes: ${String(sizes.length)} chunks / 256 MB, ≤ 64 chunks or 4 MiB in flight)`, value: rawEncrypt, unit: 'MB/s' },
      { bench: 'backup', metric: `full backup ${String(INVOICES)} invoices + ${(full.value.bytes / MB).toFixed(0)} MB`, value: backupRate, unit: 'MB/s' },
      { bench: 'backup', metric: 'full backup seconds', value: fullSeconds, unit: 's' },
      { bench: 'backup', metric: 'full backup / raw encrypt', value: (100 * backupRate) / rawEncrypt, unit: '%', target: 50, atLeast: true },
      { bench: 'backup', metric: 'CPU per GB: raw AES-GCM encrypt+decrypt', value: rawCpu.cpuPerGb, unit: 's' },
      { bench: 'backup', metric: 'CPU per GB: full backup', value: fullCpu.cpuPerGb, unit: 's' },
      { bench: 'backup', metric: 'incremental after 100 edits: written', value: incremental.value.bytesWritten / MB, unit: 'MB', target: 5 },
      { bench: 'backup', metric: 'incremental after 100 edits: time', value: incrementalSeconds, unit: 's', target: 3 },
      { bench: 'backup', metric: 'raw AES-256-GCM decrypt (same chunks, ≤ 12 MiB in flight like verify)', value: rawDecrypt, unit: 'MB/s' },
      { bench: 'backup', metric: `verify level 2 (${(verified.value.bytesChecked / MB).toFixed(0)} MB)`, value: verifyRate, unit: 'MB/s' },
      { bench: 'backup', metric: 'verify level 2 / raw decrypt', value: (100 * verifyRate) / rawDecrypt, unit: '%', target: 50, atLeast: true },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
