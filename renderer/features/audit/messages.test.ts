import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../../shared/audit/audit-chain';
import { ACTIONS } from '../../../shared/auth/roles';
import { DOMAIN_MESSAGES } from '../../../shared/i18n/domain-messages';
import { CATALOGUE } from '../../app/i18n';
import { UI_MESSAGES } from '../../app/messages';
import { AUDIT_MESSAGES } from './messages';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('AUDIT_MESSAGES', () => {
  it('has both languages with the same placeholders and shadows no shell or domain message', () => {
    for (const [key, m] of Object.entries(AUDIT_MESSAGES)) {
      expect(m['zh-CN'].trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(holes(m.en), key).toEqual(holes(m['zh-CN']));
      expect(key in UI_MESSAGES || key in DOMAIN_MESSAGES, `${key} is defined elsewhere too`).toBe(false);
    }
  });

  it('names every audit action, every permission action and every reason a chain can break', () => {
    for (const a of AUDIT_ACTIONS) expect(AUDIT_MESSAGES, a).toHaveProperty([`audit.${a}`]);
    for (const a of ACTIONS) expect(AUDIT_MESSAGES, a).toHaveProperty([`audit.permission.${a}`]);
    for (const r of ['gap', 'link', 'hash', 'missing', 'changed']) expect(AUDIT_MESSAGES, r).toHaveProperty([`audit.reason.${r}`]);
  });

  it('holds every literal key the audit screens and the invoice history translate', () => {
    const dir = import.meta.dirname;
    const files = readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.')).map((f) => join(dir, f));
    files.push(join(dir, '../invoices/detail/HistoryPanel.tsx'));
    const used = new Set<string>();
    for (const file of files) {
      for (const m of readFileSync(file, 'utf8').matchAll(/\bt\('([\w.]+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(40);
    expect([...used].filter((k) => !(k in CATALOGUE))).toEqual([]);
  });
});
