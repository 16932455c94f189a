// Bundles the Electron main process and the sandboxed preload into dist-electron/ (npm run build:electron).
// Paths must match electron/main/app-paths.ts and package.json "main" (checked by build/electron-bundle.test.ts).
// `--out-dir DIR` writes the same two files elsewhere (tests use it to build without touching dist-electron/).
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const flag = process.argv.indexOf('--out-dir');
const outDir = flag >= 0 && process.argv[flag + 1] ? path.resolve(process.argv[flag + 1]) : path.join(root, 'dist-electron');

// Electron 45 ships Node 22 and Chromium 140.
const BUNDLES = [
  { entry: 'electron/main/main.ts', outfile: path.join(outDir, 'main.cjs'), target: 'node22' },
  { entry: 'electron/preload/preload.ts', outfile: path.join(outDir, 'preload.cjs'), target: 'chrome140' },
];

// A sandboxed preload gets a `require` that knows only a few modules, so the preload must be one file that
// requires nothing but `electron`.
const PRELOAD_MAY_REQUIRE = new Set(['electron']);

async function bundle({ entry, outfile, target }) {
  const result = await build({
    absWorkingDir: root,
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target,
    external: ['electron'],
    sourcemap: true,
    metafile: true,
    logLevel: 'warning',
  });
  const output = result.metafile.outputs[path.relative(root, outfile).split(path.sep).join('/')];
  if (!output) throw new Error(`esbuild did not report ${outfile}`);
  const externals = output.imports.filter((i) => i.external).map((i) => i.path);
  if (entry.includes('preload')) {
    const forbidden = externals.filter((name) => !PRELOAD_MAY_REQUIRE.has(name));
    if (forbidden.length > 0) {
      throw new Error(`${outfile} must be self-contained but requires: ${forbidden.join(', ')}`);
    }
  }
  console.log(`${path.relative(root, outfile)}  ${(output.bytes / 1024).toFixed(1)} KiB`);
}

// Only the default output folder is emptied first; a folder given with --out-dir is never deleted.
if (flag < 0) await rm(outDir, { recursive: true, force: true });
try {
  await Promise.all(BUNDLES.map(bundle));
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
}
