// Command-line arguments of `npm run reconcile`: --list F --ledger F [--bank F] [--out R.xlsx] [--from D] [--to D]
// [--company TAXID] [--direction in|out] [--previous F]. Every option takes a value, as `--name value` or `--name=value`.
import { parseIssueDate } from '../shared/domain/date';

/** What to reconcile, or why not. */
export type ReconcileArgs =
  | {
    readonly kind: 'run';
    readonly list: string;
    readonly ledger: string;
    readonly bank: string | null;
    readonly out: string | null;
    readonly from: string | null;
    readonly to: string | null;
    readonly company: string | null;
    readonly direction: 'in' | 'out';
    readonly previous: string | null;
  }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage'; readonly message: string };

export const RECONCILE_USAGE = `usage: npm run reconcile -- --list PLATFORM_EXPORT --ledger LEDGER [--bank STATEMENT] [--out REPORT.xlsx]
                           [--from YYYY-MM-DD --to YYYY-MM-DD] [--company TAXID] [--direction in|out]
                           [--previous EARLIER_OUTPUT.jsonl]
  Prints one JSON summary line, then one JSON line per finding (see docs/reconcile.md).
  --list       the tax platform's 全量发票查询 (or 勾选) export: .xlsx, .xls or .csv
  --ledger     the app's ledger export, or any ledger spreadsheet with recognisable headers
  --bank       a bank statement (借方/贷方 or one signed amount column)
  --out        also write the report as .xlsx (one sheet per finding type)
  --from/--to  the period, both ends included (default: the whole months the list covers)
  --company    the company's tax id (default: the buyer tax id found most often on the list)
  --direction  in = incoming invoices, the company buys (default); out = outgoing, the company sells
  --previous   the output of an earlier run (saved stdout): findings not in it are marked "new": true`;

const OPTIONS = ['list', 'ledger', 'bank', 'out', 'from', 'to', 'company', 'direction', 'previous'] as const;
type Option = (typeof OPTIONS)[number];
const isOption = (s: string): s is Option => (OPTIONS as readonly string[]).includes(s);

function checkDate(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  const parsed = parseIssueDate(value);
  return parsed.ok && parsed.value === value ? null : `--${name} must be a date written YYYY-MM-DD, got "${value}"`;
}

/** Parses argv (without node and the script). */
export function parseReconcileArgs(argv: readonly string[]): ReconcileArgs {
  const values: Partial<Record<Option, string>> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') return { kind: 'help' };
    const m = /^--([a-z]+)(?:=(.*))?$/s.exec(arg);
    if (!m) return { kind: 'usage', message: arg.startsWith('-') ? `unknown option ${arg}` : `unexpected argument "${arg}" (files are given with --list, --ledger and --bank)` };
    const name = m[1] ?? '';
    if (!isOption(name)) return { kind: 'usage', message: `unknown option --${name}` };
    const value = m[2] ?? argv[++i];
    if (value === undefined || value === '') return { kind: 'usage', message: `--${name} needs a value` };
    if (values[name] !== undefined) return { kind: 'usage', message: `--${name} given twice` };
    values[name] = value;
  }
  if (values.list === undefined) return { kind: 'usage', message: 'missing --list (the platform export)' };
  if (values.ledger === undefined) return { kind: 'usage', message: 'missing --ledger (the ledger spreadsheet)' };
  const dateProblem = checkDate('from', values.from) ?? checkDate('to', values.to);
  if (dateProblem) return { kind: 'usage', message: dateProblem };
  if (values.from !== undefined && values.to !== undefined && values.from > values.to) return { kind: 'usage', message: `--from ${values.from} is after --to ${values.to}` };
  const direction = values.direction ?? 'in';
  if (direction !== 'in' && direction !== 'out') return { kind: 'usage', message: `--direction must be in or out, got "${direction}"` };
  return {
    kind: 'run', list: values.list, ledger: values.ledger, bank: values.bank ?? null, out: values.out ?? null,
    from: values.from ?? null, to: values.to ?? null, company: values.company ?? null, direction, previous: values.previous ?? null,
  };
}
