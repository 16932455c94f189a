import { describe, expect, it } from 'vitest';
import type { Issue } from './invoice';
import { idCardCheckChar, orgCodeCheckChar, usccCheckChar, validateTaxId } from './tax-id';

// Real IDs printed on the sample invoices: they pass both the USCC and the inner GB 11714 check.
const REAL_USCC = [
  '91110108690017781B', '92330781MA2EDMFU50', '123300004700050170', '92440300L08175019R', '91370203MA3N3AR685',
  '913710007062495888', '91510000765055994P', '92510124MA6B1BBY1G', '91120222079642398Y', '91110108339805094M',
  '91320115MA202UKD7X',
];

const codes = (issues: readonly Issue[]) => issues.map((i) => `${i.severity}:${i.code}`);
const normal = { kind: 'digital_normal' } as const;

describe('USCC check characters', () => {
  it.each(REAL_USCC)('%s: check character and inner organisation code check match', (id) => {
    expect(usccCheckChar(id)).toBe(id.charAt(17));
    expect(orgCodeCheckChar(id.slice(8, 16))).toBe(id.charAt(16));
    expect(validateTaxId(id, 'seller', normal)).toEqual([]);
  });

  it('computes the expected character for the fake vendor-demo IDs', () => {
    expect(usccCheckChar('91500106MA2CE71F65')).toBe('6');
    expect(usccCheckChar('91500102563638729E')).toBe('5');
  });

  it('returns null for characters outside the charset', () => {
    expect(usccCheckChar('9150010807MGZHI002')).toBeNull();
  });

  it('maps an organisation-code remainder of 10 to X', () => {
    expect(orgCodeCheckChar('MA202UKD')).toBe('7');
    // 91320115MA202UKD7X: the USCC check character itself is X.
    expect(usccCheckChar('91320115MA202UKD7')).toBe('X');
  });
});

describe('validateTaxId', () => {
  it('refuses a wrong USCC check character, naming the expected one', () => {
    expect(validateTaxId('91500106MA2CE71F65', 'seller', normal)).toEqual([
      { field: 'sellerTaxId', severity: 'error', code: 'taxId.checkChar', params: { expected: '6' } },
    ]);
    expect(validateTaxId('91500102563638729E', 'buyer', normal)).toEqual([
      { field: 'buyerTaxId', severity: 'error', code: 'taxId.checkChar', params: { expected: '5' } },
    ]);
  });

  it('catches a single mistyped character of a real ID', () => {
    expect(codes(validateTaxId('91110108690017781C', 'seller', normal))).toEqual(['error:taxId.checkChar']);
    expect(codes(validateTaxId('91110108690017871B', 'seller', normal))).toEqual(['error:taxId.checkChar']);
  });

  it('warns when only the inner GB 11714 check fails', () => {
    // Characters 9-17 changed and the USCC check character recomputed, so only the inner check can notice.
    const body = '91110108690017782';
    const id = `${body}${usccCheckChar(body) ?? ''}`;
    expect(validateTaxId(id, 'seller', normal)).toEqual([{ field: 'sellerTaxId', severity: 'warning', code: 'taxId.orgCheck' }]);
  });

  it('refuses I, O, Z, S, V in an 18-character ID and names them', () => {
    expect(validateTaxId('9150010807MGZHI002', 'seller', normal)).toEqual([
      { field: 'sellerTaxId', severity: 'error', code: 'taxId.badChars', params: { chars: 'Z, I' } },
    ]);
  });

  it('refuses punctuation in any ID', () => {
    expect(codes(validateTaxId('91110108-69001778', 'seller', normal))).toEqual(['error:taxId.badChars']);
  });

  it('normalises full-width, lower-case and spaced input before checking', () => {
    expect(validateTaxId('９１１１０１０８６９００１７７８１ｂ', 'seller', normal)).toEqual([]);
    expect(validateTaxId('9111 0108 6900 1778 1b', 'seller', normal)).toEqual([]);
  });

  it('accepts 15, 17 and 20 characters on format only (old IDs, 代开 DK IDs)', () => {
    expect(validateTaxId('51019800DK01187', 'seller', normal)).toEqual([]);
    expect(validateTaxId('91110101202001201', 'seller', normal)).toEqual([]);
    expect(validateTaxId('11010519491231002X01', 'buyer', normal)).toEqual([]);
  });

  it('warns (but does not block) on other lengths', () => {
    expect(validateTaxId('9111010869001778', 'seller', normal)).toEqual([
      { field: 'sellerTaxId', severity: 'warning', code: 'taxId.length', params: { actual: 16 } },
    ]);
  });

  it('accepts a resident ID number with a correct GB 11643 check and warns on a wrong one', () => {
    expect(idCardCheckChar('11010519491231002X')).toBe('X');
    expect(validateTaxId('11010519491231002X', 'buyer', normal)).toEqual([]);
    expect(validateTaxId('110105194912310021', 'buyer', normal)).toEqual([
      { field: 'buyerTaxId', severity: 'warning', code: 'taxId.idCardCheck', params: { expected: 'X' } },
    ]);
  });

  it('treats the Tencent 18-digit example (neither valid USCC nor a date-shaped ID) as a wrong check character', () => {
    expect(validateTaxId('44078819091887401X', 'seller', normal)).toEqual([
      { field: 'sellerTaxId', severity: 'error', code: 'taxId.checkChar', params: { expected: '2' } },
    ]);
  });

  it('warns on 18 characters that fit neither shape', () => {
    expect(codes(validateTaxId('91ABCDEF690017781B', 'seller', normal))).toEqual(['warning:taxId.format']);
  });

  it('requires the seller ID', () => {
    expect(validateTaxId('', 'seller', normal)).toEqual([{ field: 'sellerTaxId', severity: 'error', code: 'required' }]);
    expect(codes(validateTaxId('  ', 'seller', normal))).toEqual(['error:required']);
  });

  it('lets the buyer ID be empty on 普票 but warns on 专票', () => {
    expect(validateTaxId('', 'buyer', normal)).toEqual([]);
    expect(validateTaxId('', 'buyer', { kind: 'e_normal' })).toEqual([]);
    for (const kind of ['vat_special', 'e_special', 'digital_special'] as const) {
      expect(validateTaxId('', 'buyer', { kind })).toEqual([
        { field: 'buyerTaxId', severity: 'warning', code: 'taxId.buyerMissingSpecial' },
      ]);
    }
  });
});
