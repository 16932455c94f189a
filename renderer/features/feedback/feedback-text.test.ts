import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { CATALOGUE, type T } from '../../app/i18n';
import { screenLabel } from './feedback-text';

const zh: T = (key, params) => translate(CATALOGUE, 'zh-CN', key, params);
const en: T = (key, params) => translate(CATALOGUE, 'en', key, params);

describe('screenLabel', () => {
  it('names every kind of screen in words, never with a catalogue key', () => {
    const hashes = ['#/', '#/ledger', '#/bin', '#/new', '#/capture', '#/sync', '#/backup', '#/reconcile', '#/sheets', '#/cases',
      '#/audit', '#/users', '#/feedback', '#/month-end', '#/month-end/abc', '#/manual', '#/manual/print', '#/case/c1',
      '#/invoice/i1', '#/invoice/i1/edit', '#/print/ledger?status=entered'];
    for (const hash of hashes) {
      for (const t of [zh, en]) {
        const label = screenLabel(t, hash);
        expect(label, hash).not.toMatch(/\b(nav|print)\.[a-zA-Z]+/);
        expect(label.endsWith(`(${hash})`), hash).toBe(true);
      }
    }
  });

  it('names a page reached from a list by that list, and says when there was no screen', () => {
    expect(screenLabel(zh, '#/invoice/i1')).toBe('发票台账 (#/invoice/i1)');
    expect(screenLabel(zh, '#/print/ledger')).toBe('打印 (#/print/ledger)');
    expect(screenLabel(en, '#/month-end/abc')).toBe('Month-end check (#/month-end/abc)');
    expect(screenLabel(zh, '')).toBe(zh('feedback.screen.none'));
  });
});
