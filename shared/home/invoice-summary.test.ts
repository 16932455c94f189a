import { describe, expect, it } from 'vitest';
import { packChunk, unpackChunk, type ListEntry } from '../search/list-chunk';
import { statusCode } from '../search/list-chunk';
import { lastTwelveMonths, summarizeInvoices, type HomeClock } from './invoice-summary';

const TODAY = Date.parse('2026-12-06T00:00:00+08:00');
const clock: HomeClock = { todayStart: TODAY, weekStart: Date.parse('2026-11-30T00:00:00+08:00'), months: lastTwelveMonths('2026-12-06') };

let n = 0;
const entry = (over: Partial<ListEntry>): ListEntry => ({
  id: `id-${String(++n)}`, date: 20261201, status: statusCode('entered'), kind: 0, total: 10_000, deleted: false, hasAttachment: false,
  hasWarnings: false, duplicate: false, created: TODAY + 3600_000, number: '1', code: '', seller: 's\u00011', buyer: 'b\u00012', ...over,
});

describe('summarizeInvoices', () => {
  const chunk = (entries: ListEntry[]) => unpackChunk(packChunk(0, 1, entries));

  it('counts today, this week, waiting, warnings and duplicates, never the recycle bin', () => {
    const s = summarizeInvoices([chunk([
      entry({}),
      entry({ created: TODAY - 1, status: statusCode('verified'), hasWarnings: true }),
      entry({ created: Date.parse('2026-11-29T23:59:59+08:00'), duplicate: true }),
      entry({ deleted: true, hasWarnings: true, duplicate: true }),
    ])], clock);
    expect(s).toMatchObject({ live: 3, capturedToday: 1, capturedThisWeek: 2, entered: 2, withWarnings: 1, duplicates: 1 });
  });

  it('sums counts and 价税合计 by issue month and status group over the last twelve months only', () => {
    const s = summarizeInvoices([chunk([
      entry({ date: 20261205, total: 37_900 }),
      entry({ date: 20261101, status: statusCode('reimbursed'), total: 100 }),
      entry({ date: 20261130, status: statusCode('booked'), total: 200 }),
      entry({ date: 20260105, status: statusCode('replacing'), total: -50 }),
      entry({ date: 20251231, total: 999 }),
    ])], clock);
    expect(s.months).toHaveLength(12);
    expect(s.months[11]).toMatchObject({ month: '2026-12', count: { entered: 1, booked: 0 }, total: { entered: 37_900 } });
    expect(s.months[10]).toMatchObject({ month: '2026-11', count: { booked: 2 }, total: { booked: 300 } });
    expect(s.months[0]).toMatchObject({ month: '2026-01', count: { lost: 1 }, total: { lost: -50 } });
    expect(s.months.reduce((sum, m) => sum + m.count.entered, 0)).toBe(1);
  });
});

describe('lastTwelveMonths', () => {
  it('ends with this month and crosses the year', () => {
    expect(lastTwelveMonths('2026-03-31')).toEqual([
      '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03',
    ]);
  });
});
