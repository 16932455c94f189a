// Command-line arguments of `npm run backup -- <command>`; see USAGE and docs/backup-format.md.
import { LOCALES, type Locale } from '../../shared/i18n/translate';

/** A parsed command, or help, or a usage error. */
export type BackupArgs =
  | { readonly kind: 'create'; readonly from: string; readonly to: string; readonly passwordFile: string; readonly locale: Locale }
  | { readonly kind: 'extract'; readonly to: string; readonly repo: string; readonly snapshot: string; readonly passwordFile: string; readonly locale: Locale }
  | { readonly kind: 'verify'; readonly repo: string; readonly level: 0 | 1 | 2; readonly passwordFile: string | null; readonly locale: Locale }
  | { readonly kind: 'list'; readonly repo: string; readonly passwordFile: string; readonly locale: Locale }
  | { readonly kind: 'prune'; readonly repo: string; readonly passwordFile: string; readonly keepLast: number; readonly keepDaily: number; readonly keepWeekly: number; readonly keepMonthly: number; readonly locale: Locale }
  | { readonly kind: 'passwd'; readonly repo: string; readonly passwordFile: string; readonly newPasswordFile: string; readonly locale: Locale }
  | { readonly kind: 'recovery-key'; readonly repo: string; readonly passwordFile: string; readonly locale: Locale }
  | { readonly kind: 'demo'; readonly to: string; readonly invoices: number; readonly attachments: number; readonly seed: number; readonly locale: Locale }
  | { readonly kind: 'help'; readonly locale: Locale }
  | { readonly kind: 'usage'; readonly message: string; readonly locale: Locale };

export const USAGE = `usage: npm run backup -- <command> [options]
  create  --from EXPORT_DIR --to REPO --password-file F     back up an export folder (creates REPO if empty)
  extract --to EXPORT_DIR [--snapshot ID] REPO --password-file F
                                                           restore a snapshot (default: the latest) into a new folder
  verify  REPO [--password-file F] [--level 0|1|2]         check without restoring (default: 2 with a password, else 0)
  list    REPO --password-file F                           list snapshots
  prune   REPO --password-file F [--keep-last N] [--keep-daily N] [--keep-weekly N] [--keep-monthly N]
  passwd  REPO --password-file F --new-password-file N     set a new password (F may hold the recovery key)
  recovery-key REPO --password-file F                      print a new recovery key (the old one stops working)
  demo    --to EXPORT_DIR --invoices N --attachments M [--seed S]   write demo data in the export format
  (wherever a password file is read, it may hold the repository's recovery key instead)
  --lang zh-CN|en   language of messages (default: from LANG, else zh-CN)
exit status: 0 ok, 2 wrong password, 3 damaged or truncated, 4 newer format or unsafe parameters, 1 anything else`;

const isLocale = (s: string): s is Locale => (LOCALES as readonly string[]).includes(s);

/** The language LANG asks for: English when it starts with "en", else Chinese. */
export function localeFromEnv(lang: string | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') === true ? 'en' : 'zh-CN';
}

const VALUE_OPTIONS = ['--from', '--to', '--password-file', '--new-password-file', '--snapshot', '--level', '--invoices', '--attachments', '--seed', '--lang', '--keep-last', '--keep-daily', '--keep-weekly', '--keep-monthly'];

