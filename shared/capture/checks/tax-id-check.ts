// A tax id read by OCR, judged by its check character (GB 32100 统一社会信用代码, GB 11643 身份证号): a right
// check character confirms the reading; a wrong one is repaired only when exactly one look-alike substitution
// (O↔0, B↔8, Z↔2, …) makes it right, and then it is still shown as doubtful; otherwise the reading stays doubtful.
import { idCardCheckChar, usccCheckChar } from '../../domain/tax-id';

/** How far a tax id reading can be trusted. */
export type TaxIdVerdict = 'checked' | 'repaired' | 'unchecked' | 'wrongCheck';

/** A tax id reading and its verdict. */
export interface TaxIdReading {
  readonly value: string;
  readonly verdict: TaxIdVerdict;
}

/** Characters OCR confuses with each other in printed ids. */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '0': 'ODQU', O: '0DQ', D: '0O', Q: '0O', '1': 'ILT7', I: '1L', L: '1I', T: '17', '7': '1T', '2': 'Z', Z: '2',
  '5': 'S', S: '5', '8': 'B3', B: '83', '3': '8B', '6': 'G', G: '6', A: 'R4', R: 'AK', '4': 'A', M: 'NW', N: 'MH',
  W: 'M', H: 'N', U: 'VJ', V: 'UY', Y: 'V', K: 'X', X: 'KY', '9': 'Q', C: 'G', E: 'F', F: 'E', P: 'R',
};

const isUsccShape = (id: string) => /^[0-9A-HJ-NP-RTUW-Y]{2}\d{6}[0-9A-HJ-NP-RTUW-Y]{10}$/.test(id);
const isIdCardShape = (id: string) => /^\d{17}[\dX]$/.test(id);
const checks = (id: string) => (isUsccShape(id) && usccCheckChar(id) === id.charAt(17)) || (isIdCardShape(id) && idCardCheckChar(id) === id.charAt(17));

/**
 * Judges a tax id as read (upper-case, no spaces). 18 characters: checked, repaired by one look-alike, or
 * wrongCheck; 15, 17 or 20 characters (older and personal ids) have no check character: unchecked.
 */
export function judgeTaxId(raw: string): TaxIdReading | undefined {
  const id = raw.toUpperCase();
  if (!/^[0-9A-Z]{15,20}$/.test(id)) return undefined;
  if (id.length !== 18) return { value: id, verdict: 'unchecked' };
  if (checks(id)) return { value: id, verdict: 'checked' };
  const repairs = new Set<string>();
  for (let i = 0; i < 18; i++) {
    for (const alt of LOOK_ALIKES[id.charAt(i)] ?? '') {
      const candidate = id.slice(0, i) + alt + id.slice(i + 1);
      if (checks(candidate)) repairs.add(candidate);
    }
  }
  const [only] = repairs;
  return repairs.size === 1 && only !== undefined ? { value: only, verdict: 'repaired' } : { value: id, verdict: 'wrongCheck' };
}
