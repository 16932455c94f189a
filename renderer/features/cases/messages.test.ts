import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CASE_STATES, CONTACT_CHANNELS } from '../../../shared/cases/types';
import { LOST_PARTS } from '../../../shared/cases/materials';
import { CATALOGUE } from '../../app/i18n';
import { UI_MESSAGES } from '../../app/messages';
import { DOMAIN_MESSAGES } from '../../../shared/i18n/domain-messages';
import { CASES_MESSAGES } from './messages';
import { ACTIONS } from '../../../shared/auth/roles';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('CASES_MESSAGES', () => {
  it('has both languages with the same placeholders and shadows no shell or domain message', () => {
    for (const [key, m] of Object.entries(CASES_MESSAGES)) {
      expect(m['zh-CN'].trim(), key).not.toBe('');
      expect(m.en.trim(), key).not.toBe('');
      expect(holes(m.en), key).toEqual(holes(m['zh-CN']));
      expect(key in UI_MESSAGES || key in DOMAIN_MESSAGES, `${key} is defined elsewhere too`).toBe(false);
    }
  });

  it('names every case state, origin, channel and lost part', () => {
    const keys = [
      ...CASE_STATES.map((s) => `case.state.${s}`), ...CONTACT_CHANNELS.map((c) => `case.channel.${c}`),
      ...(['report', 'invoice', 'manual'] as const).map((o) => `case.origin.${o}`), ...LOST_PARTS.map((p) => `case.lostPart.${p}`),
      ...(['due', 'overdue', 'done'] as const).map((s) => `case.followUp.${s}`), 'case.illegal', 'case.reasonRequired',
    ];
    for (const key of keys) expect(CASES_MESSAGES, key).toHaveProperty([key]);
  });

  it('holds every literal key the case screens translate', () => {
    const dir = import.meta.dirname;
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))) {
      const text = readFileSync(join(dir, file), 'utf8');
      for (const m of text.matchAll(/\bt\('([\w.]+)'|'((?:cases?|followUps)\.[\w.]+)'/g)) used.add(m[1] ?? m[2] ?? '');
    }
    expect(used.size).toBeGreaterThan(40);
    // Permission actions ('case.edit') look like keys but are not messages.
    expect([...used].filter((k) => !(k in CATALOGUE) && !(ACTIONS as readonly string[]).includes(k))).toEqual([]);
  });
});
