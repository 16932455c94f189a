import { describe, expect, it } from 'vitest';
import { entryChanges, refusedFacts } from './entry-changes';
import { auditFieldLabel, formatAuditValue } from './format-audit-value';
import { localDayStart, toAuditView } from './audit-filter-form';
import { translate } from '../../../shared/i18n/translate';
import { CATALOGUE } from '../../app/i18n';

const t = (key: string, params?: Readonly<Record<string, string | number>>) => translate(CATALOGUE, 'zh-CN', key, params);

describe('entryChanges', () => {
  it('lists an edit as each field before → after, leaving out fields another row already tells', () => {
    const rows = entryChanges({ before: { remarks: '', total: 100, statusHistory: [] }, after: { remarks: '改过', total: 200, statusHistory: [{}] } });
    expect(rows).toEqual([{ field: 'remarks', before: '', after: '改过' }, { field: 'total', before: 100, after: 200 }]);
  });

  it('lists a new record and an event by their values only', () => {
    expect(entryChanges({ before: null, after: { number: '1', total: 5 } })).toEqual([{ field: 'number', after: '1' }, { field: 'total', after: 5 }]);
    expect(entryChanges({ before: null, after: { file: '台账.xlsx', rows: 3 } })).toEqual([{ field: 'file', after: '台账.xlsx' }, { field: 'rows', after: 3 }]);
    expect(entryChanges({ before: null, after: null })).toEqual([]);
    expect(entryChanges({ before: null, after: 'text' })).toEqual([{ field: '', after: 'text' }]);
  });

  it('shows a field missing from before as empty (null), not as missing', () => {
    expect(entryChanges({ before: {}, after: { tags: ['a'] } })).toEqual([{ field: 'tags', before: null, after: ['a'] }]);
  });
});

describe('refusedFacts', () => {
  it('reads a refusal\'s action, reason and roles, and nothing from other entries', () => {
    const after = { action: 'invoice.purge', reason: 'role', needs: ['admin', 'nobody'], role: 'clerk' };
    expect(refusedFacts({ action: 'refused', after })).toEqual({ action: 'invoice.purge', reason: 'role', needs: ['admin'] });
    expect(refusedFacts({ action: 'export', after })).toBeNull();
    expect(refusedFacts({ action: 'refused', after: { action: 'x', reason: 'because', needs: [] } })).toBeNull();
  });
});

describe('formatAuditValue', () => {
  it('reads money in yuan, statuses, yes/no, parties, lines, and clips long text', () => {
    expect(formatAuditValue(t, 'total', 52600)).toBe('¥526.00');
    expect(formatAuditValue(t, 'status', 'verified')).toBe('已核对');
    expect(formatAuditValue(t, 'deleted', true)).toBe('是');
    expect(formatAuditValue(t, 'seller', { name: '某公司', taxId: '9132' })).toBe('某公司（9132）');
    expect(formatAuditValue(t, 'lines', [{}, {}])).toBe('2 行明细');
    expect(formatAuditValue(t, 'remarks', '')).toBe('（空）');
    expect(formatAuditValue(t, 'remarks', 'x'.repeat(200))).toHaveLength(80);
    expect(formatAuditValue(t, 'remarks', '<script>alert(1)</script>')).toBe('<script>alert(1)</script>');
  });

  it('labels invoice fields with the form names and event facts with the audit names', () => {
    expect(auditFieldLabel(t, 'remarks')).toBe('备注');
    expect(auditFieldLabel(t, 'file')).toBe('文件');
    expect(auditFieldLabel(t, 'somethingNew')).toBe('somethingNew');
  });
});

describe('toAuditView', () => {
  it('turns local days into [midnight, next midnight) and keeps only what was typed', () => {
    const { view, problems } = toAuditView({ user: 'clerk1', from: '2026-03-01', to: '2026/03/31', record: ' 83089647 ', action: 'update' });
    expect(problems).toEqual({});
    expect(view).toEqual({
      user: 'clerk1', since: new Date(2026, 2, 1).toISOString(), until: new Date(2026, 3, 1).toISOString(), record: '83089647', actions: ['update'],
    });
    expect(toAuditView({ user: '', from: '', to: '', record: '', action: '' }).view).toEqual({});
  });

  it('ignores a date that is not one and says so', () => {
    const { view, problems } = toAuditView({ user: '', from: '2026-02-30', to: 'soon', record: '', action: '' });
    expect(view).toEqual({});
    expect(problems).toEqual({ from: 'badDate', to: 'badDate' });
    expect(localDayStart('2026-12-31', 1)).toBe(new Date(2027, 0, 1).toISOString());
  });
});
