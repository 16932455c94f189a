// Command-line arguments of `npm run extract`: FILE|DIR... [--lang zh-CN|en] [--no-ocr] [--help].
import { LOCALES, type Locale } from '../shared/i18n/translate';

/** Parsed arguments, or a usage error. */
export type ExtractArgs =
  | { readonly kind: 'run'; readonly paths: readonly string[]; readonly locale: Locale; readonly ocr: boolean }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage'; readonly message: string };

export const USAGE = `usage: npm run extract -- [--lang zh-CN|en] [--no-ocr] FILE|DIR...
  Prints one JSON object per line per file (see docs/extract.md).
  --lang     language of warnings and errors (default zh-CN)
  --no-ocr   skip text recognition (faster; images then give only what their QR code holds)`;

const isLocale = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

/** Parses argv (without node and the script); everything after `--` is a path. */
export function parseExtractArgs(argv: readonly string[]): ExtractArgs {
  const paths: string[] = [];
  let locale: Locale = 'zh-CN';
  let ocr = true;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--') { paths.push(...argv.slice(i + 1)); break; }
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    if (arg === '--no-ocr') { ocr = false; continue; }
    if (arg === '--lang' || arg.startsWith('--lang=')) {
      const value = arg === '--lang' ? argv[++i] : arg.slice('--lang='.length);
      if (value === undefined || !isLocale(value)) return { kind: 'usage', message: `--lang must be one of ${LOCALES.join(', ')}` };
      locale = value;
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { kind: 'usage', message: `unknown option ${arg}` };
    paths.push(arg);
  }
  if (paths.length === 0) return { kind: 'usage', message: 'no files given' };
  return { kind: 'run', paths, locale, ocr };
}
