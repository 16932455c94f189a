import { describe, expect, it } from 'vitest';
import { followUpState, isFollowUpDue, nextFollowUp } from './follow-ups';

const entry = (followUp: string, followUpDone = false, deleted = false) => ({ followUp, followUpDone, deleted });

describe('followUpState', () => {
  it('tells none, done, later, due and overdue apart on a given day', () => {
    expect(followUpState(entry(''), '2024-05-08')).toBe('none');
    expect(followUpState(entry('2024-05-01', true), '2024-05-08')).toBe('done');
    expect(followUpState(entry('2024-05-09'), '2024-05-08')).toBe('later');
    expect(followUpState(entry('2024-05-08'), '2024-05-08')).toBe('due');
    expect(followUpState(entry('2024-04-30'), '2024-05-08')).toBe('overdue');
  });

  it('counts due today and overdue as needing attention, across a month end', () => {
    expect(isFollowUpDue(entry('2024-04-30'), '2024-05-01')).toBe(true);
    expect(isFollowUpDue(entry('2024-05-01'), '2024-05-01')).toBe(true);
    expect(isFollowUpDue(entry('2024-05-02'), '2024-05-01')).toBe(false);
    expect(isFollowUpDue(entry('2024-04-30', true), '2024-05-01')).toBe(false);
  });
});

describe('nextFollowUp', () => {
  it('is the earliest open date, skipping settled, deleted and empty ones', () => {
    expect(nextFollowUp([entry('2024-05-20'), entry('2024-05-03', true), entry(''), entry('2024-05-01', false, true), entry('2024-05-12')])).toBe('2024-05-12');
    expect(nextFollowUp([entry(''), entry('2024-05-03', true)])).toBeNull();
    expect(nextFollowUp([])).toBeNull();
  });
});
