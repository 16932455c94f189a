import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STATUS_GROUP_ORDER } from '../../../shared/home/invoice-summary';
import { CATALOGUE } from '../../app/i18n';
import { HOME_MESSAGES } from './messages';

describe('HOME_MESSAGES', () => {
  it('holds every key the home page translates, in both languages', () => {
    const used = new Set<string>([...STATUS_GROUP_ORDER.map((g) => `home.group.${g}`), ...['found', 'recovered', 'closed'].map((k) => `home.cases.${k}`)]);
    for (const file of readdirSync(import.meta.dirname).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))) {
      const text = readFileSync(join(import.meta.dirname, file), 'utf8');
      for (const m of text.matchAll(/\bt\(\s*(?:[^'()]*\?\s*)?'([\w.]+)'/g)) used.add(m[1] ?? '');
      for (const m of text.matchAll(/'(home\.[\w.]+)'/g)) used.add(m[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(40);
    for (const key of used) {
      expect(CATALOGUE[key]?.['zh-CN'], key).toBeTruthy();
      expect(CATALOGUE[key]?.en, key).toBeTruthy();
    }
    for (const key of Object.keys(HOME_MESSAGES)) expect(key === 'nav.home' || key.startsWith('home.'), key).toBe(true);
  });
});
