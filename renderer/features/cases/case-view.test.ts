import { describe, expect, it } from 'vitest';
import type { CaseState, InvoiceCase } from '../../../shared/cases/types';
import { fen } from '../../../shared/domain/money';
import { refTotal, visibleCases } from './case-view';

const aCase = (id: string, state: CaseState, createdAt: string, deleted = false) =>
  ({ id, state, createdAt, deleted }) as unknown as InvoiceCase;

describe('visibleCases', () => {
  const all = [
    aCase('a', 'found', '2024-05-01'), aCase('b', 'archived', '2024-05-02'), aCase('c', 'closed', '2024-05-03'),
    aCase('d', 'received', '2024-05-04'), aCase('e', 'contacted', '2024-05-05', true),
  ];

  it('shows open, finished or all cases, never deleted ones', () => {
    expect(visibleCases(all, 'open', new Set()).map((c) => c.id)).toEqual(['d', 'a']);
    expect(visibleCases(all, 'closed', new Set()).map((c) => c.id)).toEqual(['c', 'b']);
    expect(visibleCases(all, 'all', new Set()).map((c) => c.id)).toEqual(['d', 'c', 'b', 'a']);
  });

  it('shows only open cases with a follow-up due when asked (a finished case with an old follow-up is not due)', () => {
    expect(visibleCases(all, 'due', new Set(['a', 'c', 'e'])).map((c) => c.id)).toEqual(['a']);
    expect(visibleCases(all, 'due', new Set())).toEqual([]);
  });

  it('puts cases with due follow-ups first', () => {
    expect(visibleCases(all, 'open', new Set(['a'])).map((c) => c.id)).toEqual(['a', 'd']);
  });
});

describe('refTotal', () => {
  it('formats fen and leaves an unknown total blank', () => {
    expect(refTotal({ kind: null, code: '', number: '', issueDate: '', seller: { name: '', taxId: '' }, total: fen(123456) })).toBe('1,234.56');
    expect(refTotal({ kind: null, code: '', number: '', issueDate: '', seller: { name: '', taxId: '' }, total: null })).toBe('');
  });
});
