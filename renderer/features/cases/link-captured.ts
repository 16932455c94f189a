import type { InvoiceCase } from '../../../shared/cases/types';
import type { Invoice } from '../../../shared/domain/invoice';
import { cases } from '../../db';

/**
 * After an invoice is saved from capture: when an open case waits for an invoice with this code and number, link
 * the new invoice as its replacement (the case moves to 已收到). Returns the linked case, or null when none matched
 * or the link was refused.
 */
export async function linkCapturedReplacement(inv: Pick<Invoice, 'id' | 'code' | 'number'>): Promise<InvoiceCase | null> {
  const open = await cases.findOpenFor({ code: inv.code, number: inv.number });
  if (!open || open.replacementId !== null) return null;
  const r = await cases.linkReplacement(open.id, inv.id);
  return r.ok ? r.value : null;
}
