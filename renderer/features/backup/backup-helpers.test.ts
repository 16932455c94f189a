import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, hoursBetween, secondsLeft } from './format-progress';
import { passwordStrength } from './password-strength';
import { isAutoBackupDue } from './auto-backup-schedule';

describe('passwordStrength', () => {
  it.each([
    ['', 0], ['short1!', 0], ['aaaaaaaaaaaa', 1], ['1234567890', 1], ['password2026', 1],
    ['kettle2026', 2], ['kettle-river-47', 4], ['Ziyuan#2026!财务', 4], ['correct horse battery staple', 4],
  ])('rates %j as %i', (password, strength) => {
    expect(passwordStrength(password)).toBe(strength);
  });
});

describe('progress formatting', () => {
  it('formats sizes and durations', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1_500)).toBe('1.5 KB');
    expect(formatBytes(523_000_000)).toBe('523 MB');
    expect(formatDuration(125)).toBe('2:05');
  });

  it('estimates time left only once there is something to go on', () => {
    expect(secondsLeft(0, 100, 5000)).toBeNull();
    expect(secondsLeft(50, 100, 500)).toBeNull();
    expect(secondsLeft(25_000_000, 100_000_000, 5000)).toBe(15);
  });

  it('counts hours since an instant, and forever for none', () => {
    expect(hoursBetween('2026-11-26T00:00:00.000Z', Date.parse('2026-11-27T01:00:00.000Z'))).toBe(25);
    expect(hoursBetween('not a date', 0)).toBe(Infinity);
  });
});

describe('isAutoBackupDue', () => {
  const settings = { autoEnabled: true, autoEveryHours: 24, keepDaily: 7, keepWeekly: 4 };
  const last = (at: string) => ({ at, target: 'local', bytes: 1, automatic: true });
  const now = Date.parse('2026-11-27T12:00:00.000Z');

  it('is due with none yet, or once the interval has passed; never when switched off', () => {
    expect(isAutoBackupDue(settings, null, now)).toBe(true);
    expect(isAutoBackupDue(settings, last('2026-11-26T12:00:00.000Z'), now)).toBe(true);
    expect(isAutoBackupDue(settings, last('2026-11-26T13:00:00.000Z'), now)).toBe(false);
    expect(isAutoBackupDue({ ...settings, autoEveryHours: 12 }, last('2026-11-26T23:00:00.000Z'), now)).toBe(true);
    expect(isAutoBackupDue({ ...settings, autoEnabled: false }, null, now)).toBe(false);
  });
});
