import { describe, expect, it } from 'vitest';
import { parseReconcileArgs } from './reconcile-args';

describe('parseReconcileArgs', () => {
  it('takes every option in both spellings with defaults for the rest', () => {
    expect(parseReconcileArgs(['--list', 'l.xlsx', '--ledger=t.xlsx'])).toEqual({
      kind: 'run', list: 'l.xlsx', ledger: 't.xlsx', bank: null, out: null, from: null, to: null, company: null, direction: 'in', previous: null,
    });
    expect(parseReconcileArgs(['--list', 'l.xlsx', '--ledger', 't.xlsx', '--bank', 'b.csv', '--out', 'r.xlsx', '--from', '2024-05-01', '--to=2024-05-31', '--company', '91110108690017781B', '--direction', 'out', '--previous', 'april.jsonl'])).toEqual({
      kind: 'run', list: 'l.xlsx', ledger: 't.xlsx', bank: 'b.csv', out: 'r.xlsx', from: '2024-05-01', to: '2024-05-31', company: '91110108690017781B', direction: 'out', previous: 'april.jsonl',
    });
  });

  it('asks for help', () => {
    expect(parseReconcileArgs(['--list', 'x', '--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [[], 'missing --list (the platform export)'],
    [['--list', 'l.xlsx'], 'missing --ledger (the ledger spreadsheet)'],
    [['--list', 'l', '--ledger', 't', '--verbose'], 'unknown option --verbose'],
    [['--list', 'l', '--ledger', 't', '-v'], 'unknown option -v'],
    [['--list', 'l', '--ledger', 't', 'extra.xlsx'], 'unexpected argument "extra.xlsx" (files are given with --list, --ledger and --bank)'],
    [['--list', 'l', '--ledger'], '--ledger needs a value'],
    [['--list', 'l', '--list', 'm', '--ledger', 't'], '--list given twice'],
    [['--list', 'l', '--ledger', 't', '--from', '2024/05/01'], '--from must be a date written YYYY-MM-DD, got "2024/05/01"'],
    [['--list', 'l', '--ledger', 't', '--to', '2023-02-29'], '--to must be a date written YYYY-MM-DD, got "2023-02-29"'],
    [['--list', 'l', '--ledger', 't', '--from', '2024-06-01', '--to', '2024-05-31'], '--from 2024-06-01 is after --to 2024-05-31'],
    [['--list', 'l', '--ledger', 't', '--direction', 'both'], '--direction must be in or out, got "both"'],
  ])('refuses %j', (argv, message) => {
    expect(parseReconcileArgs(argv)).toEqual({ kind: 'usage', message });
  });
});
