/*
 * Company names as bank statements and invoices print them differ in width (（）vs ()), spacing, legal-form
 * suffixes (有限公司 vs 有限责任公司) and branch suffixes (…北京分公司, …海淀支行). Matching a payment's counterparty
 * to an invoice's seller compares the core of each name: folded, stripped of brackets, whitespace, the legal
 * form and everything after it (a branch is named after the legal form: 某某有限公司北京分公司), and a trailing
 * branch word or 集团 (某某集团 and 某某 are one counterparty to a clerk). Similarity is 1 for equal cores, high when one core contains the other, else a bigram overlap.
 */
import { normalizeText } from '../../domain/normalize';

const BRACKETS = /[()[\]{}<>（）【】〔〕《》「」『』〈〉]/g;
const SPACES = /[\s\u3000·・.,，、]/g;
// Leftmost match wins, so 股份有限公司 is found before the 有限公司 inside it.
const LEGAL_FORM = /(?:集团股份有限公司|股份有限公司|集团有限责任公司|集团有限公司|有限责任公司|有限公司|集团公司|总公司|合伙企业|公司)/;
const LATIN_FORM = /(?:co)?(?:ltd|limited|inc|corp)$/;
const BRANCH_WORD = /(?:集团|分公司|分行|支行|营业部|营业所|门店|分店|办事处|分部|分厂)$/;

/** Light normalisation for comparing names as printed: NFKC, one bracket style, no whitespace, lower-case Latin. */
export function plainName(name: string): string {
  return normalizeText(name).replace(/[（【〔]/g, '(').replace(/[）】〕]/g, ')').replace(/\s+/g, '').toLowerCase();
}

/** The core of a company name for matching (see the header): 上海某某科技有限公司北京分公司 → 上海某某科技. */
export function nameCore(name: string): string {
  let t = normalizeText(name).toLowerCase().replace(BRACKETS, '').replace(SPACES, '');
  const legal = LEGAL_FORM.exec(t);
  // A name that is nothing but a legal form ("公司") keeps it rather than becoming empty.
  if (legal && legal.index > 0) t = t.slice(0, legal.index);
  const latin = LATIN_FORM.exec(t);
  if (latin && latin.index > 0) t = t.slice(0, latin.index);
  for (let guard = 0; guard < 3 && BRANCH_WORD.test(t); guard++) {
    const stripped = t.replace(BRANCH_WORD, '');
    if (stripped === '') break;
    t = stripped;
  }
  return t;
}

/** Character bigrams of a string with their counts (a one-character string is its own bigram). */
export function bigrams(s: string): Map<string, number> {
  const chars = Array.from(s);
  const out = new Map<string, number>();
  if (chars.length === 1) out.set(s, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = `${chars[i] ?? ''}${chars[i + 1] ?? ''}`;
    out.set(g, (out.get(g) ?? 0) + 1);
  }
  return out;
}

/** 0.6–0.9 when one core (of two characters or more) contains the other, else null. */
export function containmentSimilarity(a: string, b: string): number | null {
  const [short, long] = a.length <= b.length ? [a, b] : [b, a];
  return short.length >= 2 && long.includes(short) ? 0.6 + 0.3 * (short.length / long.length) : null;
}

/** Similarity of two name cores in 0..1: 1 equal, 0.6–0.9 when one contains the other, else 0.9 × bigram Dice. */
export function coreSimilarity(a: string, b: string): number {
  if (a === '' || b === '') return 0;
  if (a === b) return 1;
  const contained = containmentSimilarity(a, b);
  if (contained !== null) return contained;
  const ga = bigrams(a);
  const gb = bigrams(b);
  let shared = 0;
  let total = 0;
  for (const n of ga.values()) total += n;
  for (const [g, n] of gb) {
    total += n;
    shared += Math.min(n, ga.get(g) ?? 0);
  }
  return total === 0 ? 0 : 0.9 * ((2 * shared) / total);
}

/** Similarity of two company names (cores compared, see coreSimilarity). */
export function nameSimilarity(a: string, b: string): number {
  return coreSimilarity(nameCore(a), nameCore(b));
}
