import { describe, expect, it } from 'vitest';
import { parseAuditTrailArgs } from './audit-trail-args';

const H = 'AB'.repeat(32);

describe('parseAuditTrailArgs', () => {
  it('reads verify FILE with --head and --lang in either spelling, in any order', () => {
    expect(parseAuditTrailArgs(['verify', 'a.xlsx'], {})).toEqual({ kind: 'verify', file: 'a.xlsx', head: null, locale: 'zh-CN' });
    expect(parseAuditTrailArgs(['--lang=en', 'verify', `--head=${H}`, '审计 日志.xlsx'], {})).toEqual({ kind: 'verify', file: '审计 日志.xlsx', head: H.toLowerCase(), locale: 'en' });
    expect(parseAuditTrailArgs(['verify', 'a.xlsx', '--head', H], { LANG: 'en_GB.UTF-8' })).toMatchObject({ head: H.toLowerCase(), locale: 'en' });
  });

  it('takes the language from LANG, Chinese unless it starts with en', () => {
    expect(parseAuditTrailArgs(['--help'], { LANG: 'en_US.UTF-8' })).toEqual({ kind: 'help', locale: 'en' });
    expect(parseAuditTrailArgs(['--help'], { LANG: 'C.UTF-8' })).toEqual({ kind: 'help', locale: 'zh-CN' });
    expect(parseAuditTrailArgs(['-h', '--lang', 'en'], {})).toEqual({ kind: 'help', locale: 'en' });
  });

  it('says what is wrong with bad arguments', () => {
    const message = (argv: string[]) => {
      const r = parseAuditTrailArgs(argv, {});
      return r.kind === 'usage' ? r.message : r.kind;
    };
    expect(message([])).toBe('missing command (verify)');
    expect(message(['check', 'a.xlsx'])).toBe('unknown command "check" (the command is verify)');
    expect(message(['verify'])).toBe('verify needs the export file');
    expect(message(['verify', 'a', 'b'])).toBe('too many arguments: b');
    expect(message(['verify', 'a', '--head'])).toBe('--head needs a value');
    expect(message(['verify', 'a', '--head', 'abc'])).toBe('--head must be a SHA-256 hash: 64 hexadecimal digits');
    expect(message(['verify', 'a', '--head', H, '--head', H])).toBe('--head given twice');
    expect(message(['verify', 'a', '--lang', 'de'])).toBe('--lang must be one of zh-CN, en');
    expect(message(['verify', 'a', '-v'])).toBe('unknown option -v');
  });
});
