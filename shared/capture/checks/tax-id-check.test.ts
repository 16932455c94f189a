import { describe, expect, it } from 'vitest';
import { usccCheckChar } from '../../domain/tax-id';
import { judgeTaxId } from './tax-id-check';

describe('judgeTaxId', () => {
  it('confirms a USCC whose check character is right', () => {
    expect(judgeTaxId('91340100732995648F')).toEqual({ value: '91340100732995648F', verdict: 'checked' });
    expect(judgeTaxId('91340100ma2umw7e42')).toEqual({ value: '91340100MA2UMW7E42', verdict: 'checked' });
  });

  it('repairs one look-alike when exactly one substitution makes the check character right', () => {
    // MA → MR, a misreading seen on a real photo: more than one look-alike would fit, so it is not guessed.
    expect(judgeTaxId('91340100MR2UMW7E42')).toEqual({ value: '91340100MR2UMW7E42', verdict: 'wrongCheck' });
    expect(judgeTaxId('9134010O732995648F')).toEqual({ value: '91340100732995648F', verdict: 'repaired' });
  });

  it('leaves a reading with a wrong check character as wrongCheck when no single look-alike explains it', () => {
    const id = '91340100732995648F';
    const wrong = `${id.slice(0, 10)}11${id.slice(12)}`;
    expect(usccCheckChar(wrong)).not.toBe(wrong.charAt(17));
    expect(judgeTaxId(wrong)?.verdict).not.toBe('checked');
  });

  it('gives ids without a check character as unchecked and refuses other shapes', () => {
    expect(judgeTaxId('310113575878949')).toEqual({ value: '310113575878949', verdict: 'unchecked' });
    expect(judgeTaxId('12345')).toBeUndefined();
    expect(judgeTaxId('9134-0100')).toBeUndefined();
  });
});
