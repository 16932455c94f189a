import { describe, expect, it } from 'vitest';
import { isBackupOverdue } from './overdue';

describe('isBackupOverdue', () => {
  const now = Date.parse('2026-12-06T10:00:00Z');
  it('is red when never backed up, after 24 hours, or on an unreadable time', () => {
    expect(isBackupOverdue(null, now)).toBe(true);
    expect(isBackupOverdue('2026-12-05T09:59:00Z', now)).toBe(true);
    expect(isBackupOverdue('2026-12-05T10:01:00Z', now)).toBe(false);
    expect(isBackupOverdue('yesterday', now)).toBe(true);
  });
});
