// Exact decimal arithmetic on BigInt: quantities and unit prices carry many decimals
// ("4197.16981132075"), and float products would make tolerance checks flap at the boundary.

/** An exact decimal: `units / 10^scale`. */
export interface Decimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** Parses plain decimal text ("-12.5", "0.060000", ".5"); returns null for anything else, including "" and ".". */
export function parseDecimal(text: string): Decimal | null {
  const m = DECIMAL_PATTERN.exec(text.trim());
  if (!m) return null;
  const sign = m[1] ?? '';
  const intPart = m[2] ?? '';
  const fracPart = m[3] ?? '';
  if (intPart === '' && fracPart === '') return null;
  const magnitude = BigInt(`${intPart}${fracPart}` || '0');
  return { units: sign === '-' ? -magnitude : magnitude, scale: fracPart.length };
}

/** Builds a decimal from integer fen (scale 2). */
export function decimalFromFen(fen: number): Decimal {
  return { units: BigInt(fen), scale: 2 };
}

/** Exact product. */
export function mulDecimal(a: Decimal, b: Decimal): Decimal {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

/** Re-expresses a decimal at a larger scale without loss. */
function widen(d: Decimal, scale: number): bigint {
  return d.units * 10n ** BigInt(scale - d.scale);
}

/** Exact difference a − b. */
export function subDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: widen(a, scale) - widen(b, scale), scale };
}

/** Exact sum a + b. */
export function addDecimal(a: Decimal, b: Decimal): Decimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: widen(a, scale) + widen(b, scale), scale };
}

/** Rounds half away from zero (四舍五入, as invoicing software does) to `scale` decimals. */
export function roundDecimal(d: Decimal, scale: number): Decimal {
  if (d.scale <= scale) return { units: widen(d, scale), scale };
  const divisor = 10n ** BigInt(d.scale - scale);
  const magnitude = d.units < 0n ? -d.units : d.units;
  let q = magnitude / divisor;
  if ((magnitude % divisor) * 2n >= divisor) q += 1n;
  return { units: d.units < 0n ? -q : q, scale };
}

/** Compares |d| with |limit| exactly: -1, 0 or 1. */
export function compareAbs(d: Decimal, limit: Decimal): -1 | 0 | 1 {
  const scale = Math.max(d.scale, limit.scale);
  const a = widen(d, scale);
  const b = widen(limit, scale);
  const absA = a < 0n ? -a : a;
  const absB = b < 0n ? -b : b;
  return absA === absB ? 0 : absA < absB ? -1 : 1;
}

/** Compares two decimals exactly: -1, 0 or 1. */
export function compareDecimal(a: Decimal, b: Decimal): -1 | 0 | 1 {
  const diff = subDecimal(a, b).units;
  return diff === 0n ? 0 : diff < 0n ? -1 : 1;
}

/** Rounds to whole fen (half away from zero) and returns it as a number. */
export function decimalToFen(d: Decimal): number {
  return Number(roundDecimal(d, 2).units);
}

/** Shortest exact text ("0.13", "0.015", "0", "-2.5"): trailing zeros dropped. */
export function formatDecimal(d: Decimal): string {
  const negative = d.units < 0n;
  let digits = (negative ? -d.units : d.units).toString().padStart(d.scale + 1, '0');
  let scale = d.scale;
  while (scale > 0 && digits.endsWith('0')) {
    digits = digits.slice(0, -1);
    scale -= 1;
  }
  const intPart = digits.slice(0, digits.length - scale);
  const fracPart = digits.slice(digits.length - scale);
  const body = scale > 0 ? `${intPart}.${fracPart}` : intPart;
  return negative && body !== '0' ? `-${body}` : body;
}
