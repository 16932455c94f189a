import { describe, expect, it } from 'vitest';
import { translate, type Locale } from '../../../shared/i18n/translate';
import { CATALOGUE } from '../../app/i18n';
import { failureText } from './failure-text';

const t = (locale: Locale) => (key: string, params?: Readonly<Record<string, string | number>>) => translate(CATALOGUE, locale, key, params);

describe('failureText', () => {
  it('says which audit entry the server refused and why, in both languages (never a bare code)', () => {
    for (const reason of ['gap', 'link', 'hash', 'fork'] as const) {
      const zh = failureText(t('zh-CN'), { kind: 'auditBroken', seq: 42, reason, lastSeq: 41 });
      const en = failureText(t('en'), { kind: 'auditBroken', seq: 42, reason, lastSeq: 41 });
      expect(zh).toContain('第 42 条');
      expect(en).toContain('entry 42');
      for (const text of [zh, en]) expect(text).not.toMatch(/sync\.|\{|audit_broken/);
    }
    expect(failureText(t('zh-CN'), { kind: 'auditBroken', seq: 7, reason: 'fork', lastSeq: 9 })).toContain('与服务器上已保存的同一条不同');
  });
});
