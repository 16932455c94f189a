import { describe, expect, it } from 'vitest';
import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  it('doubles per failure within half and all of the step, and stops at the cap', () => {
    expect(backoffDelay(1, () => 0)).toBe(500);
    expect(backoffDelay(1, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0.5)).toBe(3000);
    expect(backoffDelay(50, () => 1)).toBe(300_000);
    expect(backoffDelay(50, () => 0)).toBe(150_000);
  });

  it('never returns less than half the base, even for bad random values', () => {
    expect(backoffDelay(0, () => -5)).toBe(500);
    expect(backoffDelay(1, () => 7)).toBe(1000);
  });
});