/** Parses argv (after the script name). */
export function parseBackupArgs(argv: readonly string[], env: { readonly LANG?: string | undefined }): BackupArgs {
  const options = new Map<string, string>();
  const positional: string[] = [];
  let locale = localeFromEnv(env.LANG);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help', locale };
    const eq = arg.indexOf('=');
    const name = arg.startsWith('--') && eq > 0 ? arg.slice(0, eq) : arg;
    if (VALUE_OPTIONS.includes(name)) {
      const value = eq > 0 && arg.startsWith('--') ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) return { kind: 'usage', message: `${name} needs a value`, locale };
      options.set(name, value);
      continue;
    }
    if (arg.startsWith('-')) return { kind: 'usage', message: `unknown option ${arg}`, locale };
    positional.push(arg);
  }
  const lang = options.get('--lang');
  if (lang !== undefined) {
    if (!isLocale(lang)) return { kind: 'usage', message: `--lang must be one of ${LOCALES.join(', ')}`, locale };
    locale = lang;
  }
  const [command, ...rest] = positional;
  const usage = (message: string): BackupArgs => ({ kind: 'usage', message, locale });
  const need = (option: string): string | null => options.get(option) ?? null;
  const count = (option: string, fallback: number): number | null => {
    const v = options.get(option);
    if (v === undefined) return fallback;
    return /^\d+$/.test(v) ? Number(v) : null;
  };
  const repo = rest[0];
  if (rest.length > (command === 'create' || command === 'demo' ? 0 : 1)) return usage(`too many arguments: ${rest.join(' ')}`);
  switch (command) {
    case 'create': {
      const from = need('--from'), to = need('--to'), passwordFile = need('--password-file');
      if (from === null || to === null || passwordFile === null) return usage('create needs --from, --to and --password-file');
      return { kind: 'create', from, to, passwordFile, locale };
    }
    case 'extract': {
      const to = need('--to'), passwordFile = need('--password-file');
      if (to === null || passwordFile === null || repo === undefined) return usage('extract needs --to, REPO and --password-file');
      return { kind: 'extract', to, repo, snapshot: options.get('--snapshot') ?? 'latest', passwordFile, locale };
    }
    case 'verify': {
      if (repo === undefined) return usage('verify needs REPO');
      const passwordFile = need('--password-file');
      const levelText = options.get('--level') ?? (passwordFile === null ? '0' : '2');
      if (!['0', '1', '2'].includes(levelText)) return usage('--level must be 0, 1 or 2');
      const level = Number(levelText) as 0 | 1 | 2;
      if (level > 0 && passwordFile === null) return usage(`level ${levelText} needs --password-file (level 0 does not)`);
      return { kind: 'verify', repo, level, passwordFile, locale };
    }
    case 'list': {
      const passwordFile = need('--password-file');
      if (repo === undefined || passwordFile === null) return usage('list needs REPO and --password-file');
      return { kind: 'list', repo, passwordFile, locale };
    }
    case 'prune': {
      const passwordFile = need('--password-file');
      const [keepLast, keepDaily, keepWeekly, keepMonthly] = [count('--keep-last', 1), count('--keep-daily', 7), count('--keep-weekly', 4), count('--keep-monthly', 0)];
      if (repo === undefined || passwordFile === null) return usage('prune needs REPO and --password-file');
      if (keepLast === null || keepDaily === null || keepWeekly === null || keepMonthly === null) return usage('--keep-* values must be whole numbers');
      return { kind: 'prune', repo, passwordFile, keepLast, keepDaily, keepWeekly, keepMonthly, locale };
    }
    case 'passwd': {
      const passwordFile = need('--password-file'), newPasswordFile = need('--new-password-file');
      if (repo === undefined || passwordFile === null || newPasswordFile === null) return usage('passwd needs REPO, --password-file and --new-password-file');
      return { kind: 'passwd', repo, passwordFile, newPasswordFile, locale };
    }
    case 'recovery-key': {
      const passwordFile = need('--password-file');
      if (repo === undefined || passwordFile === null) return usage('recovery-key needs REPO and --password-file');
      return { kind: 'recovery-key', repo, passwordFile, locale };
    }
    case 'demo': {
      const to = need('--to'), invoices = count('--invoices', -1), attachments = count('--attachments', 0), seed = count('--seed', 20261127);
      if (to === null || invoices === null || invoices < 0 || attachments === null || seed === null) return usage('demo needs --to and --invoices N (whole numbers)');
      return { kind: 'demo', to, invoices, attachments, seed, locale };
    }
    case undefined:
      return usage('no command given');
    default:
      return usage(`unknown command ${command}`);
  }
}
