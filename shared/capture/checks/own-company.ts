// The company's own identity (a setting: its name and tax id) as a second reading of a party. On a purchase
// invoice the company is the buyer, on a sales invoice the seller; a party whose tax id is the company's, or
// differs from it by a misread character or two, is the company — its id and name are then known exactly.
import { normalizeName } from '../../domain/normalize';
import { CERTAIN_CONFIDENCE, type ExtractedInvoice, type FieldOrigin } from '../extracted';

/** The company using Fapiao Desk, as set by the clerk. */
export interface OwnCompany {
  readonly taxId: string;
  readonly name?: string;
}

/** Confidence of a value confirmed by the company's own settings. */
export const OWN_COMPANY_CONFIDENCE = 0.95;

/** Characters that differ between two strings of one length (Infinity when the lengths differ). */
function mismatches(a: string, b: string): number {
  if (a.length !== b.length) return Infinity;
  let n = 0;
  for (let i = 0; i < a.length; i++) if (a.charAt(i) !== b.charAt(i)) n++;
  return n;
}

/** Levenshtein distance, for names (a misread character, a dropped one). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j] ?? 0;
      row[j] = Math.min(cur + 1, (row[j - 1] ?? 0) + 1, prev + (a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length] ?? 0;
}

/**
 * Confirms or corrects the party that is the company: its tax id read exactly, or within two misread
 * characters when the reading was doubtful (an id read with confidence stays as read — it is another company);
 * then its name, when the one read is close to the company's (or missing).
 */
export function applyOwnCompany(e: ExtractedInvoice, company: OwnCompany): ExtractedInvoice {
  const id = company.taxId.trim().toUpperCase();
  if (id.length < 15) return e;
  const isUs = (role: 'buyer' | 'seller') => {
    const read = e.fields[`${role}TaxId`];
    const origin = e.sources[`${role}TaxId`];
    if (read === undefined) return false;
    return read === id || (origin !== undefined && origin.confidence < CERTAIN_CONFIDENCE && mismatches(read, id) <= 2);
  };
  const role = isUs('buyer') ? 'buyer' : isUs('seller') ? 'seller' : null;
  if (role === null) return e;
  const confirmed: FieldOrigin = { source: e.sources[`${role}TaxId`]?.source ?? 'ocr', confidence: OWN_COMPANY_CONFIDENCE };
  const fields = { ...e.fields, [`${role}TaxId`]: id };
  const sources = { ...e.sources, [`${role}TaxId`]: confirmed };
  const name = company.name === undefined ? '' : normalizeName(company.name);
  const readName = e.fields[`${role}Name`];
  if (name !== '' && (readName === undefined || distance(readName, name) <= Math.max(2, Math.floor(name.length / 5)))) {
    fields[`${role}Name`] = name;
    sources[`${role}Name`] = { source: e.sources[`${role}Name`]?.source ?? confirmed.source, confidence: OWN_COMPANY_CONFIDENCE };
  }
  return { ...e, fields, sources, conflicts: e.conflicts.filter((c) => c.field !== `${role}TaxId` && !(c.field === `${role}Name` && fields[`${role}Name`] === name)) };
}
