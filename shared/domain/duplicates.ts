// Duplicate detection keys (docs/invoice-rules.md#duplicates). A hard key identifies one invoice nationally,
// so a second record with it is refused; a soft key only makes a duplicate likely, so it warns. Never merge.
import type { InvoiceContent, Issue } from './invoice';
import { issue } from './issue-codes';

/** The fields the keys are built from. */
export type DuplicateKeySource = Pick<InvoiceContent, 'code' | 'number' | 'issueDate' | 'total'> & {
  readonly seller: Pick<InvoiceContent['seller'], 'taxId'>;
};

/** Identity of an invoice: the 20-digit 数电 number alone (`n:…`), otherwise 发票代码 + 发票号码 (`c:…:…`). */
export function hardKey(content: Pick<InvoiceContent, 'code' | 'number'>): string {
  // 数电 numbers are unique nationwide; a paper 数电 copy may also carry a code, which must not split the key.
  if (/^\d{20}$/.test(content.number)) return `n:${content.number}`;
  return `c:${content.code}:${content.number}`;
}

/** Likely-the-same-invoice key: seller tax ID, issue date and 价税合计 in fen. */
export function softKey(content: DuplicateKeySource): string {
  return `s:${content.seller.taxId}:${content.issueDate}:${String(content.total)}`;
}

/** A stored invoice to compare against: its id and its content. */
export interface DuplicateCandidate extends DuplicateKeySource {
  readonly id: string;
}

/** Issues for records that share a key with `content`: hard matches are errors, soft-only matches warnings. */
export function duplicateIssues(content: DuplicateKeySource, others: Iterable<DuplicateCandidate>, selfId?: string): Issue[] {
  const hard = hardKey(content);
  const soft = softKey(content);
  const issues: Issue[] = [];
  for (const other of others) {
    if (other.id === selfId) continue;
    if (hardKey(other) === hard) issues.push(issue('number', 'error', 'duplicate.hard', { id: other.id }));
    else if (softKey(other) === soft) issues.push(issue('total', 'warning', 'duplicate.soft', { id: other.id }));
  }
  return issues;
}

/** Whether a kept warning marks the record as a possible duplicate (duplicate.soft, or duplicate.hard brought by sync). */
export function isDuplicateWarning(code: string): boolean {
  return code.startsWith('duplicate.');
}
