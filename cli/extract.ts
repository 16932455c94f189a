// `npm run extract -- FILE|DIR...`: runs the shared capture pipeline on each file with the Node decoders and
// prints one JSON line per file (docs/extract.md). Files are read one at a time, so memory stays bounded.
// Exit status: 0 when every file was processed (invoice or not), 1 when a file could not be read at all,
// 2 for usage errors.
import { readFileSync, statSync } from 'node:fs';
import { captureFile } from '../shared/capture/pipeline';
import type { Locale } from '../shared/i18n/translate';
import { createNodeCapture, tessdataDir, type NodeCapture } from './capture-node';
import { parseExtractArgs, USAGE } from './extract-args';
import { expandPaths, errorCode } from './extract-files';
import { extractError } from './extract-messages';
import { errorLine, okLine, type ErrorLine, type OkLine } from './extract-output';

/** Files above this size are refused unread (invoices are well under 10 MB). */
const MAX_FILE_MB = 100;

function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}

async function extractOne(path: string, capture: NodeCapture, locale: Locale, today: string): Promise<{ line: OkLine | ErrorLine; processed: boolean }> {
  let bytes: Uint8Array;
  try {
    const size = statSync(path).size;
    if (size > MAX_FILE_MB * 1024 * 1024) {
      const e = extractError('fileTooLarge', locale, { megabytes: Math.round(size / 1024 / 1024), limit: MAX_FILE_MB });
      return { line: errorLine(path, e, locale), processed: true };
    }
    bytes = new Uint8Array(readFileSync(path));
  } catch (e) {
    const code = errorCode(e);
    const err = code === 'ENOENT' ? extractError('notFound', locale, { path }) : extractError('unreadable', locale, { path, reason: code ?? String(e) });
    return { line: errorLine(path, err, locale), processed: false };
  }
  try {
    const r = await captureFile(bytes, path, capture.deps, today);
    return { line: r.ok ? okLine(path, r.value, locale) : errorLine(path, r.error, locale), processed: true };
  } catch (e) {
    // A bug or a decoder crash on a hostile file: report it on this line and keep going with the batch.
    process.stderr.write(`extract: ${path}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    const detail = e instanceof Error ? e.message : String(e);
    return { line: errorLine(path, extractError('internal', locale, { detail }), locale), processed: true };
  }
}

async function main(argv: readonly string[]): Promise<number> {
  const args = parseExtractArgs(argv);
  if (args.kind === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  if (args.kind === 'usage') {
    process.stderr.write(`extract: ${args.message}\n${USAGE}\n`);
    return 2;
  }
  const langPath = args.ocr ? tessdataDir() : null;
  if (args.ocr && langPath === null) process.stderr.write('extract: OCR models missing — run `npm run assets`; continuing without OCR\n');
  const capture = createNodeCapture({ langPath });
  const today = localToday();
  let allProcessed = true;
  try {
    for (const target of expandPaths(args.paths)) {
      if (target.kind === 'missing') {
        const e = target.reason === 'notFound' ? extractError('notFound', args.locale, { path: target.path }) : extractError('unreadable', args.locale, { path: target.path, reason: 'EACCES' });
        process.stdout.write(`${JSON.stringify(errorLine(target.path, e, args.locale))}\n`);
        allProcessed = false;
        continue;
      }
      const { line, processed } = await extractOne(target.path, capture, args.locale, today);
      process.stdout.write(`${JSON.stringify(line)}\n`);
      if (!processed) allProcessed = false;
    }
  } finally {
    await capture.close();
  }
  return allProcessed ? 0 : 1;
}

main(process.argv.slice(2)).then(
  (status) => { process.exitCode = status; },
  (e: unknown) => {
    process.stderr.write(`extract: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exitCode = 1;
  },
);
