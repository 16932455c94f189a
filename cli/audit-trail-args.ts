// Command-line arguments of `npm run audit-trail`: `verify EXPORT.xlsx [--head HASH] [--lang zh-CN|en]`.
// Options take a value as `--name value` or `--name=value`.
import { LOCALES, type Locale } from '../shared/i18n/translate';
import { localeFromEnv } from './backup/args';

/** What to do, or why not (the usage message is English, like the usage text). */
export type AuditTrailArgs =
  | { readonly kind: 'verify'; readonly file: string; readonly head: string | null; readonly locale: Locale }
  | { readonly kind: 'help'; readonly locale: Locale }
  | { readonly kind: 'usage'; readonly message: string; readonly locale: Locale };

/** Exit statuses (docs/audit.md lists them too). */
export const EXIT = { ok: 0, broken: 1, usage: 2, unreadable: 3, internal: 4 } as const;

export const AUDIT_TRAIL_USAGE = `usage: npm run audit-trail -- verify EXPORT.xlsx [--head HASH] [--lang zh-CN|en]
  Recomputes the audit trail's hash chain from an export the app wrote (sheets 摘要 and 审计日志) and checks
  the summary against it; the app is not needed (see docs/audit.md).
  --head   also require this head hash (the one the app or the office server shows for the trail)
  --lang   language of messages (default: from LANG, else zh-CN)
exit status: 0 verified; 1 an entry or the summary does not verify (the first bad row is named);
             2 bad arguments; 3 the file cannot be read or is not an audit trail export; 4 internal error`;

const isLocale = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

/** Parses argv (after the script name); `env.LANG` picks the default language. */
export function parseAuditTrailArgs(argv: readonly string[], env: { readonly LANG?: string | undefined }): AuditTrailArgs {
  let locale = localeFromEnv(env.LANG);
  const options = new Map<string, string>();
  const positional: string[] = [];
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') { help = true; continue; }
    const m = /^--(head|lang)(?:=(.*))?$/s.exec(arg);
    if (m) {
      const name = m[1] ?? '';
      const value = m[2] ?? argv[++i];
      if (value === undefined || value === '') return { kind: 'usage', message: `--${name} needs a value`, locale };
      if (options.has(name)) return { kind: 'usage', message: `--${name} given twice`, locale };
      options.set(name, value);
      continue;
    }
    if (arg.startsWith('-') && arg !== '-') return { kind: 'usage', message: `unknown option ${arg}`, locale };
    positional.push(arg);
  }
  const lang = options.get('lang');
  if (lang !== undefined) {
    if (!isLocale(lang)) return { kind: 'usage', message: `--lang must be one of ${LOCALES.join(', ')}`, locale };
    locale = lang;
  }
  if (help) return { kind: 'help', locale };
  const [command, file, ...rest] = positional;
  if (command === undefined) return { kind: 'usage', message: 'missing command (verify)', locale };
  if (command !== 'verify') return { kind: 'usage', message: `unknown command "${command}" (the command is verify)`, locale };
  if (file === undefined) return { kind: 'usage', message: 'verify needs the export file', locale };
  if (rest.length > 0) return { kind: 'usage', message: `too many arguments: ${rest.join(' ')}`, locale };
  const head = options.get('head')?.trim().toLowerCase() ?? null;
  if (head !== null && !/^[0-9a-f]{64}$/.test(head)) return { kind: 'usage', message: '--head must be a SHA-256 hash: 64 hexadecimal digits', locale };
  return { kind: 'verify', file, head, locale };
}
