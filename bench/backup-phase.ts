/*
 * One phase of the backup bench, run in a fresh Node process by bench/backup.bench.ts, so that every phase (the raw
 * AES-GCM baseline included) starts from the same process state: a clean heap and allocator, not the leftovers of
 * the phases before it. Prints one JSON object on stdout.
 *
 *   raw EXPORT_DIR                  raw AES-256-GCM encrypt + decrypt over the backup's own chunk sizes
 *   full EXPORT_DIR REPO            creates REPO (real Argon2id parameters), then times one full snapshot
 *   incremental EXPORT_DIR REPO     edits 100 invoices of the export, then times one snapshot
 *   verify REPO                     opens REPO (Argon2id, not timed, as for the full backup), times level-2 verification
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createSnapshot, DEFAULT_KDF, initRepository, openRepository, verifyRepository, type ExportManifest } from '../shared/backup/index';
import { bucketRule, splitBuckets } from '../shared/backup/buckets';
import { editDemoExport } from '../cli/backup/demo-export';
import { FsExportSource } from '../cli/backup/fs-export';
import { FsRepoStore } from '../cli/backup/fs-repo-store';

const MB = 1_048_576;
const PASSWORD = 'bench password 发票';

/** Wall seconds, CPU seconds (all threads of this process) and of those the kernel's, of `run`. */
async function timed<T>(run: () => Promise<T>): Promise<{ result: T; seconds: number; cpu: number; kernel: number }> {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await run();
  const c = process.cpuUsage(c0);
  return { result, seconds: (performance.now() - t0) / 1000, cpu: (c.user + c.system) / 1e6, kernel: c.system / 1e6 };
}

/**
 * The plaintext sizes the backup seals, sampled to about `sampleBytes` with the export's own mix: table buckets
 * (their real sizes, from the same key split the backup uses) and 1 MiB attachment pieces, in the same byte ratio.
 */
async function chunkSizes(exportDir: string, sampleBytes: number): Promise<{ sizes: number[]; tableShare: number }> {
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
  return { sizes, tableShare: share };
}

/**
 * Raw AES-256-GCM through WebCrypto the way the backup calls it: the same plaintext sizes (chunkSizes), a fresh
 * random 96-bit nonce and a 52-byte AAD per chunk. Encryption keeps what the chunk writer keeps in flight (at most
 * 64 chunks and about 8 MiB); decryption what level-2 verify keeps in flight (3 packs of ~4 MiB, every chunk at once).
 */
async function rawAesGcm({ sizes, tableShare }: { sizes: readonly number[]; tableShare: number }) {
  const block = new Uint8Array(MB);
  crypto.getRandomValues(block.subarray(0, 65_536));
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  const aad = new Uint8Array(52);
  const total = sizes.reduce((n, s) => n + s, 0);
  const sealed: { iv: Uint8Array<ArrayBuffer>; body: ArrayBuffer }[] = [];
  const time = async (maxChunks: number, maxBytes: number, op: (i: number) => Promise<unknown>) => {
    const run = await timed(async () => {
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
    });
    return { rate: total / MB / run.seconds, cpu: run.cpu };
  };
  const encrypt = await time(64, 8 * MB, async (i) => {
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, block.subarray(0, sizes[i] ?? 0));
    sealed[i] = { iv, body };
  });
  const decrypt = await time(Infinity, 12 * MB, (i) => {
    const s = sealed[i];
    if (!s) throw new Error('nothing sealed');
    return crypto.subtle.decrypt({ name: 'AES-GCM', iv: s.iv, additionalData: aad }, key, s.body);
  });
  // SHA-256 over the same number of bytes in 4 MiB packs, 4 at a time like the writer's closing packs: docs/backup-format.md
  // names every pack file by its SHA-256, so a full backup hashes every byte it writes once more.
  const pack = new Uint8Array(4 * MB);
  for (let at = 0; at < pack.length; at += MB) pack.set(block, at);
  const packs = Math.ceil(total / pack.length);
  const digest = await timed(async () => {
    for (let i = 0; i < packs; i += 4) await Promise.all(Array.from({ length: Math.min(4, packs - i) }, () => crypto.subtle.digest('SHA-256', pack)));
  });
  const gb = total / 1024 / MB;
  const hashedGb = (packs * pack.length) / 1024 / MB;
  return {
    chunks: sizes.length,
    bytes: total,
    encrypt: encrypt.rate,
    decrypt: decrypt.rate,
    cpuPerGb: (encrypt.cpu + decrypt.cpu) / (2 * gb),
    encryptCpuPerGb: encrypt.cpu / gb,
    sha256: (hashedGb * 1024) / digest.seconds,
    sha256CpuPerGb: digest.cpu / hashedGb,
    tableShare,
  };
}

async function phase(argv: readonly string[]): Promise<unknown> {
  const [name, a = '', b = ''] = argv;
  switch (name) {
    case 'raw':
      return rawAesGcm(await chunkSizes(a, 256 * MB));
    case 'full': {
      const made = await initRepository(new FsRepoStore(b), PASSWORD, { kdf: DEFAULT_KDF });
      if (!made.ok) throw new Error(made.error.kind);
      const run = await timed(() => createSnapshot(made.value, new FsExportSource(a)));
      if (!run.result.ok) throw new Error(run.result.error.kind);
      const gb = run.result.value.bytes / 1024 / MB;
      return { seconds: run.seconds, bytes: run.result.value.bytes, cpuPerGb: run.cpu / gb, kernelPerGb: run.kernel / gb };
    }
    case 'incremental': {
      const opened = await openRepository(new FsRepoStore(b), PASSWORD);
      if (!opened.ok) throw new Error(opened.error.kind);
      await editDemoExport(a, 100);
      const run = await timed(() => createSnapshot(opened.value, new FsExportSource(a)));
      if (!run.result.ok) throw new Error(run.result.error.kind);
      return { seconds: run.seconds, written: run.result.value.bytesWritten };
    }
    case 'verify': {
      const store = new FsRepoStore(a);
      const opened = await openRepository(store, PASSWORD);
      if (!opened.ok) throw new Error(opened.error.kind);
      const run = await timed(() => verifyRepository(store, { level: 2, repository: opened.value }));
      if (!run.result.ok) throw new Error(run.result.error.kind);
      return { seconds: run.seconds, bytes: run.result.value.bytesChecked };
    }
    default:
      throw new Error(`unknown phase ${String(name)}`);
  }
}

process.stdout.write(`${JSON.stringify(await phase(process.argv.slice(2)))}\n`);
