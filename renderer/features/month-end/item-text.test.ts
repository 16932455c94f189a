import { describe, expect, it } from 'vitest';
import { translate } from '../../../shared/i18n/translate';
import { CHECK_REASONS, type CheckItemId, type CheckItemResult } from '../../../shared/period-check/types';
import { evaluatePeriodCheck } from '../../../shared/period-check/evaluate';
import type { T } from '../../app/i18n';
import { CATALOGUE } from '../../app/i18n';
import { itemFixes } from './item-fixes';
import { exampleText, itemDetail, monthLabel } from './item-text';

const tIn = (locale: 'zh-CN' | 'en'): T => (key, params) => translate(CATALOGUE, locale, key, params);
const zh = tIn('zh-CN');
const period = { from: '2026-03-01', to: '2026-03-31' };
const item = (id: CheckItemId, reason: CheckItemResult['reason'], facts: CheckItemResult['facts'] = {}, count = 0): CheckItemResult =>
  ({ id, reason, pass: reason === 'ok' || reason === 'noChange', count, examples: [], facts });

describe('month-end item words', () => {
  it('word every reason of every item in both languages, with no placeholder left', () => {
    const facts = { invoices: 3, warnings: 1, duplicates: 2, runAt: '2026-04-01T02:00:00.000Z', runBy: 'wang', runFrom: '2026-03-01', runTo: '2026-03-31', lastChangeAt: null, lastBackupAt: '2026-04-01T02:00:00.000Z', verifiedAt: '2026-04-01T03:00:00.000Z', verifiedBy: 'li', brokenSeq: 7 };
    for (const t of [zh, tIn('en')]) {
      for (const [id, reasons] of Object.entries(CHECK_REASONS) as [CheckItemId, readonly CheckItemResult['reason'][]][]) {
        for (const reason of reasons) {
          const text = itemDetail(t, item(id, reason, facts, 2), (login) => `「${login}」`);
          expect(text, `${id}.${reason}`).not.toMatch(/[{}]|monthEnd\./);
        }
      }
    }
  });

  it('names people, shows local times and says 从未 for what never happened', () => {
    const text = itemDetail(zh, item('backup', 'noBackupAfterChange', { lastChangeAt: '2026-04-01T02:00:00.000Z', lastBackupAt: null, verifiedAt: null }), (l) => l);
    expect(text).toContain('从未');
    expect(text).not.toContain('T02:00');
    expect(itemDetail(zh, item('audit', 'ok', { verifiedAt: '2026-04-01T03:00:00.000Z', verifiedBy: 'li', lastChangeAt: null, brokenSeq: null }), () => '李审核')).toContain('李审核');
    expect(itemDetail(zh, item('checked', 'ok', { invoices: 0 }), (l) => l)).toBe('本月没有录入发票。');
  });

  it('writes an example with number, seller, date, total and the problem', () => {
    expect(exampleText(zh, { ref: 'i1', number: '12345678', seller: '青岛某某', issueDate: '2026-03-02', total: 123456, problem: 'duplicate' }))
      .toBe('发票号码 12345678 · 青岛某某 · 2026-03-02 · ¥1,234.56（疑似重复）');
    expect(exampleText(zh, { ref: 'k', number: '0001', seller: '', issueDate: '', total: null, problem: 'missing' })).toBe('发票号码 0001（台账缺少）');
  });

  it('names months as people say them', () => {
    expect(monthLabel('2026-03', 'zh-CN')).toBe('2026年3月');
    expect(monthLabel('2026-03', 'en')).toBe('March 2026');
  });
});

describe('month-end fixes', () => {
  const failing = evaluatePeriodCheck({
    month: '2026-03', invoices: [], runs: [], findingNotes: new Map(), caseFindingKeys: new Set(), lastChange: { seq: 1, at: 't' },
    backup: { lastBackupAt: null, lastVerified: null }, audit: null,
  });

  it('send a failing item a to the ledger filtered to the month and 已录入, and passing items nowhere', () => {
    expect(itemFixes(item('checked', 'unchecked', {}, 1), period)).toEqual([{ label: 'monthEnd.fix.checked', kind: 'ledger', filter: { dateFrom: '2026-03-01', dateTo: '2026-03-31', statuses: ['entered'] } }]);
    expect(itemFixes(item('checked', 'ok'), period)).toEqual([]);
  });

  it('open the ledger for warnings and for duplicates separately, and the right screens for the rest', () => {
    expect(itemFixes(item('clean', 'open', { warnings: 1, duplicates: 0 }, 1), period).map((f) => f.kind === 'ledger' ? f.filter : null))
      .toEqual([{ dateFrom: '2026-03-01', dateTo: '2026-03-31', statuses: ['entered'], hasWarnings: 'yes' }]);
    expect(itemFixes(item('clean', 'open', { warnings: 0, duplicates: 2 }, 2), period).map((f) => f.label)).toEqual(['monthEnd.fix.duplicates']);
    const routes = failing.items.flatMap((i) => itemFixes(i, period).flatMap((f) => (f.kind === 'route' ? [f.route.name] : [])));
    expect(routes).toEqual(['reconcile', 'backup', 'audit']);
    expect(itemFixes(item('reconciled', 'missingOpen', {}, 2), period).map((f) => f.kind === 'route' ? f.route.name : '')).toEqual(['reconcile', 'cases']);
  });
});
