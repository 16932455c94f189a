import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { CATALOGUE } from '../../app/i18n';
import { allowedCommands, matchCommands } from './match';
import { COMMANDS, type Command } from './registry';

const labels = (c: Command) => [translate(CATALOGUE, 'zh-CN', c.labelKey), translate(CATALOGUE, 'en', c.labelKey)];
const admin = { login: 'wang', role: 'admin' } as const;
const clerk = { login: 'li', role: 'clerk' } as const;
const auditor = { login: 'zhao', role: 'auditor' } as const;
const ids = (q: string, actor: typeof admin | typeof clerk | typeof auditor | null = admin) => matchCommands(COMMANDS, q, actor, labels).map((c) => c.id);

describe('command matching', () => {
  it('lists everything the role may use, in registry order, when nothing is typed', () => {
    expect(ids('')).toEqual(COMMANDS.map((c) => c.id));
    expect(ids('   ')).toEqual(COMMANDS.map((c) => c.id));
  });

  it('finds a screen by its Chinese or English label, first', () => {
    expect(ids('对账')[0]).toBe('go.reconcile');
    expect(ids('reconc')[0]).toBe('go.reconcile');
    expect(ids('审计')[0]).toBe('go.audit');
    expect(ids('立即同步')).toEqual(['do.syncNow']);
  });

  it('finds by pinyin initials and synonyms, case-insensitively and with full-width letters', () => {
    expect(ids('dz')[0]).toBe('go.reconcile');
    expect(ids('YHGL')).toEqual(['go.users']);
    expect(ids('ｅｘｃｅｌ')[0]).toBe('go.sheets');
    expect(ids('logout')).toEqual(['do.signOut']);
    // a whole keyword (dz) before a longer one that starts with it (dzfp, the capture page's 电子发票)
    expect(ids('dz').slice(0, 2)).toEqual(['go.reconcile', 'go.capture']);
  });

  it('ranks label prefixes before label substrings before keywords, ties in registry order', () => {
    // "同步": the sync page's label starts with it, 立即同步 contains it.
    expect(ids('同步')).toEqual(['go.sync', 'do.syncNow']);
    // "审计": 审计日志 starts with it; 立即验证审计日志 contains it.
    expect(ids('审计')).toEqual(['go.audit', 'do.verifyAudit']);
  });

  it('needs every typed term to match', () => {
    expect(ids('立即 验证')).toEqual(['do.verifyAudit']);
    expect(ids('立即 excel')).toEqual([]);
    expect(ids('zzzz')).toEqual([]);
  });

  it("offers only what the role may do (authorize from the role table)", () => {
    expect(ids('', clerk)).not.toContain('go.users');
    expect(ids('', clerk)).not.toContain('go.audit');
    expect(ids('', clerk)).not.toContain('do.verifyAudit');
    expect(ids('用户管理', clerk)).toEqual([]);
    expect(ids('', clerk)).toContain('go.new');
    expect(ids('', auditor)).not.toContain('go.new');
    expect(ids('', auditor)).not.toContain('go.capture');
    expect(ids('', auditor)).toContain('do.verifyAudit');
    expect(ids('审计', auditor)[0]).toBe('go.audit');
    expect(allowedCommands(COMMANDS, null)).toEqual([]);
  });
});

describe('command registry', () => {
  it('has unique ids and labels and shortcut lines in both languages', async () => {
    const { SHORTCUTS, SHORTCUT_AREAS } = await import('./registry');
    expect(new Set(COMMANDS.map((c) => c.id)).size).toBe(COMMANDS.length);
    const keys = [...COMMANDS.map((c) => c.labelKey), ...SHORTCUTS.map((s) => s.labelKey), ...SHORTCUT_AREAS.map((a) => `shortcut.area.${a}`),
      'command.group.go', 'command.group.do'];
    for (const key of keys) {
      expect(CATALOGUE[key]?.['zh-CN'], key).toBeTruthy();
      expect(CATALOGUE[key]?.en, key).toBeTruthy();
    }
    for (const area of SHORTCUT_AREAS) expect(SHORTCUTS.some((s) => s.area === area), area).toBe(true);
  });

  it('reaches every screen whose route has no record id', () => {
    const screens = COMMANDS.flatMap((c) => (c.effect.kind === 'navigate' ? [c.effect.route.name] : []));
    expect(new Set(screens)).toEqual(new Set(['home', 'ledger', 'new', 'capture', 'reconcile', 'cases', 'sheets', 'bin', 'sync', 'backup', 'audit', 'users', 'feedback', 'manual', 'monthEnd']));
  });
});
