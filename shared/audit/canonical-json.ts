/**
 * Canonical JSON: object keys sorted, no whitespace, `undefined` members dropped (as JSON.stringify does).
 * The audit hash covers this text, so two engines that store the same entry compute the same hash.
 * Written with plain loops and string appends: a ledger import hashes one entry per invoice.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    // JSON.stringify returns undefined for undefined and functions, despite its declared type.
    const text = JSON.stringify(value) as string | undefined;
    return text === undefined ? 'null' : text;
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalJson(value[i]);
    return out + ']';
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  let first = true;
  for (const key of keys) {
    const member = record[key];
    if (member === undefined) continue;
    out += (first ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
    first = false;
  }
  return out + '}';
}
