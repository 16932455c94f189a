import { describe, expect, it } from 'vitest';
import { DOMAIN_MESSAGES } from '../../../shared/i18n/domain-messages';
import { SHEET_MESSAGES } from '../../../shared/reconcile/sheet';
import { UI_MESSAGES } from '../../app/messages';
import { BACKUP_MESSAGES } from '../backup/messages';
import { CASES_MESSAGES } from '../cases/messages';
import { SYNC_MESSAGES } from '../sync/messages';
import { RECONCILE_MESSAGES } from './messages';

const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((x) => x[1]).sort();

describe('RECONCILE_MESSAGES', () => {
  it('have both languages with the same placeholders', () => {
    for (const [key, m] of Object.entries(RECONCILE_MESSAGES)) {
      expect(m['zh-CN'].length, key).toBeGreaterThan(0);
      expect(m.en.length, key).toBeGreaterThan(0);
      expect(holes(m.en), key).toEqual(holes(m['zh-CN']));
    }
  });

  it('shadow no other catalogue’s key', () => {
    const others = { ...DOMAIN_MESSAGES, ...UI_MESSAGES, ...SYNC_MESSAGES, ...BACKUP_MESSAGES, ...CASES_MESSAGES, ...SHEET_MESSAGES };
    expect(Object.keys(RECONCILE_MESSAGES).filter((k) => k in others)).toEqual([]);
  });
});
