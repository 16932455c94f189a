import { describe, expect, it } from 'vitest';
import { UI_MESSAGES } from './messages';
import { DOMAIN_MESSAGES } from '../../shared/i18n/domain-messages';
import { SYNC_MESSAGES } from '../features/sync/messages';
import { BACKUP_MESSAGES } from '../features/backup/messages';
import { AUTH_MESSAGES } from '../features/auth/messages';
import { COMMANDS_MESSAGES } from '../features/commands/messages';
import { FEEDBACK_MESSAGES } from '../features/feedback/messages';
import { PRINT_MESSAGES } from '../features/print/messages';
import { HOME_MESSAGES } from '../features/home/messages';
import { MONTH_END_MESSAGES } from '../features/month-end/messages';
import { CATALOGUE } from './i18n';
import { ROLES } from '../../shared/auth/roles';

describe('UI messages', () => {
  it('have both languages, the same placeholders in each, and do not shadow domain messages', () => {
    const catalogues = [UI_MESSAGES, SYNC_MESSAGES, BACKUP_MESSAGES, AUTH_MESSAGES, COMMANDS_MESSAGES, FEEDBACK_MESSAGES, PRINT_MESSAGES, HOME_MESSAGES, MONTH_END_MESSAGES];
    const keys = catalogues.flatMap((c) => Object.keys(c));
    expect(new Set(keys).size, 'a key is defined in two feature catalogues').toBe(keys.length);
    for (const [key, m] of catalogues.flatMap((c) => Object.entries(c))) {
      expect(m['zh-CN'].length, key).toBeGreaterThan(0);
      expect(m.en.length, key).toBeGreaterThan(0);
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();
      expect(holes(m.en), key).toEqual(holes(m['zh-CN']));
      expect(key in DOMAIN_MESSAGES, `${key} is also a domain message`).toBe(false);
    }
  });

  it('name every role (refusals say which role they need)', () => {
    for (const role of ROLES) expect(CATALOGUE[`role.${role}`], role).toBeDefined();
  });
});
