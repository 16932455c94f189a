import { describe, expect, it } from 'vitest';
import { newInvoiceId, uuidv7, uuidv7Time } from './ids';

const zeros = new Uint8Array(10);
const ones = new Uint8Array(10).fill(0xff);

describe('uuidv7', () => {
  it('matches the RFC 9562 example layout (time 0x017F22E279B0)', () => {
    // RFC 9562 Appendix A.6: 2022-02-22 19:22:22 UTC = 0x017F22E279B0 ms.
    const id = uuidv7(0x017f22e279b0, Uint8Array.from([0xc, 0xc3, 0x18, 0xc4, 0xdc, 0x0c, 0x0c, 0x07, 0x39, 0x8f]));
    expect(id).toBe('017f22e2-79b0-7cc3-98c4-dc0c0c07398f');
  });

  it('sets version 7 and variant 10 whatever the random bytes are', () => {
    expect(uuidv7(1, zeros)).toBe('00000000-0001-7000-8000-000000000000');
    expect(uuidv7(2 ** 48 - 1, ones)).toBe('ffffffff-ffff-7fff-bfff-ffffffffffff');
  });

  it('sorts by time as text', () => {
    const a = uuidv7(1_700_000_000_000, ones);
    const b = uuidv7(1_700_000_000_001, zeros);
    expect(a < b).toBe(true);
    expect(uuidv7Time(a)).toBe(1_700_000_000_000);
    expect(uuidv7Time(newInvoiceId(1_700_000_000_001, zeros))).toBe(1_700_000_000_001);
  });

  it('throws on misuse (bad time, too little randomness)', () => {
    expect(() => uuidv7(-1, zeros)).toThrow(RangeError);
    expect(() => uuidv7(2 ** 48, zeros)).toThrow(RangeError);
    expect(() => uuidv7(1.5, zeros)).toThrow(RangeError);
    expect(() => uuidv7(1, new Uint8Array(9))).toThrow(RangeError);
  });

  it('rejects non-v7 text when reading the time back', () => {
    expect(uuidv7Time('017f22e2-79b0-4cc3-98c4-dc0c0c07398f')).toBeNull();
    expect(uuidv7Time('not-a-uuid')).toBeNull();
  });
});
